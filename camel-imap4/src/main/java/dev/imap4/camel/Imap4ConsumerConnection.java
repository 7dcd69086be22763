package dev.imap4.camel;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.UntaggedResponse;
import dev.imap4.client.types.MailboxState;
import dev.imap4.client.types.QresyncParameters;
import dev.imap4.client.types.QresyncResult;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's one authenticated connection, kept across polls. The client is not thread-safe,
 * so every use happens under {@link #lock()}; the only calls allowed without it are
 * {@link #stopIdle()} and {@link #close()} (which aborts whatever the holder is doing). It also
 * notes untagged EXISTS responses, whenever they come, so the consumer never waits in IDLE for
 * mail the server already announced.
 */
final class Imap4ConsumerConnection {

    private static final Logger LOG = LoggerFactory.getLogger(Imap4ConsumerConnection.class);

    private final Imap4Endpoint endpoint;
    private final Imap4ConsumerCounters counters;
    private final AtomicBoolean reconnectRequested = new AtomicBoolean();
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean existsNoted = new AtomicBoolean();
    private final Consumer<UntaggedResponse> listener = r -> {
        if ("EXISTS".equals(r.name())) {
            existsNoted.set(true);
        }
    };
    private volatile ImapClient client;
    private boolean fresh;

    Imap4ConsumerConnection(Imap4Endpoint endpoint) {
        this(endpoint, new Imap4ConsumerCounters());
    }

    Imap4ConsumerConnection(Imap4Endpoint endpoint, Imap4ConsumerCounters counters) {
        this.endpoint = endpoint;
        this.counters = counters;
    }

    void lock() {
        lock.lock();
    }

    boolean tryLock(long millis) throws InterruptedException {
        return lock.tryLock(millis, TimeUnit.MILLISECONDS);
    }

    void unlock() {
        lock.unlock();
    }

    /** The open client, connecting and authenticating first when there is none (or it broke). */
    ImapClient open() {
        ImapClient c = client;
        if (c != null && c.isConnected() && !reconnectRequested.getAndSet(false)) {
            return c;
        }
        close();
        reconnectRequested.set(false); // this new connection is the one asked for
        Imap4Configuration config = endpoint.getConfiguration();
        try {
            c = endpoint.clientFactory().connect(config, endpoint.getCamelContext());
        } catch (Imap4CommandException e) {
            throw failure(e.verb().startsWith("LOGIN") || e.verb().startsWith("AUTHENTICATE")
                    ? "authentication failed" : "connection refused", e);
        } catch (Imap4AbortException e) {
            throw failure(reason(e, "cannot connect"), e);
        } catch (Imap4Exception e) {
            throw failure("authentication failed", e);
        } catch (Exception e) {
            throw failure("cannot connect", e);
        }
        c.addUnsolicitedListener(listener);
        client = c;
        fresh = true;
        counters.connected();
        return c;
    }

    /**
     * SELECT (or EXAMINE) the folder. A kept connection the server dropped since the last poll
     * (an idle timeout, a restart) fails on its first command; that one is reopened right away.
     */
    MailboxState select(String folder, boolean readOnly) {
        ImapClient c = open();
        boolean reused = !fresh;
        fresh = false;
        try {
            return c.select(folder, readOnly);
        } catch (Imap4AbortException e) {
            if (!reused) {
                throw e;
            }
            LOG.debug("The kept connection to {} was lost ({}); reconnecting", endpoint.getServiceUrl(),
                    e.getMessage());
            close();
            return select(folder, readOnly);
        } catch (Imap4CommandException e) {
            throw failure("cannot open folder '" + folder + "'", e);
        }
    }

    /**
     * SELECT (or EXAMINE) with QRESYNC (ENABLE QRESYNC first on a new connection), reconnecting a
     * kept connection the server dropped as {@link #select} does.
     */
    QresyncResult selectQresync(String folder, boolean readOnly, QresyncParameters qresync) {
        ImapClient c = open();
        boolean reused = !fresh;
        fresh = false;
        try {
            return c.select(folder, readOnly, qresync);
        } catch (Imap4AbortException e) {
            if (!reused) {
                throw e;
            }
            LOG.debug("The kept connection to {} was lost ({}); reconnecting", endpoint.getServiceUrl(),
                    e.getMessage());
            close();
            return selectQresync(folder, readOnly, qresync);
        } catch (Imap4CommandException e) {
            throw failure("cannot open folder '" + folder + "'", e);
        }
    }

    ImapClient client() {
        return client;
    }

    boolean has(String capability) {
        ImapClient c = client;
        return c != null && c.hasCapability(capability);
    }

    void clearExistsNoted() {
        existsNoted.set(false);
    }

    boolean existsNoted() {
        return existsNoted.get();
    }

    /** IDLE until the server reports EXISTS (returns true), {@link #stopIdle()}, or {@code max} passes. */
    boolean idle(Duration max) {
        boolean news = client.idle(max, u -> u.is("EXISTS"));
        if (news) {
            counters.idleWokenUp();
        }
        return news;
    }

    /**
     * Asks for a new connection, from any thread: the next {@link #open()} (the next SELECT) logs
     * the current one out and connects again, and a running IDLE ends so that happens now.
     */
    void requestReconnect() {
        reconnectRequested.set(true);
        stopIdle();
    }

    /** Whether a reconnection was asked for and not made yet. */
    boolean reconnectRequested() {
        return reconnectRequested.get();
    }

    /** Ends a running IDLE; any thread, no lock needed. */
    void stopIdle() {
        ImapClient c = client;
        if (c != null) {
            c.stopIdle();
        }
    }

    /** Logs out (quietly; a broken connection is just closed) and forgets the connection. */
    void close() {
        ImapClient c = client;
        client = null;
        if (c == null) {
            return;
        }
        try {
            c.removeUnsolicitedListener(listener);
            c.logout();
        } catch (RuntimeException e) {
            LOG.debug("Closing the connection to {} failed: {}", endpoint.getServiceUrl(), e.getMessage());
        }
    }

    /**
     * The health check's short reason for a broken connection: the server's bytes made no sense
     * ("protocol error", also for a line or literal over its cap), TLS failed, or the server went
     * silent; {@code otherwise} for the rest (refused, reset, closed).
     */
    static String reason(Imap4AbortException e, String otherwise) {
        if (e instanceof ImapProtocolException) {
            return "protocol error";
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return "TLS handshake failed";
            }
            if (t instanceof SocketTimeoutException) {
                return "timed out";
            }
        }
        return otherwise;
    }

    private Imap4ConsumerException failure(String reason, Exception cause) {
        Imap4Configuration config = endpoint.getConfiguration();
        String who = config.getUsername() == null ? "" : config.getUsername() + " at ";
        return new Imap4ConsumerException(reason, reason + " (" + who + endpoint.getServiceUrl() + "): "
                + cause.getMessage(), cause);
    }
}
