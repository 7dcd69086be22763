package dev.imap4.client.internal.engine;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The deadline of the exchange in flight on one connection. The engine checks it before every
 * response line; a watchdog on one shared daemon thread (never a thread per command) runs
 * {@code onExpiry} when it passes while a read or a write blocks, which makes the transport fail
 * that call (closing a socket unblocks it). A read timeout restarts with every byte; this does not,
 * so a server that trickles a byte or a line at a time cannot hold the calling thread.
 */
final class CommandDeadline {

    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();
    private static final AtomicLong SCHEDULED = new AtomicLong();

    private final Runnable onExpiry;
    private String what;
    private Duration limit;
    private long dueNanos;
    private boolean armed;
    private volatile boolean expired;
    /** Whether a watchdog task is pending, and the time it is due (the earliest, when several are). */
    private boolean pending;
    private long pendingDueNanos;

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
        e.setRemoveOnCancelPolicy(true);
        return e;
    }

    /** How many watchdog tasks were ever scheduled, by every connection. */
    static long scheduledTasks() {
        return SCHEDULED.get();
    }

    /**
     * Starts a deadline of {@code limit} for {@code what} (e.g. "command UID FETCH"); zero: none.
     * A watchdog task already pending that is due no later than the new deadline is kept: when it
     * runs early it schedules itself again for the deadline then in force. So a connection sending
     * command after command with the same limit schedules one task per limit, not one per command,
     * and the watchdog thread is not woken for each (a hand-off per command costs more than an
     * empty poll's own work).
     */
    synchronized void arm(String what, Duration limit) {
        this.what = what;
        this.limit = limit;
        this.expired = false;
        this.armed = !limit.isZero();
        if (armed) {
            dueNanos = System.nanoTime() + saturatedNanos(limit);
            ensureScheduled();
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
            what = newWhat;
            limit = newLimit;
            dueNanos = due;
            ensureScheduled();
        }
    }

    /** Ends the deadline; a watchdog task still pending finds it disarmed and does nothing. */
    synchronized void disarm() {
        armed = false;
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

    // a task for dueNanos unless one pending is due no later
    private void ensureScheduled() {
        if (pending && pendingDueNanos - dueNanos <= 0) {
            return;
        }
        pending = true;
        pendingDueNanos = dueNanos;
        long delay = Math.max(0, dueNanos - System.nanoTime());
        SCHEDULED.incrementAndGet();
        WATCHDOG.schedule(new Watch(this, dueNanos), delay, TimeUnit.NANOSECONDS);
    }

    private void fire(long taskDueNanos) {
        synchronized (this) {
            if (pending && taskDueNanos == pendingDueNanos) {
                pending = false;
            }
            if (!armed || expired) {
                return;
            }
            if (System.nanoTime() - dueNanos < 0) {
                // the deadline moved on since this task was scheduled (a later command): watch that one
                ensureScheduled();
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

    /**
     * A pending watchdog task. It holds its deadline weakly: a connection dropped without a last
     * command is not kept reachable (with its buffers) until the task's time comes.
     */
    private static final class Watch implements Runnable {
        private final WeakReference<CommandDeadline> deadline;
        private final long dueNanos;

        Watch(CommandDeadline deadline, long dueNanos) {
            this.deadline = new WeakReference<>(deadline);
            this.dueNanos = dueNanos;
        }

        @Override
        public void run() {
            CommandDeadline d = deadline.get();
            if (d != null) {
                d.fire(dueNanos);
            }
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
