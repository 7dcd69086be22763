package dev.imap4.camel;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.types.MailboxState;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
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
 * running IDLE); the polling thread applies queued outcomes after each exchange, before each
 * search, while idling, and when the consumer stops. Until its outcome is applied a message stays
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
public class Imap4Consumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(Imap4Consumer.class);

    private final Imap4Configuration config;
    private final Imap4ConsumerConnection connection;
    private final Imap4ConsumerState state = new Imap4ConsumerState();
    private final Imap4ConsumerCounters counters = new Imap4ConsumerCounters();
    private final Queue<Imap4Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final Imap4IdleWaiter idler;
    private Imap4Search search;
    private Imap4MessageMapper mapper;
    private Imap4PostActions actions;
    private Imap4Unparseable unparseable;
    private boolean modSeq;
    private int batchOffset;
    private int batchTotal;

    public Imap4Consumer(Imap4Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.config = endpoint.getConfiguration();
        this.connection = new Imap4ConsumerConnection(endpoint);
        this.idler = new Imap4IdleWaiter(this, connection, outcomes);
    }

    @Override
    public Imap4Endpoint getEndpoint() {
        return (Imap4Endpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        validate();
        search = new Imap4Search(config);
        mapper = new Imap4MessageMapper(config);
        actions = new Imap4PostActions(config, connection, state, counters);
        unparseable = new Imap4Unparseable(this, config, connection, state, actions, counters, this::reselect);
        ServiceHelper.startService(config.getIdempotentRepository());
        idler.start(config.isIdle());
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
    public long getUnparseableMessageCount() {
        return counters.unparseableCount();
    }

    /** How many post-actions (STORE, COPY, MOVE, EXPUNGE) the server refused since the consumer was created. */
    public long getFailedPostActionCount() {
        return counters.failedPostActionCount();
    }

    @Override
    protected int poll() throws Exception {
        connection.lock();
        boolean ok = false;
        try {
            int n = cycle(true);
            if (idler.wanted(getErrorCounter() == 0)) {
                forceConsumerAsReady();
                n += idler.waitAndPoll(() -> cycle(false), () -> cycle(true));
            }
            ok = true;
            return n;
        } catch (Exception e) {
            addLastErrorDetail("reason", e instanceof Imap4ConsumerException ce ? ce.getReason()
                    : e instanceof Imap4AbortException a ? Imap4ConsumerConnection.reason(a, "connection lost")
                    : "poll failed");
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
        if (select) {
            selectFolder();
        }
        applyOutcomes();
        connection.clearExistsNoted();
        List<Long> uids = state.candidates(search.run(connection.client(), state.watermark()), config.isIncremental());
        uids = notYetProcessed(uids);
        int max = getMaxMessagesPerPoll();
        if (max > 0 && uids.size() > max) {
            uids = uids.subList(0, max);
        }
        int delivered = uids.isEmpty() ? 0 : fetchAndProcess(uids);
        applyOutcomes();
        actions.expungePending();
        return delivered;
    }

    /** SELECT (or EXAMINE); returns false when UIDVALIDITY changed, so every UID remembered was forgotten. */
    private boolean selectFolder() {
        MailboxState mailbox = connection.select(config.getFolder(), config.isReadOnly());
        long previous = state.uidValidity();
        boolean changed = state.adopt(mailbox.uidValidity());
        if (changed) {
            LOG.warn("UIDVALIDITY of '{}' changed from {} to {}: forgetting every UID remembered",
                    config.getFolder(), previous, mailbox.uidValidity());
        }
        modSeq = mailbox.highestModSeq() != null && connection.has("CONDSTORE");
        actions.checkFailureFlag(mailbox);
        return !changed;
    }

    /** A new connection after a protocol error aborted the last one; false when UIDVALIDITY changed. */
    private boolean reselect() {
        connection.close();
        return selectFolder();
    }

    private List<Long> notYetProcessed(List<Long> uids) {
        IdempotentRepository repo = config.getIdempotentRepository();
        if (repo == null) {
            return uids;
        }
        List<Long> out = new ArrayList<>(uids.size());
        for (Long uid : uids) {
            if (!repo.contains(key(uid))) {
                out.add(uid);
            }
        }
        return out;
    }

    /** The idempotent key: folder/UIDVALIDITY/UID, which names one message for good (never Message-ID). */
    private String key(long uid) {
        return config.getFolder() + "/" + state.uidValidity() + "/" + uid;
    }

    private int fetchAndProcess(List<Long> uids) throws Exception {
        int size = config.getFetchBatchSize();
        int delivered = 0;
        batchOffset = 0;
        for (int from = 0; from < uids.size() && isBatchAllowed() && isRunAllowed(); from += size) {
            List<Long> chunk = uids.subList(from, Math.min(from + size, uids.size()));
            int n = fetchIsolating(chunk, uids.size() - from - chunk.size(), true);
            if (n < 0) {
                break;
            }
            delivered += n;
        }
        return delivered;
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
        batchTotal = batchOffset + exchanges.size() + after;
        return processBatch(exchanges);
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        int delivered = 0;
        for (int i = 0; i < total; i++) {
            Exchange exchange = (Exchange) exchanges.poll();
            if (!isBatchAllowed()) {
                Imap4MessageMapper.discard(exchange);
                continue;
            }
            int index = batchOffset + i;
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, batchTotal);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == batchTotal - 1);
            pendingExchanges = total - i - 1;
            if (deliver(exchange)) {
                delivered++;
            }
            applyOutcomes();
        }
        pendingExchanges = 0;
        batchOffset += total;
        return delivered;
    }

    private boolean deliver(Exchange exchange) {
        long uid = (Long) exchange.getMessage().getHeader(Imap4Constants.UID); // set by the mapper, always a Long
        IdempotentRepository repo = config.getIdempotentRepository();
        boolean eager = config.isIdempotentEager();
        String key = repo == null ? null : key(uid);
        // eager: the add is the claim; otherwise the key is added on completion and only checked here
        if (repo != null && (eager ? !repo.add(key) : repo.contains(key))) {
            LOG.debug("Skipping message UID {}: {} is already in the idempotent repository", uid, key);
            Imap4MessageMapper.discard(exchange);
            return false;
        }
        state.delivered(uid);
        exchange.getExchangeExtension().addOnCompletion(
                new Imap4CompletionHook(state.uidValidity(), uid, repo, key, eager, this::enqueue));
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            // the routing engine normally keeps failures on the exchange; make sure the hook still runs
            exchange.setException(e);
            Imap4MessageMapper.discard(exchange);
        }
        return true;
    }

    private void enqueue(Imap4Outcome outcome) {
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
        idler.disallow();
        super.doStop();
        if (!idler.awaitLock()) {
            LOG.warn("The poll of {} did not end in time; closing its connection", getEndpoint());
            connection.close();
            idler.stop();
            return;
        }
        try {
            settleBeforeClose();
        } finally {
            connection.close();
            connection.unlock();
            idler.stop();
        }
    }

    // outcomes of exchanges that completed after the last poll, and a pending BATCH expunge
    private void settleBeforeClose() {
        try {
            if (connection.client() == null || !connection.client().isConnected()) {
                if (outcomes.isEmpty()) {
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
