package dev.imap4.client.internal.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The deadline of the exchange in flight on one connection. The engine checks it before every
 * response line; a watchdog on one shared daemon thread (never a thread per command) runs
 * {@code onExpiry} when it passes while a read or a write blocks, which makes the transport fail
 * that call (closing a socket unblocks it). A read timeout restarts with every byte; this does not,
 * so a server that trickles a byte or a line at a time cannot hold the calling thread.
 */
final class CommandDeadline {

    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final Runnable onExpiry;
    private String what;
    private Duration limit;
    private long dueNanos;
    private ScheduledFuture<?> task;
    private boolean armed;
    private volatile boolean expired;

    /** {@code onExpiry} must not block: it only makes the blocked call fail. */
    CommandDeadline(Runnable onExpiry) {
        this.onExpiry = onExpiry;
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "imap4-deadline-watchdog");
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true); // a cancelled deadline holds nothing until its time
        return e;
    }

    /** Starts a deadline of {@code limit} for {@code what} (e.g. "command UID FETCH"); zero: none. */
    synchronized void arm(String what, Duration limit) {
        cancelTask();
        this.what = what;
        this.limit = limit;
        this.expired = false;
        this.armed = !limit.isZero();
        if (armed) {
            dueNanos = System.nanoTime() + saturatedNanos(limit);
            schedule();
        }
    }

    /**
     * Brings the deadline forward to {@code limit} from now if that is sooner, naming the new reason
     * (an IDLE whose DONE must be answered within the read timeout); zero or unarmed: no change.
     */
    synchronized void tighten(String newWhat, Duration newLimit) {
        if (!armed || newLimit.isZero() || expired) {
            return;
        }
        long due = System.nanoTime() + saturatedNanos(newLimit);
        if (due - dueNanos < 0) {
            cancelTask();
            what = newWhat;
            limit = newLimit;
            dueNanos = due;
            schedule();
        }
    }

    /** Ends the deadline; a watchdog that has not fired yet never will. */
    synchronized void disarm() {
        armed = false;
        cancelTask();
    }

    /** Whether the deadline passed; records it so the failure that follows is reported as such. */
    synchronized boolean passed() {
        if (armed && !expired && System.nanoTime() - dueNanos >= 0) {
            expired = true;
        }
        return expired;
    }

    boolean expired() {
        return expired;
    }

    /** The abort message: what exceeded which deadline. */
    synchronized String message() {
        return what + " exceeded its deadline of " + describe(limit)
                + " (the server kept the exchange going without completing it)";
    }

    private void schedule() {
        long delay = Math.max(0, dueNanos - System.nanoTime());
        task = WATCHDOG.schedule(this::fire, delay, TimeUnit.NANOSECONDS);
    }

    private void fire() {
        synchronized (this) {
            // a deadline disarmed or moved since this task was scheduled is not this task's to end
            if (!armed || expired || System.nanoTime() - dueNanos < 0) {
                return;
            }
            expired = true;
            try {
                onExpiry.run();
            } catch (RuntimeException ignored) {
                // the transport is already broken; the reading thread reports the deadline
            }
        }
    }

    private void cancelTask() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }

    static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + " ms";
        }
        long s = ms / 1000;
        return s + " s";
    }
}
