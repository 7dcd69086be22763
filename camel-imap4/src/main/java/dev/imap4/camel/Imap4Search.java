package dev.imap4.camel;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.ImapUtil;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.SearchKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's search: one UID SEARCH (or UID SORT) per poll, whatever the folder's size. The
 * configured criteria are ANDed with
 * <ul>
 * <li>{@code UNDELETED}, unless the criteria mention DELETED or UNDELETED themselves: a message
 * flagged \Deleted is on its way out (the consumer's own DELETE or MOVE without MOVE support may
 * have left it there until expunged) and must not be delivered again;</li>
 * <li>the failure flag's negation when onFailure is FLAG ({@code UNKEYWORD $Failed}), so a failed
 * message is parked instead of being retried on every poll;</li>
 * <li>{@code UID n:*} in incremental mode;</li>
 * <li>{@code YOUNGER n} (WITHIN, RFC 5032) with searchWithin, or {@code SINCE} the window's first day
 * when the server lacks WITHIN, evaluated at every poll.</li>
 * </ul>
 * The criteria are text in IMAP syntax or a typed {@link SearchKey}; either way the client core
 * encodes every value.
 */
final class Imap4Search {

    private static final Logger LOG = LoggerFactory.getLogger(Imap4Search.class);
    private static final long MAX_UID = 0xFFFFFFFFL;
    private static final String ATOM_SPECIALS = "(){ %*\"\\]";
    /**
     * SINCE compares the day of a message's internal date in its own zone; the day in UTC-12, the
     * last zone to reach any date, is on or before that day for every zone, so no message of the
     * window is left out.
     */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(-12);

    private final SearchKey typed;
    private final Duration within;
    private final Clock clock;
    private final List<String> criteria;
    private final String sortCriteria;
    private final List<String> exclusion;
    private final boolean incremental;
    private boolean sortWarned;
    private boolean uidKeyBroken;
    private ImapClient uidKeyChecked;

    Imap4Search(Imap4Configuration config) {
        this(config, Clock.systemUTC());
    }

