package dev.imap4.client;

import dev.imap4.client.internal.engine.ConnectionBudget;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * imaplib's {@code Idler} (Python 3.14 {@code IMAP4.idle(duration=None)}): IDLE (RFC 2177) as a
 * resource whose iterator yields each untagged response as it arrives, as
 * {@code (type, [data])}: {@code ImapResult("EXISTS", [3])}. Opening sends IDLE; {@link #close()}
 * sends DONE and waits for the tagged answer.
 *
 * <pre>{@code
 * try (Imap4Idler idler = m.idle(Duration.ofMinutes(29))) {
 *     for (ImapResult r : idler) {          // ends when the duration has passed
 *         if (r.type().equals("EXISTS")) { ... }
 *     }
 * }
 * }</pre>
 *
 * <p>With no duration the iterator waits until the idler is closed, and IDLE is re-issued every 29
 * minutes (RFC 2177's advice) without the caller seeing it. While it is open no other command may
 * be sent on the connection. Responses wait for the caller in memory charged to the connection's
 * heap budget ({@link Imap4Options#withMaxHeldBytes}), so a caller that stops reading while the
 * server floods ends the connection cleanly instead of exhausting the heap. A connection failure
 * during IDLE is thrown by the next call to the iterator, and by {@link #close()}.
 */
public final class Imap4Idler implements AutoCloseable, Iterable<ImapResult> {

    /** RFC 2177: re-issue IDLE at least every 29 minutes. */
    static final Duration REISSUE = Duration.ofMinutes(29);

    private static final Object END = new Object();

    private final ImapClient client;
    private final long deadline;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Consumer<UntaggedResponse> capture;
    private final Thread worker;
    private volatile boolean closing;
    private volatile RuntimeException failure;
    private boolean closed;

    Imap4Idler(ImapClient client, Duration duration) {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("IDLE duration must be positive, or null for no limit: " + duration);
        }
        client.require("IDLE");
        this.client = client;
        this.deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        ConnectionBudget budget = client.engine().budget();
        this.capture = u -> {
            if (u.is("BYE")) {
                // the connection ends: the failure is what the caller sees, as imaplib raises abort
                return;
            }
            budget.chargeHeap(size(u), () -> "IDLE responses the caller has not read yet");
            queue.add(u);
        };
        client.addUnsolicitedListener(capture);
        this.worker = new Thread(this::run, "imap4-idler");
        worker.setDaemon(true);
        worker.start();
    }

    private void run() {
        try {
            while (!closing) {
                long left = deadline == Long.MAX_VALUE ? REISSUE.toNanos()
                        : Math.min(REISSUE.toNanos(), deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                client.idle(Duration.ofNanos(left), u -> false);
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            queue.add(END);
        }
    }

    /** Responses until the duration passes or the idler is closed. */
    @Override
    public Iterator<ImapResult> iterator() {
        return new Iterator<>() {
            private ImapResult next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    next = take(deadline);
                    done = next == null;
                }
                return next != null;
            }

            @Override
            public ImapResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("IDLE is over");
                }
                ImapResult r = next;
                next = null;
                return r;
            }
        };
    }

    /**
     * imaplib's {@code burst(interval=0.1)}: waits for a response (until the duration passes), then
     * takes every further one that comes within {@code interval} of the one before.
     */
    public List<ImapResult> burst(Duration interval) {
        List<ImapResult> out = new java.util.ArrayList<>();
        ImapResult first = take(deadline);
        while (first != null) {
            out.add(first);
            first = take(Math.min(deadline, System.nanoTime() + interval.toNanos()));
        }
        return out;
    }

    /** {@link #burst(Duration)} with imaplib's default interval of 0.1 seconds. */
    public List<ImapResult> burst() {
        return burst(Duration.ofMillis(100));
    }

    // the next response, or null at the end (deadline passed, IDLE over); a failure is thrown
    private ImapResult take(long until) {
        try {
            while (true) {
                Object o = queue.peek() == END ? END : queue.poll(Math.max(0, until - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
                if (o == null || o == END) {
                    if (failure != null) {
                        throw failure;
                    }
                    return null;
                }
                UntaggedResponse u = (UntaggedResponse) o;
                client.engine().budget().creditHeap(size(u));
                return new ImapResult(u.name(), u.data());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Imap4Exception("interrupted while waiting for an IDLE response");
        }
    }

    /** Sends DONE, waits for the tagged answer, and gives the connection back to the caller. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing = true;
        try {
            while (worker.isAlive()) {
                client.stopIdle();
                worker.join(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.removeUnsolicitedListener(capture);
            Object o;
            while ((o = queue.poll()) != null) {
                if (o instanceof UntaggedResponse u) {
                    client.engine().budget().creditHeap(size(u));
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static long size(UntaggedResponse u) {
        long n = ConnectionBudget.ITEM_OVERHEAD;
        for (ImapData d : u.data()) {
            if (d instanceof ImapData.Line l) {
                n += l.bytes().length;
            } else if (d instanceof ImapData.Pair p) {
                n += p.header().length + (p.literal().isSpooled() ? 0 : p.literal().size());
            }
        }
        return n;
    }
}
