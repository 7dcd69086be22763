package dev.imap4.camel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the consumer remembers about its folder between polls, valid for one UIDVALIDITY (RFC 3501
 * §2.3.1.1): a UID names a message only together with it, so everything here is forgotten when it
 * changes. Only the polling thread touches it, while it holds the connection lock.
 *
 * <ul>
 * <li>{@code inFlight}: handed to the route, outcome not applied yet; never delivered twice.</li>
 * <li>{@code done}: finished (success, a failure that parked the message, or a message that cannot
 * be parsed, see {@link Imap4Unparseable}) but possibly still matching the search, for example
 * because its success action was NONE or COPY, or because the action failed on the server; never
 * delivered again. Pruned to what the search still finds.</li>
 * <li>{@code watermark} (incremental mode): every UID at or below it needs nothing more; it only
 * moves past a UID once that message is done, so a failed message is retried, not skipped. It moves
 * both when a search finds UIDs and as soon as outcomes were applied ({@link #advanceWatermark()}),
 * so the next search already asks only for {@code UID n:*} past everything consumed.</li>
 * <li>{@code found} (incremental mode): the UIDs above the watermark the last search found; those
 * not done yet hold the watermark below them.</li>
 * <li>{@code failures}: failed attempts per UID, for onFailure MOVE.</li>
 * <li>{@code pendingExpunge}: flagged \Deleted by the consumer, waiting for a BATCH UID EXPUNGE.</li>
 * </ul>
 */
final class Imap4ConsumerState {

    /** Before the first SELECT. */
    static final long UNKNOWN = -1;

    private long uidValidity = UNKNOWN;
    private long watermark;
    private final TreeSet<Long> done = new TreeSet<>();
    private final Set<Long> inFlight = new HashSet<>();
    private final Map<Long, Integer> failures = new HashMap<>();
    private final TreeSet<Long> pendingExpunge = new TreeSet<>();
    private final TreeSet<Long> found = new TreeSet<>();

    long uidValidity() {
        return uidValidity;
    }

    long watermark() {
        return watermark;
    }

    /**
     * Adopts the UIDVALIDITY a SELECT reported. Returns true when it differs from a known previous
     * one: then every UID remembered belongs to messages that no longer exist under that name, and
     * all of it is forgotten.
     */
    boolean adopt(long newUidValidity) {
        if (newUidValidity == uidValidity) {
            return false;
        }
        boolean changed = uidValidity != UNKNOWN;
        uidValidity = newUidValidity;
        watermark = 0;
        done.clear();
        inFlight.clear();
        failures.clear();
        pendingExpunge.clear();
        found.clear();
        return changed;
    }

    /**
     * The UIDs of a search result still to deliver, in the result's order. In incremental mode UIDs
     * at or below the watermark are dropped first: {@code UID n:*} always matches the highest UID
     * in use even when it is below n (RFC 3501 §6.4.8), and Dovecot answers accordingly.
     */
    List<Long> candidates(List<Long> result, boolean incremental) {
        if (result.isEmpty() && inFlight.isEmpty()) {
            // an empty poll: nothing matches, nothing is live; the same as below without its collections
            failures.clear();
            if (incremental) {
                found.clear();
                advanceWatermark();
            } else {
                done.clear();
            }
            return List.of();
        }
        List<Long> matching = new ArrayList<>(result.size());
        for (Long uid : result) {
            if (!incremental || uid > watermark) {
                matching.add(uid);
            }
        }
        if (!failures.isEmpty()) {
            Set<Long> live = new HashSet<>(matching);
            live.addAll(inFlight);
            failures.keySet().retainAll(live);
        }
        if (incremental) {
            found.clear();
            found.addAll(matching);
            advanceWatermark();
        } else if (!done.isEmpty()) {
            Set<Long> live = new HashSet<>(matching);
            live.addAll(inFlight);
            done.retainAll(live);
        }
        List<Long> out = new ArrayList<>(matching.size());
        for (Long uid : matching) {
            if (uid > watermark && !done.contains(uid) && !inFlight.contains(uid)) {
                out.add(uid);
            }
        }
        return out;
    }

    /**
     * Incremental mode: moves the watermark up to the last done UID below the first one the last
     * search found that still needs work (or one in flight); to the highest found when all are done.
     * Called after each search and after outcomes were applied on the server.
     */
    void advanceWatermark() {
        long blocker = Long.MAX_VALUE;
        for (Long uid : found) { // ascending: the first not done is the lowest
            if (!done.contains(uid)) {
                blocker = uid;
                break;
            }
        }
        for (Long uid : inFlight) {
            blocker = Math.min(blocker, uid);
        }
        if (blocker == Long.MAX_VALUE) {
            long highest = found.isEmpty() ? watermark : Math.max(watermark, found.last());
            watermark = done.isEmpty() ? highest : Math.max(highest, done.last());
        } else {
            Long below = done.lower(blocker);
            if (below != null && below > watermark) {
                watermark = below;
            }
        }
        if (!done.isEmpty() && done.first() <= watermark) {
            done.headSet(watermark, true).clear();
        }
        if (!found.isEmpty() && found.first() <= watermark) {
            found.headSet(watermark, true).clear();
        }
    }

    void delivered(long uid) {
        inFlight.add(uid);
    }

    boolean isInFlight(long uid) {
        return inFlight.contains(uid);
    }

    /** Finished for good in this UIDVALIDITY: success, or a failure that parked the message. */
    void finished(long uid) {
        inFlight.remove(uid);
        failures.remove(uid);
        done.add(uid);
    }

    /** Failed and left as it was, so the next poll delivers it again. */
    void retry(long uid) {
        inFlight.remove(uid);
    }

    /** Counts a failed attempt and returns how many there have been. */
    int failedAttempt(long uid) {
        return failures.merge(uid, 1, Integer::sum);
    }

    void expungeLater(List<Long> uids) {
        pendingExpunge.addAll(uids);
    }

    /** The UIDs waiting for a BATCH expunge; the list is emptied. */
    List<Long> takePendingExpunge() {
        List<Long> out = new ArrayList<>(pendingExpunge);
        pendingExpunge.clear();
        return out;
    }

    /** The UIDs done above the watermark (read-only), for {@link Imap4StateStore}. */
    java.util.NavigableSet<Long> doneView() {
        return java.util.Collections.unmodifiableNavigableSet(done);
    }

    /**
     * Takes over what {@link Imap4StateStore} saved for the current UIDVALIDITY: the watermark, the
     * UIDs done above it, and the failed attempts of each message (one that began and never ended,
     * because the JVM died, counts as failed).
     */
    void restore(long savedWatermark, java.util.Collection<Long> savedDone, Map<Long, Integer> savedAttempts) {
        watermark = Math.max(watermark, savedWatermark);
        for (Long uid : savedDone) {
            if (uid > watermark) {
                done.add(uid);
            }
        }
        savedAttempts.forEach((uid, n) -> failures.merge(uid, n, Math::max));
    }
}
