package dev.imap4.camel;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4BudgetExceededException;
import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.types.FlagChange;
import dev.imap4.client.types.MailboxState;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.QresyncParameters;
import dev.imap4.client.types.QresyncResult;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's side of {@link Imap4StateStore}: after the first SELECT it takes the saved
 * progress over (when the UIDVALIDITY still matches), it saves the progress as outcomes are
 * applied, and it counts each attempt before the route runs, refusing a message that was handed
 * over maxFailedAttempts times without success. With a server offering QRESYNC it selects with the
 * saved UIDVALIDITY and HIGHESTMODSEQ (RFC 7162 §3.2.5), learns the UIDs expunged since, drops
 * their attempt counts and, with deliverVanished, hands them to the route; with deliverFlagChanges
 * it hands over the flag changes the SELECT reported too, once the poll's search said which messages
 * it delivers as new. The new HIGHESTMODSEQ is saved only once every report of it was taken without
 * failure. Only the polling thread calls it.
 *
 * <p>A resynchronisation larger than the connection's heap budget (maxHeldBytes) aborts the SELECT
 * cleanly; the consumer then selects without the QRESYNC parameters for as long as it runs, so new
 * mail still flows, and keeps the saved HIGHESTMODSEQ, so the changes since are reported once the
 * route is started again with a larger budget.
 */
final class Imap4ConsumerResume {

    private static final Logger LOG = LoggerFactory.getLogger(Imap4ConsumerResume.class);

    private final Imap4Configuration config;
    private final Imap4StateStore store;
    private final Imap4ConsumerState state;
    private final Imap4PostActions actions;
    private final boolean persistent;
    private final Predicate<NumberSet> vanishedSink;
    private final Predicate<List<FlagChange>> flagSink;
    private boolean loaded;
    private boolean restored;
    private boolean adopted;
    private boolean qresyncRefused;
    private boolean qresyncWarned;
    private boolean resyncTooLarge;
    private NumberSet vanished;
    private List<FlagChange> changes;
    private Long changesModSeq;

    Imap4ConsumerResume(Imap4Configuration config, Imap4StateStore store, Imap4ConsumerState state,
            Imap4PostActions actions, boolean persistent, Predicate<NumberSet> vanishedSink,
            Predicate<List<FlagChange>> flagSink) {
        this.persistent = persistent;
        this.vanishedSink = vanishedSink;
        this.flagSink = flagSink;
        this.config = config;
        this.store = store;
        this.state = state;
        this.actions = actions;
    }

    /**
     * The endpoint's resume support, or null without a stateRepository, deliverVanished or
     * deliverFlagChanges (the last two then keep their mark in memory); starts the repository.
     * {@code vanishedSink} routes a vanished report, {@code flagSink} the flag changes of a poll;
     * each says whether the route took all of it without failure.
     */
    static Imap4ConsumerResume create(Imap4Endpoint endpoint, Imap4ConsumerState state, Imap4PostActions actions,
            Predicate<NumberSet> vanishedSink, Predicate<List<FlagChange>> flagSink) {
        Imap4Configuration config = endpoint.getConfiguration();
        StateRepository<String, String> repository = config.getStateRepository();
        boolean persistent = repository != null;
        if (!persistent && !config.isDeliverVanished() && !config.isDeliverFlagChanges()) {
            return null;
        }
        if (!persistent) {
            repository = new MemoryStateRepository();
        }
        String server = config.getStreamCommand() != null ? "stream:" + config.getStreamCommand()
                : config.getHost() + ":" + config.effectivePort();
        Imap4StateStore store = new Imap4StateStore(repository,
                Imap4StateStore.key(server, config.getUsername(), config.getFolder()), config.getStateMaxBytes());
        ServiceHelper.startService(repository);
        return new Imap4ConsumerResume(config, store, state, actions, persistent, vanishedSink, flagSink);
    }

    Imap4StateStore store() {
        return store;
    }

