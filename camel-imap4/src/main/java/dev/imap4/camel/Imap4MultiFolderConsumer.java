package dev.imap4.camel;

import dev.imap4.client.ImapClient;
import dev.imap4.client.UntaggedResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer of several folders ({@code folder=INBOX,Support/*}, see {@link Imap4FolderSet}) over
 * one connection: each poll resolves the list, then polls the folders in turn, each through an
 * {@link Imap4Consumer} of its own (its own state, search, post-actions, state-repository entry,
 * idempotent keys folder/UIDVALIDITY/UID) sharing the connection. Each exchange's CamelImap4Folder
 * header names its folder. A folder that fails does not keep the others from being polled; the
 * poll then fails with the first error, so the health check shows it.
 *
 * <p>With idle=true and a server offering NOTIFY (RFC 5465), a poll that went well asks the server
 * (once per connection and folder list) to report new and expunged messages in every folder, then
 * waits in IDLE on the connection: any STATUS, EXISTS, EXPUNGE or VANISHED report ends the wait and
 * the folders are polled again; after idleInterval without one they are polled anyway. Without
 * NOTIFY the folders are polled at the scheduler's delay.
 */
public class Imap4MultiFolderConsumer extends ScheduledPollConsumer implements ShutdownAware {

    private static final Logger LOG = LoggerFactory.getLogger(Imap4MultiFolderConsumer.class);

    private final Imap4Configuration config;
    private final Imap4FolderSet folders;
    private final Imap4ConsumerConnection connection;
    private final Map<String, Imap4Consumer> children = new LinkedHashMap<>();

    public Imap4MultiFolderConsumer(Imap4Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.config = endpoint.getConfiguration();
        this.folders = new Imap4FolderSet(config.getFolder());
        this.connection = new Imap4ConsumerConnection(endpoint);
    }

    @Override
    public Imap4Endpoint getEndpoint() {
        return (Imap4Endpoint) super.getEndpoint();
    }

    private static final List<String> EVENTS = List.of("MessageNew", "MessageExpunge");

    private volatile boolean stopping;
    private volatile ShutdownRunningTask shutdownTask;
    private final ReentrantLock polling = new ReentrantLock();
    private Object notifiedClient;
    private List<String> notifiedFolders = List.of();
    private boolean notifyWarned;
    private Object listenedClient;
    private final AtomicBoolean changed = new AtomicBoolean();
    private final Consumer<UntaggedResponse> changeListener = u -> {
        if (u.is("STATUS") || u.is("EXISTS") || u.is("EXPUNGE") || u.is("VANISHED")) {
            changed.set(true);
        }
    };

    @Override
    protected void doStart() throws Exception {
        if (config.isIdle() && config.getIdleInterval() <= 0) {
            throw new IllegalArgumentException("idleInterval must be positive");
        }
        stopping = false;
        shutdownTask = null;
        super.doStart();
    }

    /** The folders polled by the last poll, in order. */
    public List<String> getFolders() {
        synchronized (children) {
            return List.copyOf(children.keySet());
        }
    }

    @Override
    protected int poll() throws Exception {
        polling.lock();
        try {
            if (!isRunAllowed()) {
                return 0; // stopped while this poll waited for the one before
            }
            int delivered = pollAll();
            while (config.isIdle() && !stopping && isRunAllowed() && !isSuspendingOrSuspended() && awaitChange()) {
                delivered += pollAll();
            }
            return delivered;
        } finally {
            polling.unlock();
        }
    }

    /** Each folder's exchanges run on the polling thread, within its poll: nothing is left pending after it. */
    @Override
    public int getPendingExchangesSize() {
        return 0;
    }

    /** The folders' consumers deliver the rest of a batch after a shutdown began only with CompleteAllTasks. */
    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        shutdownTask = shutdownRunningTask;
        childrenDefer(shutdownRunningTask);
        return false;
    }

    private void childrenDefer(ShutdownRunningTask task) {
        synchronized (children) {
            children.values().forEach(c -> c.deferShutdown(task));
        }
    }

    /**
     * NOTIFY (when the folder list or the connection changed) and IDLE until the server reports a
     * change or idleInterval passes; false when there is no NOTIFY or no usable connection.
     */
    private boolean awaitChange() {
        connection.lock();
        try {
            ImapClient client = connection.client();
            if (client == null || !client.isConnected()) {
                return false;
            }
            if (!client.hasCapability("NOTIFY") || !client.hasCapability("IDLE")) {
                if (!notifyWarned) {
                    notifyWarned = true;
                    LOG.info("The server does not offer NOTIFY and IDLE; the folders of '{}' are polled at the"
                            + " scheduler's delay", config.getFolder());
                }
                return false;
            }
            List<String> names = getFolders();
            if (client != notifiedClient || !names.equals(notifiedFolders)) {
                client.extensions().notifySet(true, names, EVENTS);
                notifiedClient = client;
                notifiedFolders = names;
            }
            if (stopping) {
                return false;
            }
            if (changed.get()) {
                // reported while the folders were polled (after a search, before this IDLE)
                return true;
            }
            client.idle(Duration.ofMillis(config.getIdleInterval()),
                    u -> u.is("STATUS") || u.is("EXISTS") || u.is("EXPUNGE") || u.is("VANISHED"));
            return !stopping;
        } catch (RuntimeException e) {
            LOG.warn("Waiting for changes in '{}' failed: {}; polling again at the scheduler's delay", config.getFolder(),
                    e.getMessage());
            connection.close();
            return false;
        } finally {
            connection.unlock();
        }
    }

    private int pollAll() throws Exception {
        List<String> names;
        changed.set(false);
        connection.lock();
        try {
            ImapClient client = connection.open();
            if (client != listenedClient) {
                client.addUnsolicitedListener(changeListener);
                listenedClient = client;
            }
            names = folders.resolve(client);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        } finally {
            connection.unlock();
        }
        retire(names);
        int delivered = 0;
        Exception first = null;
        for (String name : names) {
            if (!isRunAllowed()) {
                break;
            }
            try {
                delivered += child(name).poll();
            } catch (Exception e) {
                LOG.warn("Polling folder '{}' failed: {}", name, e.getMessage());
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
        return delivered;
    }

    private Imap4Consumer child(String name) throws Exception {
        synchronized (children) {
            Imap4Consumer c = children.get(name);
            if (c != null) {
                return c;
            }
            Imap4Configuration own = config.copy();
            own.setFolder(name);
            // the folders are polled in turn: one idling in its own poll would keep the others waiting
            own.setIdle(false);
            Imap4Endpoint endpoint = new Imap4Endpoint(getEndpoint().getEndpointUri(), getEndpoint().getComponent(), own);
            endpoint.setCamelContext(getEndpoint().getCamelContext());
            c = new Imap4Consumer(endpoint, getProcessor(), connection, true);
            c.setStartScheduler(false);
            c.setMaxMessagesPerPoll(own.getMaxMessagesPerPoll());
            c.setExceptionHandler(getExceptionHandler());
            ServiceHelper.startService(c);
            children.put(name, c);
            LOG.info("Consuming folder '{}' of {}", name, getEndpoint().getServiceUrl());
            return c;
        }
    }

    // folders no longer named (deleted, renamed) are stopped, their queued outcomes applied first
    private void retire(List<String> names) {
        Set<String> keep = new HashSet<>(names);
        List<Imap4Consumer> gone = new ArrayList<>();
        synchronized (children) {
            for (Iterator<Map.Entry<String, Imap4Consumer>> it = children.entrySet().iterator(); it.hasNext();) {
                Map.Entry<String, Imap4Consumer> e = it.next();
                if (!keep.contains(e.getKey())) {
                    LOG.info("Folder '{}' is no longer among '{}'; no longer consuming it", e.getKey(), config.getFolder());
                    gone.add(e.getValue());
                    it.remove();
                }
            }
        }
        gone.forEach(ServiceHelper::stopService);
    }

    @Override
    protected void doSuspend() throws Exception {
        connection.stopIdle();
        super.doSuspend();
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        stopping = true;
        connection.stopIdle();
    }

    @Override
    protected void doStop() throws Exception {
        stopping = true;
        // the running poll ends after the exchange it routes (the rest of its batch is left, unless
        // CompleteAllTasks was asked for); the scheduler (whose stop interrupts the polling thread)
        // and the route's processors stop after it, as Imap4Consumer#doStop explains
        childrenDefer(shutdownTask != null ? shutdownTask : ShutdownRunningTask.CompleteCurrentTaskOnly);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean idle;
        do {
            connection.stopIdle();
            idle = polling.tryLock(50, TimeUnit.MILLISECONDS);
        } while (!idle && System.nanoTime() < deadline);
        if (!idle) {
            LOG.warn("The poll of {} did not end in time; stopping it", getEndpoint());
        }
        try {
            stopAll();
        } finally {
            if (idle) {
                polling.unlock();
            }
        }
    }

    private void stopAll() throws Exception {
        super.doStop();
        List<Imap4Consumer> all;
        synchronized (children) {
            all = new ArrayList<>(children.values());
            children.clear();
        }
        for (Imap4Consumer c : all) {
            ServiceHelper.stopService(c);
        }
        connection.close();
    }
}
