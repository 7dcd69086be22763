package dev.imap4.camel;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.types.FlagChange;
import dev.imap4.client.types.MailboxState;
import dev.imap4.client.types.NumberSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a folder over one kept connection: SELECT (or EXAMINE), one UID SEARCH or UID SORT, UID
 * FETCH in batches of fetchBatchSize with BODY.PEEK, then one exchange per message in order.
 *
 * <p>Threading: the connection is used only by the polling thread, which holds
 * {@link Imap4ConsumerConnection#lock()} for the whole poll. A message's completion hook may run on
 * another thread (an asynchronous route), so it only queues an {@link Imap4Outcome} (and ends a
 * running IDLE); the polling thread applies queued outcomes together, once per fetch batch: before
 * each FETCH and each search, while idling, and when the consumer stops, so a synchronous route
 * costs one UID STORE per batch, not one per message. Until its outcome is applied a message stays
 * in flight and is never delivered again.
 *
 * <p>IDLE: with idle=true and a server offering it, a poll that went well stays in IDLE after its
 * search and searches again as soon as the server reports EXISTS, re-selecting and re-issuing IDLE
 * every idleInterval, until the consumer stops, suspends or the connection fails; the scheduler's
 * delay then only paces reconnection. After a failed poll the next one returns without idling, so
 * the health check sees the recovery at once.
 *
 * <p>One bad message never stops the folder: a batch whose FETCH fails with a protocol error (the
 * connection is then lost) is fetched again on a new connection in halves, down to the single
 * message that cannot be parsed, which {@link Imap4Unparseable} parks; everything else is
 * delivered in the same poll.
 */
@ManagedResource(description = "Managed IMAP4 consumer")
public class Imap4Consumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(Imap4Consumer.class);
    /** The longest an incremental consumer goes without a search while UIDNEXT reports nothing new. */
    static final Duration SEARCH_AT_LEAST_EVERY = Duration.ofMinutes(1);

    private final Imap4Configuration config;
    private final Imap4ConsumerConnection connection;
    private final Imap4ConsumerState state = new Imap4ConsumerState();
    private final Imap4ConsumerCounters counters = new Imap4ConsumerCounters();
    private Imap4Metrics.Binding metrics = Imap4Metrics.NONE;
    private final Queue<Imap4Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final Imap4IdleWaiter idler;
    private final boolean sharedConnection;
    private Imap4Search search;
    private Imap4MessageMapper mapper;
    private Imap4PostActions actions;
    private Imap4Unparseable unparseable;
    private ExecutorService prefetcher;
    private Imap4ConsumerResume resume;
    private boolean modSeq;
    /** When the last search ran, how long the consumer may go without one, and whether UIDNEXT lied. */
    private long searchAtLeastEveryNanos = SEARCH_AT_LEAST_EVERY.toNanos();
    private long lastSearchNanos = System.nanoTime() - searchAtLeastEveryNanos;
    private boolean uidNextLags;
    private int batchOffset;
    private int batchTotal;

    public Imap4Consumer(Imap4Endpoint endpoint, Processor processor) {
        this(endpoint, processor, null, false);
    }

    /**
     * One folder of an {@link Imap4MultiFolderConsumer}, over the connection it shares with the
     * other folders ({@code shared}): the folder selected on it may be another's between polls.
     */
    Imap4Consumer(Imap4Endpoint endpoint, Processor processor, Imap4ConsumerConnection connection, boolean shared) {
        super(endpoint, processor);
        this.config = endpoint.getConfiguration();
        this.connection = connection != null ? connection : new Imap4ConsumerConnection(endpoint, counters);
        this.sharedConnection = shared;
        this.idler = new Imap4IdleWaiter(this, this.connection, outcomes);
    }

    @Override
    public Imap4Endpoint getEndpoint() {
        return (Imap4Endpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        validate();
        search = new Imap4Search(config, getEndpoint().clock());
        mapper = new Imap4MessageMapper(config, getEndpoint().getCamelContext());
        actions = new Imap4PostActions(config, connection, state, counters);
        unparseable = new Imap4Unparseable(this, config, connection, state, actions, counters, this::reselect);
        ServiceHelper.startService(config.getIdempotentRepository());
        prefetcher = getEndpoint().getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this,
                "Imap4Prefetch");
        resume = Imap4ConsumerResume.create(getEndpoint(), state, actions, this::deliverVanished,
                this::deliverFlagChanges);
        idler.start(config.isIdle());
        metrics = Imap4Metrics.bindConsumer(getEndpoint().getCamelContext(), counters, getRouteId(),
                getEndpoint().getServiceUrl(), config.getFolder());
        super.doStart();
    }

    private void validate() {
        if (config.getFetchBatchSize() < 1) {
            throw new IllegalArgumentException("fetchBatchSize must be at least 1");
        }
        if (config.getBatchMemoryLimit() < 0) {
            throw new IllegalArgumentException("batchMemoryLimit must not be negative");
        }
        if (config.isIdle() && config.getIdleInterval() <= 0) {
            throw new IllegalArgumentException("idleInterval must be positive");
        }
    }

    /** The scheduled-poll check, which also reports parked unparseable messages and failed post-actions. */
    @Override
    protected void doBuild() throws Exception {
        if (getHealthCheck() == null) {
            setHealthCheck(new Imap4ConsumerHealthCheck(this, "consumer:" + getRouteId(), counters));
        }
        super.doBuild();
    }

    /** How many messages could not be parsed and were parked since the consumer was created. */
    @ManagedAttribute(description = "Messages that could not be parsed and were parked")
    public long getUnparseableMessageCount() {
        return counters.unparseableCount();
    }

    /** How many post-actions (STORE, COPY, MOVE, EXPUNGE) the server refused since the consumer was created. */
    @ManagedAttribute(description = "Post-actions (STORE, COPY, MOVE, EXPUNGE) the server refused")
    public long getFailedPostActionCount() {
        return counters.failedPostActionCount();
    }

    @ManagedAttribute(description = "The server, host:port (or stream)")
    public String getServer() {
        return getEndpoint().getServiceUrl();
    }

    @ManagedAttribute(description = "The folder polled")
    public String getFolder() {
        return config.getFolder();
    }

    @ManagedAttribute(description = "The capabilities of the open connection, empty when there is none")
    public String getCapabilities() {
        dev.imap4.client.ImapClient c = connection.client();
        return c == null ? "" : String.join(" ", new java.util.TreeSet<>(c.capabilities().names()));
    }

    @ManagedAttribute(description = "The folder's UIDVALIDITY at the last SELECT, -1 before the first")
    public long getUidValidity() {
        return counters.uidValidity();
    }

    @ManagedAttribute(description = "The UID of the last message fetched, -1 before the first")
    public long getLastUid() {
        return counters.lastUid();
    }

    @ManagedAttribute(description = "Messages handed to the route whose exchange has not completed")
    public long getInFlightCount() {
        return counters.inFlight();
    }

    @ManagedAttribute(description = "Why the last failed poll failed, empty when none has")
    public String getLastPollError() {
        String e = counters.lastError();
        return e == null ? "" : e;
    }

    @ManagedAttribute(description = "Messages fetched from the server into an exchange")
    public long getMessagesReceived() {
        return counters.received();
    }

    @ManagedAttribute(description = "Messages whose exchange completed")
    public long getMessagesCompleted() {
        return counters.completed();
    }

    @ManagedAttribute(description = "Messages whose exchange failed")
    public long getMessagesFailed() {
        return counters.failed();
    }

    @ManagedAttribute(description = "Messages the idempotent repository already held")
    public long getMessagesSkipped() {
        return counters.skipped();
    }

    @ManagedAttribute(description = "Bytes of message content fetched")
    public long getBytesFetched() {
        return counters.bytesFetched();
    }

    @ManagedAttribute(description = "Connections opened after the first one")
    public long getReconnects() {
        return counters.reconnects();
    }

    @ManagedAttribute(description = "IDLE commands ended by the server announcing new mail")
    public long getIdleWakeUps() {
        return counters.idleWakeUps();
    }

    /**
     * Logs the connection out and opens a new one: at once when the consumer is idling, else at
     * the next poll. Messages in flight keep their outcome, which is applied on the new connection
     * (outcomes are keyed by UIDVALIDITY and UID), so nothing is lost or delivered twice.
     */
    @ManagedOperation(description = "Log the connection out and open a new one (now when idling, else at the next poll)")
    public void reconnect() {
        connection.requestReconnect();
        idler.wakeUp();
    }

    /** The counts, for the dev console. */
    Imap4ConsumerCounters counters() {
        return counters;
    }

    @Override
    protected int poll() throws Exception {
        connection.lock();
        boolean ok = false;
        try {
            if (!isRunAllowed()) {
                ok = true; // stopped while this poll waited for the connection
                return 0;
            }
            int n = counters.poll(() -> cycle(true));
            if (idler.wanted(getErrorCounter() == 0)) {
                forceConsumerAsReady();
                n += idler.waitAndPoll(() -> counters.poll(() -> cycle(false)), () -> counters.poll(() -> cycle(true)));
            }
            ok = true;
            return n;
        } catch (Exception e) {
            String reason = e instanceof Imap4ConsumerException ce ? ce.getReason()
                    : e instanceof Imap4AbortException a ? Imap4ConsumerConnection.reason(a, "connection lost")
                    : "poll failed";
            addLastErrorDetail("reason", reason);
            counters.pollFailed(reason, e);
            throw e;
        } finally {
            if (!ok) {
                // whatever went wrong, the next poll starts from a fresh connection
                connection.close();
            }
            connection.unlock();
        }
    }

    /** One search and the delivery of what it found; {@code select} re-selects the folder first. */
    private int cycle(boolean select) throws Exception {
        long uidNext = 0;
        if (select) {
            selectFolder();
            uidNext = connection.client().selected().uidNext();
        }
        applyOutcomes();
        connection.clearExistsNoted();
        List<Long> found = searchUnlessNothingNew(uidNext);
        List<Long> uids = state.candidates(found, config.isIncremental());
        checkpoint();
        uids = notYetProcessed(uids);
        if (resume != null) {
            resume.reportFlagChanges(uids);
        }
        int max = getMaxMessagesPerPoll();
        if (max > 0 && uids.size() > max) {
            uids = uids.subList(0, max);
        }
        int delivered = uids.isEmpty() ? 0 : fetchAndProcess(uids);
        applyOutcomes();
        actions.expungePending();
        return delivered;
    }

    /**
     * The search's result, or none without searching when an incremental search would find nothing:
     * the SELECT just made reported a UIDNEXT at most one above the watermark, so no message above
     * it exists (RFC 3501 §2.3.1.1: UIDs are assigned in ascending order, every one below UIDNEXT).
     * The empty poll then costs one SELECT; Dovecot spends more on an ESEARCH than on the SELECT. A
     * search still runs at least once every {@link #SEARCH_AT_LEAST_EVERY}, so a server whose UIDNEXT
     * lags delays mail by no more; when that search finds a message UIDNEXT hid, the consumer stops
     * relying on UIDNEXT.
     */
    private List<Long> searchUnlessNothingNew(long uidNext) {
        long watermark = state.watermark();
        boolean nothingNew = config.isIncremental() && !uidNextLags && uidNext > 0 && watermark > 0
                && uidNext <= watermark + 1;
        if (nothingNew && System.nanoTime() - lastSearchNanos < searchAtLeastEveryNanos) {
            return List.of();
        }
        lastSearchNanos = System.nanoTime();
        List<Long> found = search.run(connection.client(), watermark);
        if (nothingNew && found.stream().anyMatch(uid -> uid > watermark)) {
            uidNextLags = true;
            LOG.warn("The server reported UIDNEXT {} for '{}' but holds UIDs above {}: every poll searches from now on",
                    uidNext, config.getFolder(), watermark);
        }
        return found;
    }

    /** Tests: a shorter longest time without a search. */
    void searchAtLeastEvery(Duration interval) {
        searchAtLeastEveryNanos = interval.toNanos();
        lastSearchNanos = System.nanoTime() - searchAtLeastEveryNanos;
    }

    /** SELECT (or EXAMINE); returns false when UIDVALIDITY changed, so every UID remembered was forgotten. */
    private boolean selectFolder() {
        MailboxState mailbox = resume != null ? resume.select(connection)
                : connection.select(config.getFolder(), config.isReadOnly());
        counters.selected(mailbox.uidValidity());
        long previous = state.uidValidity();
        boolean changed = state.adopt(mailbox.uidValidity());
        if (changed) {
            LOG.warn("UIDVALIDITY of '{}' changed from {} to {}: forgetting every UID remembered",
                    config.getFolder(), previous, mailbox.uidValidity());
        }
        modSeq = mailbox.highestModSeq() != null && connection.has("CONDSTORE");
        if (resume != null) {
            resume.selected(mailbox);
        }
        actions.checkFailureFlag(mailbox);
        if (config.getIdempotentKey() == Imap4IdempotentKey.EMAILID && !connection.has("OBJECTID")) {
            throw new Imap4ConsumerException("OBJECTID not offered", "idempotentKey=EMAILID needs a server offering"
                    + " OBJECTID (RFC 8474); " + getEndpoint().getServiceUrl() + " does not", null);
        }
        return !changed;
    }

    /** A new connection after a protocol error aborted the last one; false when UIDVALIDITY changed. */
    private boolean reselect() {
        connection.close();
        return selectFolder();
    }

    private List<Long> notYetProcessed(List<Long> uids) {
        IdempotentRepository repo = config.getIdempotentRepository();
        if (repo == null || config.getIdempotentKey() == Imap4IdempotentKey.EMAILID) {
            // keyed on EMAILID: known only once fetched, so checked in deliver()
            return uids;
        }
        List<Long> out = new ArrayList<>(uids.size());
        for (Long uid : uids) {
            if (!repo.contains(key(uid))) {
                out.add(uid);
            }
        }
        counters.skipped(uids.size() - out.size());
        return out;
    }

    /** The idempotent key: folder/UIDVALIDITY/UID, which names one message for good (never Message-ID). */
    private String key(long uid) {
        return config.getFolder() + "/" + state.uidValidity() + "/" + uid;
    }

    // idempotentKey=EMAILID: the EMAILID the message was fetched with, when it has one
    private String key(Exchange exchange, long uid) {
        String byEmailId = config.getIdempotentKey() == Imap4IdempotentKey.EMAILID
                ? Imap4ObjectIds.key(exchange.getMessage()) : null;
        return byEmailId != null ? byEmailId : key(uid);
    }

    /**
     * Fetches {@code uids} in batches and routes them. While one batch is routed on the polling
     * thread, the next one is fetched on the consumer's prefetch thread, so the server is not idle
     * while the route runs; the connection is still used by one thread at a time (the polling thread
     * touches it only after the prefetch was joined). The outcomes of a routed batch are applied (one
     * UID STORE) after the next batch arrived and before the FETCH after it. Memory: at most two
     * batches are held; large bodies kept on the heap by both together stay within batchMemoryLimit,
     * as the prefetched batch gets only what the routed one left of it. Batch sizes follow
     * {@link Imap4BatchSizes}: small at first, so the route starts early, then bounded by the bytes of
     * their bodies and the time their route takes.
     */
    private int fetchAndProcess(List<Long> uids) throws Exception {
        long allowance = mapper.heapAllowance();
        Imap4BatchSizes sizes = new Imap4BatchSizes(mapper.batchSizeCap(), allowance);
        int delivered = 0;
        batchOffset = 0;
        Prefetch ahead = null;
        int from = 0;
        try {
            while (from < uids.size() && isBatchAllowed() && isRunAllowed()) {
                Prefetch current = ahead;
                ahead = null;
                if (current == null) {
                    // the outcomes of the batch routed last: one UID STORE for all, before the next FETCH
                    applyOutcomes();
                    current = new Prefetch(uids.subList(from, Math.min(from + sizes.next(), uids.size())), allowance);
                    current.run();
                }
                List<Long> chunk = current.chunk;
                int next = from + chunk.size();
                int after = uids.size() - next;
                Queue<Object> exchanges;
                try {
                    exchanges = current.join();
                } catch (ImapProtocolException e) {
                    int n = isolate(chunk, after, true, e);
                    if (n < 0) {
                        break;
                    }
                    delivered += n;
                    from = next;
                    continue;
                }
                long bodyBytes = counters.fetched(exchanges);
                applyOutcomes();
                sizes.fetched(chunk.size(), bodyBytes);
                if (next < uids.size() && isBatchAllowed() && isRunAllowed()) {
                    ahead = new Prefetch(uids.subList(next, Math.min(next + sizes.next(), uids.size())),
                            allowance - current.kept());
                    ahead.start(prefetcher);
                }
                batchTotal = batchOffset + exchanges.size() + after;
                int routed = exchanges.size();
                long started = System.nanoTime();
                delivered += processBatch(exchanges);
                sizes.routed(routed, System.nanoTime() - started);
                from = next;
            }
        } finally {
            if (ahead != null) {
                ahead.discard();
            }
        }
        return delivered;
    }

    /** One batch's UID FETCH, run on the polling thread or ahead of time on the prefetch thread. */
    private final class Prefetch implements Runnable {
        private final List<Long> chunk;
        private final long[] heapLeft;
        private final long allowance;
        private Future<?> future;
        private Queue<Object> result;
        private RuntimeException failure;

        Prefetch(List<Long> chunk, long allowance) {
            this.chunk = chunk;
            this.allowance = Math.max(0, allowance);
            this.heapLeft = new long[] {this.allowance};
        }

        void start(ExecutorService executor) {
            future = executor.submit(this);
        }

        @Override
        public void run() {
            try {
                result = mapper.fetch(connection.client(), chunk, modSeq, state.uidValidity(), () -> createExchange(true),
                        heapLeft);
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        /** The batch's exchanges; a failure of the FETCH is thrown here, on the polling thread. */
        Queue<Object> join() throws Exception {
            if (future != null) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception c ? c : e;
                } catch (InterruptedException e) {
                    // the poll ends here: stop the fetch by closing the connection, and drop what it brought
                    connection.close();
                    awaitAndDrop();
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return result;
        }

        private void awaitAndDrop() {
            try {
                future.get(config.getReadTimeout() + 1000L, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception ignored) {
                // it failed, or it still runs on a closed connection: it fails there and drops its exchanges
            }
            if (result != null) {
                result.forEach(e -> Imap4MessageMapper.discard((Exchange) e));
            }
        }

        /** Bytes of large bodies this batch keeps on the heap. */
        long kept() {
            return allowance - heapLeft[0];
        }

        /** Waits for the fetch and drops what it brought (the poll ends before routing it). */
        void discard() {
            try {
                Queue<Object> exchanges = join();
                for (Object e : exchanges) {
                    Imap4MessageMapper.discard((Exchange) e);
                }
            } catch (Exception e) {
                LOG.debug("The FETCH ahead of a poll that ended failed: {}", e.getMessage());
            }
        }
    }

    /**
     * One UID FETCH of {@code chunk} and the delivery of what it brought; {@code after} UIDs of the
     * poll follow it; {@code whole} for a batch, false for a part of one. A protocol error aborts the
     * connection and delivers nothing of the chunk: on a new connection each half is fetched alone,
     * down to the one UID that still fails, which is parked. One bad message in a chunk of n costs
     * 2·⌈log2 n⌉ more FETCH commands plus one of BODY.PEEK[] alone, each failed one a reconnection;
     * it is remembered, so later polls cost nothing more. Returns the number delivered, or -1 when
     * UIDVALIDITY changed meanwhile (the rest of the poll then waits for the next one).
     */
    private int fetchIsolating(List<Long> chunk, int after, boolean whole) throws Exception {
        Queue<Object> exchanges;
        try {
            exchanges = mapper.fetch(connection.client(), chunk, modSeq, state.uidValidity(), () -> createExchange(true));
        } catch (ImapProtocolException e) {
            return isolate(chunk, after, whole, e);
        }
        counters.fetched(exchanges);
        batchTotal = batchOffset + exchanges.size() + after;
        return processBatch(exchanges);
    }

    // the FETCH of chunk failed on e, a protocol error that aborted the connection: narrow it down
    private int isolate(List<Long> chunk, int after, boolean whole, ImapProtocolException e) throws Exception {
        if (whole) {
            LOG.warn("The FETCH of {} message(s) of '{}' failed on a protocol error; narrowing it down: {}",
                    chunk.size(), config.getFolder(), Imap4UnparseableMessageException.firstLine(e));
        } else {
            LOG.debug("The FETCH of UIDs {} failed too", chunk);
        }
        if (!reselect()) {
            return -1;
        }
        if (chunk.size() == 1) {
            return unparseable.park(chunk.get(0), e) ? 0 : -1;
        }
        int half = (chunk.size() + 1) / 2;
        int first = fetchIsolating(chunk.subList(0, half), after + chunk.size() - half, false);
        int second = first < 0 ? -1 : fetchIsolating(chunk.subList(half, chunk.size()), after, false);
        return second < 0 ? -1 : first + second;
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        int delivered = 0;
        Integer size = batchTotal; // boxed once per batch, not per message
        for (int i = 0; i < total; i++) {
            Exchange exchange = (Exchange) exchanges.poll();
            if (!isBatchAllowed()) {
                Imap4MessageMapper.discard(exchange);
                continue;
            }
            int index = batchOffset + i;
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, size);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == batchTotal - 1);
            pendingExchanges = total - i - 1;
            if (deliver(exchange)) {
                delivered++;
            }
        }
        pendingExchanges = 0;
        batchOffset += total;
        return delivered;
    }

    private boolean deliver(Exchange exchange) {
        long uid = ((Imap4Message) exchange.getIn()).uid(); // made by the mapper; reading it fills no headers
        IdempotentRepository repo = config.getIdempotentRepository();
        boolean eager = config.isIdempotentEager();
        String key = repo == null ? null : key(exchange, uid);
        // eager: the add is the claim; otherwise the key is added on completion and only checked here
        if (repo != null && (eager ? !repo.add(key) : repo.contains(key))) {
            LOG.debug("Skipping message UID {}: {} is already in the idempotent repository", uid, key);
            counters.skipped(1);
            Imap4MessageMapper.discard(exchange);
            return false;
        }
        if (resume != null && !resume.admit(uid)) {
            Imap4MessageMapper.discard(exchange);
            return false;
        }
        state.delivered(uid);
        counters.delivered();
        exchange.getExchangeExtension().addOnCompletion(
                new Imap4CompletionHook(state.uidValidity(), uid, repo, key, eager, this::enqueue));
        try {
            mapper.mime().map(exchange); // a message that cannot be mapped fails here, alone
            getProcessor().process(exchange);
        } catch (Exception e) {
            // the routing engine normally keeps failures on the exchange; make sure the hook still runs
            exchange.setException(e);
            Imap4MessageMapper.discard(exchange);
        }
        return true;
    }

    /** Routes a report of expunged UIDs (deliverVanished); true when the route took it without failure. */
    private boolean deliverVanished(NumberSet uids) {
        Exchange exchange = createExchange(true);
        exchange.getMessage().setHeader(Imap4Constants.VANISHED, uids.toString());
        exchange.getMessage().setHeader(Imap4Constants.FOLDER, config.getFolder());
        exchange.getMessage().setHeader(Imap4Constants.UID_VALIDITY, state.uidValidity());
        return routeReport(exchange, () -> "The report of vanished UIDs " + uids + " failed; it is sent again at the next"
                + " poll");
    }

    /**
     * Routes the flag changes of a poll (deliverFlagChanges), one exchange per message in the
     * server's order, each after the previous one completed; true when every one completed without
     * failure. A failed one does not stop the others: all come again at the next poll.
     */
    private boolean deliverFlagChanges(List<FlagChange> changes) {
        boolean ok = true;
        for (int i = 0; i < changes.size() && isRunAllowed(); i++) {
            FlagChange change = changes.get(i);
            Exchange exchange = createExchange(true);
            org.apache.camel.Message m = exchange.getMessage();
            m.setHeader(Imap4Constants.FLAGS_CHANGED, Boolean.TRUE);
            m.setHeader(Imap4Constants.UID, change.uid());
            m.setHeader(Imap4Constants.FOLDER, config.getFolder());
            m.setHeader(Imap4Constants.UID_VALIDITY, state.uidValidity());
            m.setHeader(Imap4Constants.FLAGS, change.flags());
            if (change.modSeq() != null) {
                m.setHeader(Imap4Constants.MOD_SEQ, change.modSeq());
            }
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, i);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, changes.size());
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, i == changes.size() - 1);
            ok &= routeReport(exchange, () -> "The report of the flags of UID " + change.uid() + " in '" + config.getFolder()
                    + "' failed; the changes of this poll are sent again at the next one");
        }
        return ok && isRunAllowed();
    }

    /** Routes a report exchange (no message behind it) and releases it; true when it completed without failure. */
    private boolean routeReport(Exchange exchange, Supplier<String> failureText) {
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        Exception failure = exchange.getException();
        if (failure != null) {
            getExceptionHandler().handleException(failureText.get(), exchange, failure);
        }
        releaseExchange(exchange, false);
        return failure == null;
    }

    private void enqueue(Imap4Outcome outcome) {
        counters.finished(outcome);
        outcomes.add(outcome);
        idler.wakeUp();
    }

    /** Applies every queued outcome; only ever called by the thread holding the connection lock. */
    private void applyOutcomes() {
        if (outcomes.isEmpty() && !actions.hasPending()) {
            return;
        }
        List<Imap4Outcome> batch = new ArrayList<>();
        for (Imap4Outcome o = outcomes.poll(); o != null; o = outcomes.poll()) {
            batch.add(o);
        }
        actions.apply(batch);
        if (config.isIncremental()) {
            // only once the actions were carried out, so the next search starts past what they finished
            state.advanceWatermark();
        }
        checkpoint();
    }

    // saves the progress to the stateRepository, when there is one
    private void checkpoint() {
        if (resume != null) {
            resume.save();
        }
    }

    /** Applies queued outcomes outside a search round (while idling, when stopping), expunging at once. */
    void settle() {
        applyOutcomes();
        actions.expungePending();
    }

    @Override
    protected void doSuspend() throws Exception {
        idler.disallow();
        super.doSuspend();
    }

    @Override
    protected void doResume() throws Exception {
        idler.allow();
        super.doResume();
    }

    /** Waiting in IDLE is no pending work: graceful shutdown need not wait for it. */
    @Override
    public int getPendingExchangesSize() {
        return idler.isIdling() ? 0 : super.getPendingExchangesSize();
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        super.prepareShutdown(suspendOnly, forced);
        idler.disallow();
    }

    @Override
    protected void doStop() throws Exception {
        metrics.close();
        metrics = Imap4Metrics.NONE;
        idler.disallow();
        // The running poll ends after the exchange it routes (runs are no longer allowed). Only then
        // are the scheduler (whose stop interrupts the polling thread) and the route's processors
        // stopped: a consumer stopped directly is not suspended and drained first, as Camel's
        // shutdown does with a route's own consumer, and an exchange half-way through the route
        // would fail at its next step. (Camel's master: stops the processors before it stops this
        // consumer: docs/scaling-out.md.)
        boolean locked = idler.awaitLock();
        super.doStop();
        if (!locked) {
            LOG.warn("The poll of {} did not end in time; closing its connection", getEndpoint());
            connection.close();
            idler.stop();
            stopPrefetcher();
            return;
        }
        try {
            settleBeforeClose();
        } finally {
            connection.close();
            connection.unlock();
            idler.stop();
            stopPrefetcher();
        }
    }

    private void stopPrefetcher() {
        if (prefetcher != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(prefetcher);
            prefetcher = null;
        }
    }

    // outcomes of exchanges that completed after the last poll, and a pending BATCH expunge
    private void settleBeforeClose() {
        try {
            if (connection.client() == null || !connection.client().isConnected() || sharedConnection) {
                // on a shared connection another folder may be selected: a pending plan needs this one
                if (outcomes.isEmpty() && !(sharedConnection && actions.hasPending())) {
                    return;
                }
                MailboxState mailbox = connection.select(config.getFolder(), config.isReadOnly());
                state.adopt(mailbox.uidValidity());
            }
            settle();
        } catch (RuntimeException e) {
            LOG.warn("Could not apply the outcome of {} messages before stopping; they will be delivered again: {}",
                    outcomes.size(), e.getMessage());
        }
    }
}
