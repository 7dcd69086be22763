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
 * moves past a UID once that message is done, so a failed message is retried, not skipped.</li>
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
        return changed;
    }

    /**
     * The UIDs of a search result still to deliver, in the result's order. In incremental mode UIDs
     * at or below the watermark are dropped first: {@code UID n:*} always matches the highest UID
     * in use even when it is below n (RFC 3501 §6.4.8), and Dovecot answers accordingly.
     */
    List<Long> candidates(List<Long> found, boolean incremental) {
        List<Long> matching = new ArrayList<>(found.size());
        for (Long uid : found) {
            if (!incremental || uid > watermark) {
                matching.add(uid);
            }
        }
        Set<Long> live = new HashSet<>(matching);
        live.addAll(inFlight);
        failures.keySet().retainAll(live);
        if (incremental) {
            advanceWatermark(matching);
        } else {
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

    // the watermark moves up to the last done UID below the first one still needing work
    private void advanceWatermark(List<Long> matching) {
        long blocker = Long.MAX_VALUE;
        long highest = watermark;
        for (Long uid : matching) {
            highest = Math.max(highest, uid);
            if (!done.contains(uid)) {
                blocker = Math.min(blocker, uid);
            }
        }
        for (Long uid : inFlight) {
            blocker = Math.min(blocker, uid);
        }
        if (blocker == Long.MAX_VALUE) {
            watermark = done.isEmpty() ? highest : Math.max(highest, done.last());
        } else {
            Long below = done.lower(blocker);
            if (below != null && below > watermark) {
                watermark = below;
            }
        }
        done.headSet(watermark, true).clear();
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
}
