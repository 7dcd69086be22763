package dev.imap4.camel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The consumer's counts since it was created: what went wrong with single messages while the
 * consumer as a whole kept working (messages that could not be parsed and were parked, post-actions
 * the server refused), and the traffic (messages received, completed, failed, skipped; bytes
 * fetched; polls and their time; reconnects; IDLE wake-ups). Written by the polling thread (outcomes
 * by whichever thread completed the exchange), read on any thread by the health check, JMX, the dev
 * console and, when a MeterRegistry is bound, Micrometer's function counters
 * ({@link Imap4Metrics}). Only counts and the latest description of each problem are kept, so this
 * stays small however long the consumer runs.
 */
final class Imap4ConsumerCounters {

    private final AtomicLong unparseable = new AtomicLong();
    private final AtomicLong failedPostActions = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong bytesFetched = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong pollNanos = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong idleWakeUps = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private volatile long uidValidity = Imap4ConsumerState.UNKNOWN;
    private volatile long lastUid = -1;
    private volatile String lastUnparseable;
    private volatile String lastPostActionFailure;
    private volatile String lastError;

    /**
     * Counts the messages of one FETCH turned into exchanges, and the bytes of their bodies (on the
     * heap or in files); returns those bytes.
     */
    long fetched(Iterable<Object> exchanges) {
        // summed here and added once per batch: two atomic adds per FETCH, not per message
        long count = 0;
        long bytes = 0;
        long last = -1;
        for (Object o : exchanges) {
            count++;
            if (o instanceof org.apache.camel.Exchange e) {
                if (e.getMessage().getBody() instanceof org.apache.camel.StreamCache body && body.length() > 0) {
                    bytes += body.length();
                }
                if (e.getIn() instanceof Imap4Message m) {
                    last = m.uid(); // reading it fills no headers
                }
            }
        }
        received.addAndGet(count);
        if (bytes > 0) {
            bytesFetched.addAndGet(bytes);
        }
        if (last >= 0) {
            lastUid = last;
        }
        return bytes;
    }

    /** Notes the UIDVALIDITY of the folder just selected. */
    void selected(long uidValidity) {
        this.uidValidity = uidValidity;
    }

    /** Counts an exchange handed to the route; it is in flight until its completion is counted. */
    void delivered() {
        inFlight.incrementAndGet();
    }

    /** Counts a message whose route finished, with or without failure. */
    void finished(Imap4Outcome outcome) {
        (outcome.success() ? completed : failed).incrementAndGet();
        inFlight.decrementAndGet();
    }

    /** Notes why the last poll failed: the short reason and the error's message (which never holds a secret). */
    void pollFailed(String reason, Exception e) {
        lastError = reason + ": " + e.getMessage();
    }

    /** Counts messages not delivered because the idempotent repository already holds them. */
    void skipped(int n) {
        skipped.addAndGet(n);
    }

    /** Runs one search-and-deliver round, counting it and its time whether it succeeds or not. */
    int poll(Imap4IdleWaiter.Cycle cycle) throws Exception {
        long start = System.nanoTime();
        try {
            return cycle.run();
        } finally {
            pollNanos.addAndGet(System.nanoTime() - start);
            polls.incrementAndGet();
        }
    }

    /** Counts a connection opened by the consumer; every one after the first is a reconnect. */
    void connected() {
        connections.incrementAndGet();
    }

    /** Counts an IDLE that ended because the server announced new mail. */
    void idleWokenUp() {
        idleWakeUps.incrementAndGet();
    }

    long received() {
        return received.get();
    }

    long completed() {
        return completed.get();
    }

    long failed() {
        return failed.get();
    }

    long skipped() {
        return skipped.get();
    }

    long bytesFetched() {
        return bytesFetched.get();
    }

    long polls() {
        return polls.get();
    }

    long pollNanos() {
        return pollNanos.get();
    }

    long reconnects() {
        return Math.max(0, connections.get() - 1);
    }

    long idleWakeUps() {
        return idleWakeUps.get();
    }

    long inFlight() {
        return inFlight.get();
    }

    /** The UIDVALIDITY of the last SELECT, or -1 before the first. */
    long uidValidity() {
        return uidValidity;
    }

    /** The UID of the last message fetched, or -1 before the first. */
    long lastUid() {
        return lastUid;
    }

    /** Why the last failed poll failed, or null when none has. */
    String lastError() {
        return lastError;
    }

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