    /**
     * SELECT (or EXAMINE) the folder: with QRESYNC and the saved UIDVALIDITY and HIGHESTMODSEQ when
     * the server offers it, plainly otherwise (also when the server would not enable QRESYNC).
     */
    MailboxState select(Imap4ConsumerConnection connection) {
        if (!loaded) {
            loaded = true;
            restored = store.load();
        }
        vanished = null;
        changes = null;
        connection.open();
        if (qresyncRefused || !connection.has("QRESYNC")) {
            if ((config.isDeliverVanished() || config.isDeliverFlagChanges()) && !qresyncWarned) {
                qresyncWarned = true;
                LOG.warn("The server does not offer QRESYNC (RFC 7162), so deliverVanished and deliverFlagChanges"
                        + " report nothing for '{}'", config.getFolder());
            }
            return connection.select(config.getFolder(), config.isReadOnly());
        }
        QresyncParameters p = !resyncTooLarge && store.uidValidity() > 0 && store.modSeq() != null
                ? new QresyncParameters(store.uidValidity(), store.modSeq(), null) : null;
        QresyncResult r;
        try {
            r = connection.selectQresync(config.getFolder(), config.isReadOnly(), p);
        } catch (Imap4AbortException e) {
            if (p != null && Imap4BudgetExceededException.isCause(e)) {
                resyncTooLarge = true;
                LOG.error("The changes in '{}' since MODSEQ {} are more than the connection may hold ({}); until the"
                        + " route is started again the folder is selected without resynchronising, the saved MODSEQ is"
                        + " kept, and nothing expunged or changed since is reported: raise maxHeldBytes and restart"
                        + " the route to have them reported", config.getFolder(), p.modSeq(), e.getMessage().lines()
                        .findFirst().orElse(""));
            }
            throw e;
        } catch (Imap4CommandException | Imap4ConsumerException e) {
            throw e;
        } catch (Imap4Exception e) {
            LOG.warn("QRESYNC cannot be used on {}: {}; selecting without it", store.key(), e.getMessage());
            qresyncRefused = true;
            return connection.select(config.getFolder(), config.isReadOnly());
        }
        if (r.resynchronised(p) && !r.vanished().isEmpty()) {
            vanished = r.vanished();
        }
        if (r.resynchronised(p) && config.isDeliverFlagChanges() && !r.changed().isEmpty()) {
            changes = r.changed();
        }
        return r.mailbox();
    }

    /** After each SELECT, once {@link Imap4ConsumerState#adopt} has seen its UIDVALIDITY. */
    void selected(MailboxState mailbox) {
        long uidValidity = mailbox.uidValidity();
        if (!loaded) {
            loaded = true;
            restored = store.load();
        }
        if (!adopted) {
            adopted = true;
            if (restored) {
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
        if (vanished != null) {
            forget(vanished);
            if (config.isDeliverVanished() && !vanishedSink.test(vanished)) {
                // reported again at the next SELECT, which names the mark of the last one
                changes = null;
                save();
                return;
            }
        }
        if (changes != null) {
            // saved by reportFlagChanges, once the route took them
            changesModSeq = mailbox.highestModSeq();
            save();
            return;
        }
        if (!resyncTooLarge) {
            store.modSeq(mailbox.highestModSeq());
        }
        save();
    }

    /**
     * After the poll's search: hands the flag changes the last SELECT reported to the route, leaving
     * out the messages the poll delivers as new ({@code delivering}) and those still in flight, and
     * saves that SELECT's HIGHESTMODSEQ once the route took every one without failure; otherwise
     * the next SELECT names the old mark and all of them come again.
     */
    void reportFlagChanges(Collection<Long> delivering) {
        if (changes == null) {
            return;
        }
        List<FlagChange> reported = changes;
        changes = null;
        Set<Long> skip = new HashSet<>(delivering);
        List<FlagChange> report = reported.stream()
                .filter(c -> !skip.contains(c.uid()) && !state.isInFlight(c.uid())).toList();
        if (report.isEmpty() || flagSink.test(report)) {
            store.modSeq(changesModSeq);
            save();
        }
    }

    // the attempt counts of expunged messages are of no use any more
    private void forget(NumberSet uids) {
        store.attempts().keySet().removeIf(uid -> uids.ranges().stream()
                .anyMatch(r -> uid >= r.from() && uid <= r.to()));
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
        if (!persistent) {
            return true;
        }
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