    /** With the clock that tells the time of each poll (for searchWithin). */
    Imap4Search(Imap4Configuration config, Clock clock) {
        Object configured = config.getSearchCriteria();
        List<String> c = new ArrayList<>();
        if (configured instanceof SearchKey key) {
            this.typed = key;
            if (!mentionsDeleted(key)) {
                c.add("UNDELETED");
            }
        } else {
            if (configured != null && !(configured instanceof String)) {
                throw new IllegalArgumentException("searchCriteria must be text in IMAP SEARCH syntax or a "
                        + SearchKey.class.getName() + ", got a " + configured.getClass().getName());
            }
            String text = configured == null ? "" : ((String) configured).trim();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("searchCriteria must not be empty; use ALL to consume every message");
            }
            this.typed = null;
            c.addAll(ImapUtil.splitArgs(text));
            if (!mentionsDeleted(c)) {
                c.add("UNDELETED");
            }
        }
        this.criteria = List.copyOf(c);
        if (config.getSearchWithin() < 0) {
            throw new IllegalArgumentException("searchWithin must not be negative, got " + config.getSearchWithin() + " ms");
        }
        // YOUNGER takes whole seconds: round up, so the window is never shorter than asked
        this.within = config.getSearchWithin() == 0 ? null : Duration.ofSeconds((config.getSearchWithin() + 999) / 1000);
        if (within != null && within.getSeconds() > MAX_UID) {
            throw new IllegalArgumentException("searchWithin must be at most 4294967295 seconds (WITHIN's limit), got "
                    + within);
        }
        this.clock = clock;
        this.sortCriteria = config.getSortCriteria() == null || config.getSortCriteria().isBlank() ? null
                : config.getSortCriteria().trim();
        this.exclusion = config.getOnFailure() == Imap4OnFailure.FLAG ? exclusion(config.getFailureFlag()) : List.of();
        this.incremental = config.isIncremental();
    }

    /** The search program for a poll, as separate arguments. */
    List<String> program(long watermark) {
        List<String> p = new ArrayList<>(criteria);
        p.addAll(exclusion);
        if (incremental && watermark > 0 && watermark < MAX_UID && !uidKeyBroken) {
            p.add("UID");
            p.add((watermark + 1) + ":*");
        }
        return p;
    }

    /**
     * The whole program for a poll: the typed criteria, the text program of {@link #program}, and the
     * relative date as YOUNGER (server offers WITHIN) or SINCE the window's first day, at {@code now}.
     */
    SearchKey key(long watermark, boolean serverHasWithin, Instant now) {
        List<SearchKey> keys = new ArrayList<>();
        if (typed != null) {
            keys.add(typed);
        }
        List<String> program = program(watermark);
        if (!program.isEmpty()) {
            keys.add(SearchKey.program(program));
        }
        if (within != null) {
            keys.add(serverHasWithin ? SearchKey.younger(within)
                    : SearchKey.since(LocalDate.ofInstant(now.minus(within), EARLIEST_ZONE)));
        }
        return keys.size() == 1 ? keys.get(0) : SearchKey.and(keys);
    }

    /**
     * The key of the last poll, reused while the watermark stays the same: without searchWithin a
     * poll's program depends on nothing else, and an empty poll builds none. Dropped when the server
     * turns out not to search by UID.
     */
    private SearchKey lastKey;
    private long lastWatermark = -1;

    /** Runs the search: UIDs in delivery order (SORT order when sorting, otherwise ascending). */
    List<Long> run(ImapClient client, long watermark) {
        List<Long> uids = search(client, watermark);
        if (uids.isEmpty() && incremental && watermark > 0 && !uidKeyBroken && uidKeyIgnored(client)) {
            uids = search(client, watermark);
        }
        return uids;
    }

    /**
     * Quirk, GNU Mailutils imap4d 3.15: its SEARCH key {@code UID set} matches the set against
     * message sequence numbers, not UIDs, and cannot resolve {@code *} in it ({@code UID n:*} matches
     * nothing, {@code UID *} is answered BAD "Bogus number set"), so an incremental search finds no
     * new message once a watermark is set. RFC 3501 §6.4.8 makes {@code UID *} match the highest UID
     * of a non-empty mailbox: once per connection, when a search with {@code UID n:*} found nothing in
     * a folder that is not empty, the consumer asks exactly that; a server that refuses it is searched
     * without the UID key from then on, and {@link Imap4ConsumerState#candidates} drops what is at or
     * below the watermark, which is what the key would have left out.
     */
    private boolean uidKeyIgnored(ImapClient client) {
        if (client == uidKeyChecked || client.selected() == null || client.selected().exists() == 0) {
            return false;
        }
        uidKeyChecked = client;
        try {
            client.search(true, SearchKey.program(List.of("UID", "*")));
            return false;
        } catch (Imap4CommandException e) {
            uidKeyBroken = true;
            lastKey = null;
            LOG.warn("The server refuses the search key UID * ({}), so it cannot search by UID: the incremental"
                    + " search goes without the UID key from now on and leaves out what is at or below the watermark"
                    + " itself", e.getMessage());
            return true;
        }
    }

    private List<Long> search(ImapClient client, long watermark) {
        SearchKey program;
        if (within == null && lastKey != null && watermark == lastWatermark) {
            program = lastKey;
        } else {
            program = key(watermark, within != null && client.hasCapability("WITHIN"),
                    within == null ? null : clock.instant());
            lastKey = program;
            lastWatermark = watermark;
        }
        if (sortCriteria != null) {
            if (client.hasCapability("SORT")) {
                return client.sort(true, sortCriteria, program).numbers();
            }
            if (!sortWarned) {
                sortWarned = true;
                LOG.info("The server does not offer SORT; delivering in UID order instead of {}", sortCriteria);
            }
        }
        List<Long> found = client.search(true, program).numbers();
        if (ascending(found)) {
            return found; // as servers send them (ESEARCH always): no copy to sort
        }
        List<Long> uids = new ArrayList<>(found);
        Collections.sort(uids);
        return uids;
    }

    private static boolean ascending(List<Long> uids) {
        for (int i = 1, n = uids.size(); i < n; i++) {
            if (uids.get(i - 1) >= uids.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** The search keys that leave out messages carrying {@code flag} (RFC 3501 §6.4.4). */
    static List<String> exclusion(String flag) {
        if (flag == null || flag.isEmpty()) {
            throw new IllegalArgumentException("failureFlag must be set when onFailure is FLAG");
        }
        String key = switch (flag.toLowerCase(Locale.ROOT)) {
            case "\\seen" -> "UNSEEN";
            case "\\answered" -> "UNANSWERED";
            case "\\flagged" -> "UNFLAGGED";
            case "\\draft" -> "UNDRAFT";
            case "\\deleted" -> "UNDELETED";
            default -> null;
        };
        if (key != null) {
            return List.of(key);
        }
        // RFC 3501 §9 flag-keyword = atom
        for (char ch : flag.toCharArray()) {
            if (ch <= 0x20 || ch >= 0x7f || ATOM_SPECIALS.indexOf(ch) >= 0) {
                throw new IllegalArgumentException("failureFlag '" + flag + "' is not a valid IMAP keyword"
                        + " (an atom such as $Failed) nor a settable system flag");
            }
        }
        return List.of("UNKEYWORD", flag);
    }

    private static boolean mentionsDeleted(SearchKey key) {
        for (SearchKey k : key.flatten()) {
            if (k instanceof SearchKey.Flag f && (f.name().equals("DELETED") || f.name().equals("UNDELETED"))
                    || k instanceof SearchKey.Program p && mentionsDeleted(p.arguments())) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsDeleted(List<String> args) {
        for (String a : args) {
            if (a.startsWith("\"")) {
                continue;
            }
            if (a.startsWith("(") && a.endsWith(")")) {
                if (mentionsDeleted(ImapUtil.splitArgs(a.substring(1, a.length() - 1)))) {
                    return true;
                }
            } else if (a.equalsIgnoreCase("DELETED") || a.equalsIgnoreCase("UNDELETED")) {
                return true;
            }
        }
        return false;
    }
}
