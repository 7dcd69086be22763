package dev.imap4.camel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What went wrong with single messages while the consumer as a whole kept working: messages that
 * could not be parsed and were parked, and post-actions (STORE, COPY, MOVE, EXPUNGE) the server
 * refused. Written by the polling thread, read by the health check on any thread. Only the counts
 * and the latest description of each are kept, so this stays small however long the consumer runs.
 */
final class Imap4ConsumerCounters {

    private final AtomicLong unparseable = new AtomicLong();
    private final AtomicLong failedPostActions = new AtomicLong();
    private volatile String lastUnparseable;
    private volatile String lastPostActionFailure;

    /** Counts a parked message that cannot be parsed; {@code what} names it (folder, UIDVALIDITY, UID). */
    void unparseable(String what) {
        unparseable.incrementAndGet();
        lastUnparseable = what;
    }

    /** Counts a post-action the server refused; {@code what} says which action, on which UIDs, and why. */
    void postActionFailed(String what) {
        failedPostActions.incrementAndGet();
        lastPostActionFailure = what;
    }

    long unparseableCount() {
        return unparseable.get();
    }

    long failedPostActionCount() {
        return failedPostActions.get();
    }

    /**
     * The health details: counts always, the latest description of each when there is one, and a
     * {@code reason} naming both when {@code withReason} (a DOWN check keeps the reason of its poll).
     */
    Map<String, Object> details(boolean withReason) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("imap4.unparseable.count", unparseable.get());
        d.put("imap4.postaction.failed.count", failedPostActions.get());
        String bad = lastUnparseable;
        String action = lastPostActionFailure;
        if (bad != null) {
            d.put("imap4.unparseable.last", bad);
        }
        if (action != null) {
            d.put("imap4.postaction.failed.last", action);
        }
        if (withReason && (bad != null || action != null)) {
            StringBuilder reason = new StringBuilder();
            if (bad != null) {
                reason.append(unparseable.get()).append(" message(s) could not be parsed and were parked, the last: ")
                        .append(bad);
            }
            if (action != null) {
                reason.append(reason.isEmpty() ? "" : "; ").append(failedPostActions.get())
                        .append(" post-action(s) failed, the last: ").append(action);
            }
            d.put("reason", reason.toString());
        }
        return d;
    }
}
