package dev.imap4.camel;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.StoreMode;
import dev.imap4.client.types.MailboxState;
import dev.imap4.client.types.NumberSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the outcomes the completion hooks recorded, on the polling thread. Outcomes that arrive
 * together are grouped, so N messages marked \Seen cost one UID STORE, not N. A NO from the server
 * (a missing folder, a keyword the folder refuses) is logged as a warning, counted in
 * {@link Imap4ConsumerCounters} (the health check shows it) and the message stays as it is; the
 * consumer still remembers it as done, so it is not delivered again while the consumer runs. A
 * folder the server answers NO [TRYCREATE] for is created (and the action tried once more) only
 * with createMissingFolders. A broken connection propagates: the poll fails and reconnects, and
 * the unfinished part of the plan is carried out after the next SELECT.
 */
final class Imap4PostActions {

    private static final Logger LOG = LoggerFactory.getLogger(Imap4PostActions.class);

    private final Imap4Configuration config;
    private final Imap4ConsumerConnection connection;
    private final Imap4ConsumerState state;
    private final Imap4ConsumerCounters counters;
    private boolean uidplusWarned;
    private boolean flagWarned;
    private Imap4ActionPlan pending;

    Imap4PostActions(Imap4Configuration config, Imap4ConsumerConnection connection, Imap4ConsumerState state,
            Imap4ConsumerCounters counters) {
        require(config.getOnSuccess() != Imap4OnSuccess.MOVE || notBlank(config.getMoveTo()), "onSuccess=MOVE needs moveTo");
        require(config.getOnSuccess() != Imap4OnSuccess.COPY || notBlank(config.getCopyTo()), "onSuccess=COPY needs copyTo");
        require(config.getOnFailure() != Imap4OnFailure.MOVE || notBlank(config.getErrorFolder()),
                "onFailure=MOVE needs errorFolder");
        require(config.getMaxFailedAttempts() >= 1, "maxFailedAttempts must be at least 1");
        this.config = config;
        this.connection = connection;
        this.state = state;
        this.counters = counters;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** Whether a plan cut short by a broken connection waits to be finished. */
    boolean hasPending() {
        return pending != null;
    }

    /** Warns once when the folder cannot keep the failure keyword, so FLAG could not park messages. */
    void checkFailureFlag(MailboxState mailbox) {
        String flag = config.getFailureFlag();
        if (config.getOnFailure() != Imap4OnFailure.FLAG || config.isReadOnly() || flagWarned || flag.startsWith("\\")
                || mailbox.permanentFlags().contains("\\*")
                || mailbox.permanentFlags().stream().anyMatch(flag::equalsIgnoreCase)) {
            return;
        }
        flagWarned = true;
        LOG.warn("Folder '{}' cannot store the keyword {} (PERMANENTFLAGS {}); failed messages are parked only"
                + " while the consumer runs", config.getFolder(), flag, mailbox.permanentFlags());
    }

    /** Records the outcomes in the state and carries out what they call for on the server. */
    void apply(List<Imap4Outcome> outcomes) {
        Imap4ActionPlan plan = pending;
        if (plan != null && plan.uidValidity != state.uidValidity()) {
            LOG.debug("Dropping unfinished actions for UIDVALIDITY {}; it is now {}", plan.uidValidity, state.uidValidity());
            plan = null;
        }
        if (plan == null) {
            plan = new Imap4ActionPlan(state.uidValidity());
        }
        for (Imap4Outcome o : outcomes) {
            if (o.uidValidity() != state.uidValidity()) {
                LOG.debug("Dropping the outcome of UID {}: UIDVALIDITY is now {}, not {}", o.uid(),
                        state.uidValidity(), o.uidValidity());
            } else if (o.success()) {
                state.finished(o.uid());
                planSuccess(o, plan);
            } else {
                planFailure(o, plan);
            }
        }
        pending = config.isReadOnly() ? null : plan;
        if (pending != null) {
            execute(plan);
            pending = null;
        }
    }

    // CamelImap4MoveTo replaces the action; CamelImap4CopyTo copies in addition to it (instead of
    // copyTo when the action is COPY); CamelImap4Delete true deletes, false keeps the message in
    // the folder (a DELETE or MOVE action becomes SEEN)
    private void planSuccess(Imap4Outcome o, Imap4ActionPlan plan) {
        Imap4OnSuccess action = config.getOnSuccess();
        String copy = o.copyTo() != null ? o.copyTo() : action == Imap4OnSuccess.COPY ? config.getCopyTo() : null;
        if (copy != null) {
            Imap4ActionPlan.add(plan.copies, copy, o.uid());
        }
        if (o.moveTo() != null) {
            Imap4ActionPlan.add(plan.moves, o.moveTo(), o.uid());
            return;
        }
        if (Boolean.TRUE.equals(o.delete())) {
            action = Imap4OnSuccess.DELETE;
        } else if (Boolean.FALSE.equals(o.delete()) && (action == Imap4OnSuccess.DELETE || action == Imap4OnSuccess.MOVE)) {
            action = Imap4OnSuccess.SEEN;
        }
        switch (action) {
            case SEEN -> plan.seen.add(o.uid());
            case DELETE -> plan.deleted.add(o.uid());
            case MOVE -> Imap4ActionPlan.add(plan.moves, config.getMoveTo(), o.uid());
            default -> {
                // COPY (done above) and NONE leave the original as it is
            }
        }
    }

    private void planFailure(Imap4Outcome o, Imap4ActionPlan plan) {
        long uid = o.uid();
        switch (config.getOnFailure()) {
            case FLAG -> {
                state.finished(uid);
                plan.flagged.add(uid);
            }
            case MOVE -> {
                int attempts = state.failedAttempt(uid);
                if (attempts >= config.getMaxFailedAttempts()) {
                    LOG.warn("Message UID {} failed {} times; moving it to '{}'", uid, attempts, config.getErrorFolder());
                    state.finished(uid);
                    Imap4ActionPlan.add(plan.moves, config.getErrorFolder(), uid);
                } else {
                    state.retry(uid);
                }
            }
            default -> state.retry(uid);
        }
    }

    /**
     * Parks a message that cannot be parsed, at once and as onFailure says: FLAG sets failureFlag,
     * MOVE moves it to errorFolder (neither needs the message parsed), NONE leaves it as it is.
     */
    void park(long uid) {
        if (config.isReadOnly() || config.getOnFailure() == Imap4OnFailure.NONE) {
            return;
        }
        Imap4ActionPlan plan = pending != null && pending.uidValidity == state.uidValidity() ? pending
                : new Imap4ActionPlan(state.uidValidity());
        if (config.getOnFailure() == Imap4OnFailure.FLAG) {
            plan.flagged.add(uid);
        } else {
            Imap4ActionPlan.add(plan.moves, config.getErrorFolder(), uid);
        }
        pending = plan;
        execute(plan);
        pending = null;
    }

    // a broken connection propagates from here and leaves the rest of the plan pending
    private void execute(Imap4ActionPlan plan) {
        Imap4ActionPlan.drain(plan.copies, this::copy);
        store(plan.seen, List.of("\\Seen"));
        plan.seen.clear();
        store(plan.flagged, List.of(config.getFailureFlag()));
        plan.flagged.clear();
        if (store(plan.deleted, List.of("\\Seen", "\\Deleted"))) {
            expunge(plan.deleted);
        }
        plan.deleted.clear();
        Imap4ActionPlan.drain(plan.moves, this::move);
    }

    private boolean store(List<Long> uids, List<String> flags) {
        if (uids.isEmpty()) {
            return false;
        }
        try {
            connection.client().uidStore(NumberSet.uids(uids), StoreMode.ADD, true, flags);
            return true;
        } catch (Imap4CommandException e) {
            failed("STORE " + flags + " on UIDs " + NumberSet.uids(uids), e);
            return false;
        }
    }

    private void copy(String named, List<Long> uids) {
        String folder = target(named, "COPY", uids);
        if (folder == null) {
            return;
        }
        try {
            withFolder(folder, () -> connection.client().uidCopy(NumberSet.uids(uids), folder));
        } catch (Imap4CommandException e) {
            failed("COPY of UIDs " + NumberSet.uids(uids) + " to '" + folder + "'", e);
        }
    }

    // UID MOVE when offered; otherwise the client's COPY and \Deleted, and an expunge as expungeMode says
    private void move(String named, List<Long> uids) {
        String folder = target(named, "MOVE", uids);
        if (folder == null) {
            return;
        }
        ImapClient client = connection.client();
        boolean[] expunged = new boolean[1];
        try {
            withFolder(folder, () -> expunged[0] = client.uidMove(NumberSet.uids(uids), folder, false).expunged());
        } catch (Imap4CommandException e) {
            failed("MOVE of UIDs " + NumberSet.uids(uids) + " to '" + folder + "'", e);
            return;
        }
        if (!expunged[0]) {
            expunge(uids);
        }
    }

    // a folder named by its RFC 6154 role (\Archive, \Junk...) is the server's folder with that role,
    // whatever its localised name; null, counted and logged, when no folder has it
    private String target(String folder, String action, List<Long> uids) {
        if (!folder.startsWith("\\")) {
            return folder;
        }
        try {
            return connection.client().specialUseFolder(folder);
        } catch (Imap4CommandException e) {
            failed(action + " of UIDs " + NumberSet.uids(uids) + " to the " + folder + " folder", e);
        } catch (Imap4Exception e) {
            if (e instanceof Imap4AbortException) {
                throw e;
            }
            String what = action + " of UIDs " + NumberSet.uids(uids) + " failed: " + e.getMessage();
            counters.postActionFailed(what);
            LOG.warn("Post-action {}; the message(s) stay as they are and are not delivered again while the consumer runs",
                    what);
        }
        return null;
    }

    // a COPY or MOVE answered NO [TRYCREATE] (RFC 3501 §6.4.7) is retried once after CREATE, when
    // the user opted in
    private void withFolder(String folder, Runnable command) {
        try {
            command.run();
        } catch (Imap4CommandException e) {
            if (!"TRYCREATE".equals(e.code()) || !config.isCreateMissingFolders()) {
                throw e;
            }
            LOG.info("Creating folder '{}'", folder);
            connection.client().create(folder);
            command.run();
        }
    }

    private void expunge(List<Long> uids) {
        switch (config.getExpungeMode()) {
            case IMMEDIATE -> uidExpunge(uids);
            case BATCH -> state.expungeLater(uids);
            default -> {
                // NONE: the messages stay flagged \Deleted
            }
        }
    }

    /** The BATCH expunge at the end of a poll: one UID EXPUNGE for everything deleted during it. */
    void expungePending() {
        if (!config.isReadOnly()) {
            uidExpunge(state.takePendingExpunge());
        }
    }

    // only UID EXPUNGE (RFC 4315): a plain EXPUNGE would also remove what other clients flagged
    private void uidExpunge(List<Long> uids) {
        if (uids.isEmpty()) {
            return;
        }
        if (!connection.has("UIDPLUS")) {
            if (!uidplusWarned) {
                uidplusWarned = true;
                LOG.warn("The server does not offer UIDPLUS, so deleted messages stay flagged \\Deleted"
                        + " until another client expunges them");
            }
            return;
        }
        try {
            connection.client().uidExpunge(NumberSet.uids(uids));
        } catch (Imap4CommandException e) {
            failed("UID EXPUNGE of UIDs " + NumberSet.uids(uids), e);
        }
    }

    // never silent: a warning, a count and the health check's reason
    private void failed(String action, Imap4CommandException e) {
        String hint = "TRYCREATE".equals(e.code()) && !config.isCreateMissingFolders()
                ? " (the folder does not exist; createMissingFolders=true creates it)" : "";
        String what = action + " failed: " + e.getMessage() + hint;
        counters.postActionFailed(what);
        LOG.warn("Post-action {}; the message(s) stay as they are and are not delivered again while the consumer runs",
                what);
    }
}
