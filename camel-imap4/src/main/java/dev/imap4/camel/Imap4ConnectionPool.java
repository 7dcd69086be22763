package dev.imap4.camel;

import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.ImapState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Authenticated connections for the producer: at most {@code size} exist, and each is used by one
 * exchange at a time. A connection that broke, is no longer authenticated, or whose state is not
 * known after an exchange is discarded; one that sat idle is checked with NOOP before it is handed
 * out, so a server-side autologout never fails an exchange.
 */
final class Imap4ConnectionPool {

    /** A pooled connection and when it was last returned. */
    private record Idle(ImapClient client, long since) {
    }

    private static final long CHECK_AFTER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final int size;
    private final Semaphore permits;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private final Connector connector;
    /** Connections lent out, with the generation they belong to; {@link #reconnect()} starts a new one. */
    private final Map<ImapClient, Long> lent = new ConcurrentHashMap<>();
    private volatile long generation;
    private volatile boolean closed;

    /** Makes a new authenticated connection. */
    @FunctionalInterface
    interface Connector {
        ImapClient connect() throws Exception;
    }

    Imap4ConnectionPool(int size, Connector connector) {
        if (size < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + size);
        }
        this.size = size;
        this.permits = new Semaphore(size, true);
        this.connector = connector;
    }

    /** A connection for one exchange; waits while all are in use. */
    ImapClient borrow() throws Exception {
        if (closed) {
            throw new IllegalStateException("producer is stopped");
        }
        permits.acquire();
        try {
            while (true) {
                Idle candidate;
                synchronized (idle) {
                    candidate = idle.pollFirst();
                }
                if (candidate == null) {
                    return lend(connector.connect());
                }
                if (usable(candidate)) {
                    return lend(candidate.client());
                }
            }
        } catch (Exception | Error e) {
            permits.release();
            throw e;
        }
    }

    private ImapClient lend(ImapClient client) {
        lent.put(client, generation);
        return client;
    }

    private static boolean usable(Idle candidate) {
        ImapClient c = candidate.client();
        if (!authenticated(c)) {
            c.logout();
            return false;
        }
        if (System.nanoTime() - candidate.since() < CHECK_AFTER_IDLE_NANOS) {
            return true;
        }
        try {
            c.noop();
            return authenticated(c);
        } catch (Imap4Exception e) {
            c.logout();
            return false;
        }
    }

    // open, and logged in (NOOP is valid in every state, so its OK alone proves nothing)
    private static boolean authenticated(ImapClient c) {
        return c.isConnected() && (c.state() == ImapState.AUTH || c.state() == ImapState.SELECTED);
    }

    /**
     * Returns a connection. One that is not {@code reusable} (its state is not known after the
     * exchange), broken, no longer authenticated, or returned after stop is closed instead of kept.
     */
    void release(ImapClient client, boolean reusable) {
        Long from = lent.remove(client);
        try {
            if (closed || !reusable || from == null || !authenticated(client)) {
                client.logout();
                return;
            }
            boolean current;
            synchronized (idle) {
                // checked under the lock reconnect() takes, so a connection it dropped never comes back
                current = from == generation;
                if (current) {
                    idle.addFirst(new Idle(client, System.nanoTime()));
                }
            }
            if (!current) {
                client.logout();
            }
        } finally {
            permits.release();
        }
    }

    /** The most connections this pool holds at once. */
    int size() {
        return size;
    }

    /** Connections lent to an exchange right now (including one being opened for it). */
    int inUse() {
        return size - permits.availablePermits();
    }

    /** Connections kept open for the next exchange. */
    int idleCount() {
        synchronized (idle) {
            return idle.size();
        }
    }

    /**
     * Drops every connection: idle ones are logged out now, those lent to an exchange when it
     * returns them; the next exchanges get new ones. An exchange in progress is not interrupted.
     */
    void reconnect() {
        synchronized (idle) {
            generation++;
            logoutIdle();
        }
    }

    /** Logs out every idle connection; connections in use are closed when released. */
    void close() {
        closed = true;
        synchronized (idle) {
            logoutIdle();
        }
    }

    // holding the idle lock
    private void logoutIdle() {
        for (Idle i : idle) {
            i.client().logout();
        }
        idle.clear();
    }
}
