package dev.imap4.camel;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.NumberSet;
import java.util.function.BooleanSupplier;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.support.BridgeExceptionHandlerToErrorHandler;
import org.apache.camel.support.UnitOfWorkHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to the one message whose FETCH response cannot be parsed even when fetched alone
 * (the consumer narrowed a failing batch down to it):
 * <ol>
 * <li>it is remembered as done, so no later poll under this UIDVALIDITY fetches it again;</li>
 * <li>it is counted, and the health check names it;</li>
 * <li>it is fetched once more as {@code BODY.PEEK[]} alone (no ENVELOPE, BODYSTRUCTURE, FLAGS or
 * dates to parse); an exchange with those raw bytes as its body (null when even that fails) and
 * the UID, UIDVALIDITY and folder headers goes, with an {@link Imap4UnparseableMessageException},
 * to the consumer's exception handler: with bridgeErrorHandler=true the route's error handler
 * (onException) sees it with the body kept, otherwise it is logged;</li>
 * <li>it is parked as onFailure says: FLAG sets failureFlag, MOVE moves it to errorFolder at once
 * (another attempt would fail the same way), NONE leaves it in the folder.</li>
 * </ol>
 */
final class Imap4Unparseable {

    private static final Logger LOG = LoggerFactory.getLogger(Imap4Unparseable.class);

    private final Imap4Consumer consumer;
    private final Imap4Configuration config;
    private final Imap4ConsumerConnection connection;
    private final Imap4ConsumerState state;
    private final Imap4PostActions actions;
    private final Imap4ConsumerCounters counters;
    private final BooleanSupplier reselect;

    /** {@code reselect} reconnects and selects the folder again; false when UIDVALIDITY changed. */
    Imap4Unparseable(Imap4Consumer consumer, Imap4Configuration config, Imap4ConsumerConnection connection,
            Imap4ConsumerState state, Imap4PostActions actions, Imap4ConsumerCounters counters,
            BooleanSupplier reselect) {
        this.consumer = consumer;
        this.config = config;
        this.connection = connection;
        this.state = state;
        this.actions = actions;
        this.counters = counters;
        this.reselect = reselect;
    }

    /**
     * Handles {@code uid}, whose single FETCH failed with {@code cause}; the folder has been selected
     * again since. Returns false when UIDVALIDITY changed meanwhile (nothing more is done then).
     */
    boolean park(long uid, ImapProtocolException cause) {
        long uidValidity = state.uidValidity();
        Imap4UnparseableMessageException error = new Imap4UnparseableMessageException(config.getFolder(),
                uidValidity, uid, cause);
        state.finished(uid);
        counters.unparseable("UID " + uid + " (UIDVALIDITY " + uidValidity + ") in '" + config.getFolder() + "'");
        LOG.warn("{}; onFailure={} parks it and no later poll fetches it again", error.getMessage(), config.getOnFailure());
        Exchange exchange = consumer.createExchange(true);
        Message m = exchange.getMessage();
        m.setHeader(Imap4Constants.UID, uid);
        m.setHeader(Imap4Constants.UID_VALIDITY, uidValidity);
        m.setHeader(Imap4Constants.FOLDER, config.getFolder());
        if (!readRaw(exchange, uid)) {
            Imap4MessageMapper.discard(exchange);
            return false;
        }
        report(exchange, error);
        actions.park(uid);
        return true;
    }

    // BODY.PEEK[] alone; its literal is read by length, so only the response's frame must parse
    private boolean readRaw(Exchange exchange, long uid) {
        long[] heapLeft = {Math.min(config.getBatchMemoryLimit(), Runtime.getRuntime().maxMemory() / 4)};
        try {
            connection.client().uidFetch(NumberSet.uids(uid), FetchItems.of().withBody(), r -> {
                if (r.uid() != null && r.uid() == uid && r.message() != null && exchange.getMessage().getBody() == null) {
                    exchange.getMessage().setBody(Imap4MessageMapper.cache(exchange, r.message(), heapLeft));
                }
            });
        } catch (ImapProtocolException e) {
            LOG.debug("UID {} cannot be read even as BODY.PEEK[] alone: {}", uid, e.getMessage());
            return reselect.getAsBoolean();
        } catch (Imap4CommandException e) {
            LOG.debug("UID {} cannot be read as BODY.PEEK[] alone: {}", uid, e.getMessage());
        }
        return true;
    }

    // as Camel's bridge to the route's error handler does, but keeping the raw bytes as the body
    private void report(Exchange exchange, Imap4UnparseableMessageException error) {
        ExceptionHandler handler = consumer.getExceptionHandler();
        if (!(handler instanceof BridgeExceptionHandlerToErrorHandler)) {
            try {
                handler.handleException(error.getMessage(), exchange, error);
            } finally {
                Imap4MessageMapper.discard(exchange);
            }
            return;
        }
        exchange.setException(error);
        exchange.setProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, error);
        exchange.setProperty(ExchangePropertyKey.ERRORHANDLER_BRIDGE, Boolean.TRUE);
        exchange.getExchangeExtension().setRedeliveryExhausted(true);
        UnitOfWork uow = null;
        try {
            uow = consumer.createUoW(exchange);
            consumer.getProcessor().process(exchange);
        } catch (Exception e) {
            LOG.warn("The error handler failed on {}: {}", error.getMessage(), e.getMessage());
        } finally {
            UnitOfWorkHelper.doneUow(uow, exchange);
        }
    }
}
