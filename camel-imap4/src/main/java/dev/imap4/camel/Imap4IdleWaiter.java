package dev.imap4.camel;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's IDLE (RFC 2177) between searches. The polling thread idles while holding the
 * connection lock, re-issuing IDLE every idleInterval; three things end an IDLE early: an EXISTS
 * from the server (search again now), a queued outcome (apply it, then idle on: an asynchronous
 * route must not wait for its \Seen until the interval ends), and the consumer stopping or
 * suspending. The polling thread stays with the consumer while it idles, so a consumer with
 * idle=true should not share a small scheduled thread pool with others.
 *
 * <p>An outcome may be queued just before the IDLE command is registered with the client, when
 * {@code stopIdle()} has nothing to stop yet; a short follow-up wake-up from a timer closes that
 * window, and stopping retries {@code stopIdle()} until the polling thread lets go of the lock.
 */
final class Imap4IdleWaiter {

    /** One search-and-deliver round of the consumer. */
    @FunctionalInterface
    interface Cycle {
        int run() throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Imap4IdleWaiter.class);
    private static final long KICK_MILLIS = 100;
    private static final int KICKS = 5;
    private static final long STOP_WAIT_MILLIS = 10_000;

    private final Imap4Consumer consumer;
    private final Imap4ConsumerConnection connection;
    private final Queue<Imap4Outcome> outcomes;
    private volatile boolean allowed;
    private volatile boolean idling;
    private volatile ScheduledExecutorService timer;
    private boolean enabled;
    private boolean fallbackLogged;

    Imap4IdleWaiter(Imap4Consumer consumer, Imap4ConsumerConnection connection, Queue<Imap4Outcome> outcomes) {
        this.consumer = consumer;
        this.connection = connection;
        this.outcomes = outcomes;
    }

    void start(boolean idle) {
        enabled = idle;
        allowed = true;
        if (idle && timer == null) {
            timer = consumer.getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(consumer, "Imap4IdleWakeUp");
        }
    }

    void stop() {
        ScheduledExecutorService t = timer;
        timer = null;
        if (t != null) {
            consumer.getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(t);
        }
    }

    void allow() {
        allowed = true;
    }

    /** No more idling; a running IDLE ends now. */
    void disallow() {
        allowed = false;
        connection.stopIdle();
    }

    /** Whether this poll should go on idling: enabled, offered by the server, and the last poll went well. */
    boolean wanted(boolean lastPollOk) {
        if (!enabled || !allowed || !lastPollOk || !consumer.isRunAllowed() || consumer.isSuspended()) {
            return false;
        }
        if (!connection.has("IDLE")) {
            if (!fallbackLogged) {
                fallbackLogged = true;
                LOG.info("The server of {} does not offer IDLE; polling every delay instead", consumer.getEndpoint());
            }
            return false;
        }
        return true;
    }

    /**
     * Idles until the consumer stops, suspends or fails: {@code cycle} runs whenever the server
     * reports new mail, and {@code refresh} (re-select and search) each time idleInterval passes,
     * before IDLE is re-issued, so a server timeout never ends the session and nothing announced
     * while the connection was busy is missed.
     */
    int waitAndPoll(Cycle cycle, Cycle refresh) throws Exception {
        long interval = TimeUnit.MILLISECONDS.toNanos(consumer.getEndpoint().getConfiguration().getIdleInterval());
        int delivered = 0;
        long deadline = System.nanoTime() + interval;
        while (allowed && consumer.isRunAllowed() && !consumer.isSuspended()) {
            boolean news;
            long left;
            idling = true;
            try {
                if (!outcomes.isEmpty()) {
                    consumer.settle();
                    continue;
                }
                left = deadline - System.nanoTime();
                news = left > 0 && !connection.reconnectRequested()
                        && (connection.existsNoted() || connection.idle(Duration.ofNanos(left)));
            } finally {
                idling = false;
            }
            if (left <= 0 || connection.reconnectRequested()) {
                delivered += refresh.run();
                deadline = System.nanoTime() + interval;
            } else if (news) {
                delivered += cycle.run();
            }
        }
        return delivered;
    }

    /** Whether the polling thread is waiting in IDLE (or about to), with no exchange of its own in progress. */
    boolean isIdling() {
        return idling;
    }

    /** Called when an outcome was queued, from any thread. */
    void wakeUp() {
        if (idling) {
            connection.stopIdle();
            kick(KICKS);
        }
    }

    private void kick(int left) {
        ScheduledExecutorService t = timer;
        if (t == null || left == 0) {
            return;
        }
        t.schedule(() -> {
            if (idling && (!outcomes.isEmpty() || connection.reconnectRequested())) {
                connection.stopIdle();
                kick(left - 1);
            }
        }, KICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Takes the connection lock from a poll that may be idling; false if the poll did not let go in time. */
    boolean awaitLock() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MILLIS);
        while (!connection.tryLock(50)) {
            connection.stopIdle();
            if (System.nanoTime() > deadline) {
                return false;
            }
        }
        return true;
    }
}
