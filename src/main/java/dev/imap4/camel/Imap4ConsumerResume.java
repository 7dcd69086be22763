package dev.imap4.camel;

import dev.imap4.client.types.MailboxState;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's side of {@link Imap4StateStore}: after the first SELECT it takes the saved
 * progress over (when the UIDVALIDITY still matches), it saves the progress as outcomes are
 * applied, and it counts each attempt before the route runs, refusing a message that was handed
 * over maxFailedAttempts times without success. Only the polling thread calls it.
 */
final class Imap4ConsumerResume {

    private static final Logger LOG = LoggerFactory.getLogger(Imap4ConsumerResume.class);

    private final Imap4Configuration config;
    private final Imap4StateStore store;
    private final Imap4ConsumerState state;
    private final Imap4PostActions actions;
    private boolean loaded;

    Imap4ConsumerResume(Imap4Configuration config, Imap4StateStore store, Imap4ConsumerState state,
            Imap4PostActions actions) {
        this.config = config;
        this.store = store;
        this.state = state;
        this.actions = actions;
    }

    /** The endpoint's resume support, or null without a stateRepository; starts the repository. */
    static Imap4ConsumerResume create(Imap4Endpoint endpoint, Imap4ConsumerState state, Imap4PostActions actions) {
        Imap4Configuration config = endpoint.getConfiguration();
        StateRepository<String, String> repository = config.getStateRepository();
        if (repository == null) {
            return null;
        }
        String server = config.getStreamCommand() != null ? "stream:" + config.getStreamCommand()
                : config.getHost() + ":" + config.effectivePort();
        Imap4StateStore store = new Imap4StateStore(repository,
                Imap4StateStore.key(server, config.getUsername(), config.getFolder()), config.getStateMaxBytes());
        ServiceHelper.startService(repository);
        return new Imap4ConsumerResume(config, store, state, actions);
    }

    Imap4StateStore store() {
        return store;
    }

    /** After each SELECT, once {@link Imap4ConsumerState#adopt} has seen its UIDVALIDITY. */
    void selected(MailboxState mailbox) {
        long uidValidity = mailbox.uidValidity();
        if (!loaded) {
            loaded = true;
            if (store.load()) {
                if (store.uidValidity() == uidValidity) {
                    state.restore(store.watermark(), store.done(), store.attempts());
                    LOG.info("Resuming '{}' from the saved state {}: watermark {}, {} more UID(s) done, {} with failed"
                            + " attempts", config.getFolder(), store.key(), store.watermark(), store.done().size(),
                            store.attempts().size());
                } else {
                    LOG.warn("UIDVALIDITY of '{}' is {}, not {} as in the saved state {}: every saved UID names"
                            + " another message now, starting over", config.getFolder(), uidValidity,
                            store.uidValidity(), store.key());
                    store.clear(uidValidity);
                }
            } else {
                store.clear(uidValidity);
            }
        } else if (store.uidValidity() != uidValidity) {
            store.clear(uidValidity);
        }
        store.modSeq(mailbox.highestModSeq());
        save();
    }

    /** Saves the current progress (a no-op when nothing changed). */
    void save() {
        if (store.uidValidity() == state.uidValidity()) {
            store.save(savedWatermark(), state.doneView());
        }
    }

    // incremental: the done UIDs right above the watermark need nothing either, so the saved mark
    // passes them and a restarted consumer's first search starts after them
    private long savedWatermark() {
        long mark = state.watermark();
        if (config.isIncremental()) {
            for (long uid : state.doneView().tailSet(mark, false)) {
                if (uid != mark + 1) {
                    break;
                }
                mark = uid;
            }
        }
        return mark;
    }

    /**
     * Whether {@code uid} may be handed to the route. Yes: its attempt is counted and saved first.
     * No, once maxFailedAttempts attempts began without success: the message is parked as onFailure
     * says (FLAG flags it, MOVE moves it to errorFolder, NONE leaves it) and never handed over again.
     */
    boolean admit(long uid) {
        int attempts = store.attemptsOf(uid);
        if (attempts >= config.getMaxFailedAttempts()) {
            LOG.warn("Message UID {} of '{}' was handed to the route {} time(s) without success (an attempt that"
                    + " stopped the JVM counts); onFailure={} parks it and it is not delivered again",
                    uid, config.getFolder(), attempts, config.getOnFailure());
            state.finished(uid);
            actions.park(uid);
            save();
            return false;
        }
        store.beginAttempt(uid, savedWatermark(), state.doneView());
        return true;
    }
}
