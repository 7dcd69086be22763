package dev.imap4.camel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Processor;
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
 */
public class Imap4MultiFolderConsumer extends ScheduledPollConsumer {

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

    @Override
    protected void doStart() throws Exception {
        if (config.isIdle()) {
            throw new IllegalArgumentException("idle=true watches one folder; folder '" + config.getFolder()
                    + "' names several, which are polled in turn");
        }
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
        List<String> names;
        connection.lock();
        try {
            names = folders.resolve(connection.open());
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
    protected void doStop() throws Exception {
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
