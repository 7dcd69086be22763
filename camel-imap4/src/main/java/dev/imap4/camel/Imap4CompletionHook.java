package dev.imap4.camel;

import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Synchronization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The completion hook of one consumed message. It may run on any thread (an asynchronous route
 * completes where it ends), so it never touches the connection: it settles the idempotent
 * repository and hands an {@link Imap4Outcome} to the consumer, which applies it on the polling
 * thread. With an eager repository the key was added before the route ran: it is confirmed on
 * success and removed on failure, as Camel's other consumers do. Otherwise it is added (and
 * confirmed) on success only, before the outcome is queued.
 */
final class Imap4CompletionHook implements Synchronization {

    private static final Logger LOG = LoggerFactory.getLogger(Imap4CompletionHook.class);

    private final long uidValidity;
    private final long uid;
    private final IdempotentRepository repository;
    private final String key;
    private final boolean eager;
    private final Consumer<Imap4Outcome> sink;

    Imap4CompletionHook(long uidValidity, long uid, IdempotentRepository repository, String key, boolean eager,
            Consumer<Imap4Outcome> sink) {
        this.uidValidity = uidValidity;
        this.uid = uid;
        this.repository = repository;
        this.key = key;
        this.eager = eager;
        this.sink = sink;
    }

    @Override
    public void onComplete(Exchange exchange) {
        Imap4Outcome outcome;
        try {
            Message m = exchange.getMessage();
            if (m instanceof Imap4Message mine && !mine.headersTouched()) {
                // the route never touched a header, so it set none of these: the headers are not filled for nothing
                outcome = new Imap4Outcome(uidValidity, uid, true, null, null, null);
            } else {
                outcome = new Imap4Outcome(uidValidity, uid, true, m.getHeader(Imap4Constants.MOVE_TO, String.class),
                        m.getHeader(Imap4Constants.COPY_TO, String.class),
                        m.getHeader(Imap4Constants.DELETE, Boolean.class));
            }
        } catch (RuntimeException e) {
            LOG.warn("Ignoring unreadable success headers of message UID {}: {}", uid, e.getMessage());
            outcome = new Imap4Outcome(uidValidity, uid, true, null, null, null);
        }
        try {
            if (repository != null) {
                if (!eager) {
                    repository.add(key);
                }
                repository.confirm(key);
            }
        } finally {
            sink.accept(outcome);
        }
    }

    @Override
    public void onFailure(Exchange exchange) {
        try {
            // not eager: the key was never added here, and one another consumer added must stay
            if (repository != null && eager) {
                repository.remove(key);
            }
        } finally {
            sink.accept(Imap4Outcome.failure(uidValidity, uid));
        }
    }

    @Override
    public String toString() {
        return "Imap4CompletionHook[uid=" + uid + "]";
    }
}
