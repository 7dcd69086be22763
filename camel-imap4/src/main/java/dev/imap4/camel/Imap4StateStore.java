package dev.imap4.camel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's state kept in a Camel {@link StateRepository} (stateRepository option), so that a
 * consumer restarted, even in another JVM, goes on where it stopped. One entry per server, user and
 * folder (see {@link #key}), so two endpoints never share one. Its value is one line of ASCII:
 *
 * <pre>imap4-state/1;uidvalidity:N;watermark:N;modseq:N;done:SET;attempts:UID*N,...</pre>
 *
 * <ul>
 * <li>uidvalidity: the folder's UIDVALIDITY; everything else is valid only for it;</li>
 * <li>watermark and done: every UID at or below the watermark, and those in done (an IMAP
 * sequence set), need nothing more;</li>
 * <li>modseq: the folder's HIGHESTMODSEQ at the last SELECT, for a QRESYNC resume (absent
 * without CONDSTORE);</li>
 * <li>attempts: how many times a message was handed to the route without succeeding, counted
 * <em>before</em> the route runs, so a message that kills the JVM is counted too.</li>
 * </ul>
 *
 * <p>The value never exceeds {@code maxBytes}: over it, the oldest attempt counts are dropped first,
 * then the highest ranges of done (those messages may be delivered again after a restart; nothing
 * is lost). A value that cannot be read (corrupt, written by another program or a newer format) is
 * logged as a warning and replaced: the consumer starts from the beginning of the folder, as
 * without a repository, never fails in a loop.
 */
final class Imap4StateStore {

    private static final Logger LOG = LoggerFactory.getLogger(Imap4StateStore.class);
    static final String FORMAT = "imap4-state/1";
    static final long MAX_UID = 0xFFFFFFFFL;
    /** At most this many done UIDs are read back (a few MB of memory); a larger set is refused as corrupt. */
    static final long MAX_DONE = 200_000;

    private final StateRepository<String, String> repository;
    private final String key;
    private final int maxBytes;
    private long uidValidity = Imap4ConsumerState.UNKNOWN;
    private Long modSeq;
    private long watermark;
    private final TreeSet<Long> done = new TreeSet<>();
    private final LinkedHashMap<Long, Integer> attempts = new LinkedHashMap<>();
    private String lastSaved;
    private boolean truncationWarned;

    Imap4StateStore(StateRepository<String, String> repository, String key, int maxBytes) {
        if (maxBytes < 256) {
            throw new IllegalArgumentException("stateMaxBytes must be at least 256, not " + maxBytes);
        }
        this.repository = repository;
        this.key = key;
        this.maxBytes = maxBytes;
    }

    /**
     * The entry's key: {@code imap4:server/user/folder}, each part percent-encoded so that no
     * character a line-oriented store uses (=, CR, LF, space) can appear and no two endpoints can
     * collide.
     */
    static String key(String server, String user, String folder) {
        return "imap4:" + encode(server) + "/" + encode(user == null ? "" : user) + "/" + encode(folder);
    }

    private static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ".-_:@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    String key() {
        return key;
    }

    /** Reads the entry; false (after a warning for a bad one) when there is none to use. */
    boolean load() {
        String value = repository.getState(key);
        if (value == null) {
            return false;
        }
        try {
            parse(value);
            lastSaved = value;
            return true;
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring the saved consumer state {}: {}; starting from the beginning of the folder", key,
                    e.getMessage());
            clear(Imap4ConsumerState.UNKNOWN);
            return false;
        }
    }

    private void parse(String value) {
        String[] fields = value.split(";", -1);
        if (!FORMAT.equals(fields[0])) {
            throw new IllegalArgumentException("not in format " + FORMAT + " (it starts with '"
                    + abbreviate(fields[0]) + "')");
        }
        clear(Imap4ConsumerState.UNKNOWN);
        for (int i = 1; i < fields.length; i++) {
            int colon = fields[i].indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("field '" + abbreviate(fields[i]) + "' has no ':'");
            }
            String name = fields[i].substring(0, colon);
            String data = fields[i].substring(colon + 1);
            switch (name) {
                case "uidvalidity" -> uidValidity = number(data, 1, MAX_UID, name);
                case "watermark" -> watermark = number(data, 0, MAX_UID, name);
                case "modseq" -> modSeq = data.isEmpty() ? null : number(data, 1, Long.MAX_VALUE, name);
                case "done" -> parseDone(data);
                case "attempts" -> parseAttempts(data);
                default -> throw new IllegalArgumentException("unknown field '" + abbreviate(name) + "'");
            }
        }
        if (uidValidity == Imap4ConsumerState.UNKNOWN) {
            throw new IllegalArgumentException("no uidvalidity");
        }
    }

    private void parseDone(String data) {
        if (data.isEmpty()) {
            return;
        }
        long total = 0;
        for (String range : data.split(",", -1)) {
            int colon = range.indexOf(':');
            long lo = number(colon < 0 ? range : range.substring(0, colon), 1, MAX_UID, "done");
            long hi = colon < 0 ? lo : number(range.substring(colon + 1), lo, MAX_UID, "done");
            total += hi - lo + 1;
            if (total > MAX_DONE) {
                throw new IllegalArgumentException("done holds more than " + MAX_DONE + " UIDs");
            }
            for (long u = lo; u <= hi; u++) {
                done.add(u);
            }
        }
    }

    private void parseAttempts(String data) {
        if (data.isEmpty()) {
            return;
        }
        for (String entry : data.split(",", -1)) {
            int star = entry.indexOf('*');
            if (star < 0) {
                throw new IllegalArgumentException("attempts entry '" + abbreviate(entry) + "' is not UID*COUNT");
            }
            long uid = number(entry.substring(0, star), 1, MAX_UID, "attempts");
            attempts.put(uid, (int) number(entry.substring(star + 1), 1, Integer.MAX_VALUE, "attempts"));
        }
    }

    private static long number(String s, long min, long max, String field) {
        if (s.isEmpty() || s.length() > 19 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(field + " '" + abbreviate(s) + "' is not a number");
        }
        long n = Long.parseLong(s);
        if (n < min || n > max) {
            throw new IllegalArgumentException(field + " " + n + " is out of range " + min + ".." + max);
        }
        return n;
    }

    private static String abbreviate(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }

    long uidValidity() {
        return uidValidity;
    }

    long watermark() {
        return watermark;
    }

    Long modSeq() {
        return modSeq;
    }

    NavigableSet<Long> done() {
        return done;
    }

    Map<Long, Integer> attempts() {
        return attempts;
    }

    /** Forgets everything: a new UIDVALIDITY (or none yet) with nothing done. */
    void clear(long newUidValidity) {
        uidValidity = newUidValidity;
        watermark = 0;
        modSeq = null;
        done.clear();
        attempts.clear();
    }

    void modSeq(Long highestModSeq) {
        modSeq = highestModSeq;
    }

    /** How many attempts of {@code uid} began and did not succeed. */
    int attemptsOf(long uid) {
        return attempts.getOrDefault(uid, 0);
    }

    /** Counts one more attempt of {@code uid} and saves it at once, before the route runs. */
    void beginAttempt(long uid, long currentWatermark, NavigableSet<Long> currentDone) {
        attempts.merge(uid, 1, Integer::sum);
        save(currentWatermark, currentDone);
    }

    /**
     * Saves the consumer's progress: the watermark and the done UIDs above it; attempt counts of
     * UIDs that need nothing more are dropped. Writes only when the value changed.
     */
    void save(long currentWatermark, NavigableSet<Long> currentDone) {
        watermark = currentWatermark;
        done.clear();
        done.addAll(currentDone.tailSet(currentWatermark, false));
        attempts.keySet().removeIf(uid -> uid <= watermark || done.contains(uid));
        String value = render();
        if (!value.equals(lastSaved)) {
            repository.setState(key, value);
            lastSaved = value;
        }
    }

    private String render() {
        List<String> ranges = ranges(done);
        while (true) {
            String value = render(ranges);
            if (value.length() <= maxBytes) {
                return value;
            }
            if (!truncationWarned) {
                truncationWarned = true;
                LOG.warn("The consumer state {} is over stateMaxBytes={}; dropping the oldest attempt counts and"
                        + " then the highest done UIDs (those may be delivered again after a restart)", key, maxBytes);
            }
            if (!attempts.isEmpty()) {
                Iterator<Long> it = attempts.keySet().iterator();
                it.next();
                it.remove();
            } else {
                ranges.remove(ranges.size() - 1);
            }
        }
    }

    private String render(List<String> ranges) {
        StringBuilder sb = new StringBuilder(FORMAT).append(";uidvalidity:").append(uidValidity)
                .append(";watermark:").append(watermark);
        if (modSeq != null) {
            sb.append(";modseq:").append(modSeq);
        }
        sb.append(";done:").append(String.join(",", ranges));
        sb.append(";attempts:");
        boolean first = true;
        for (Map.Entry<Long, Integer> e : attempts.entrySet()) {
            sb.append(first ? "" : ",").append(e.getKey()).append('*').append(e.getValue());
            first = false;
        }
        return sb.toString();
    }

    private static List<String> ranges(NavigableSet<Long> uids) {
        List<String> out = new ArrayList<>();
        Long lo = null;
        long hi = 0;
        for (long u : uids) {
            if (lo != null && u == hi + 1) {
                hi = u;
                continue;
            }
            if (lo != null) {
                out.add(lo == hi ? Long.toString(lo) : lo + ":" + hi);
            }
            lo = u;
            hi = u;
        }
        if (lo != null) {
            out.add(lo == hi ? Long.toString(lo) : lo + ":" + hi);
        }
        return out;
    }
}
