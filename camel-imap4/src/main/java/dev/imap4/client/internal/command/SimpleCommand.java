package dev.imap4.client.internal.command;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.engine.Command;
import dev.imap4.client.ImapState;
import dev.imap4.client.internal.wire.CommandWriter;
import java.util.function.Consumer;

/**
 * A command with no data of its own, answered OK or not: CREATE, DELETE, RENAME, SUBSCRIBE,
 * UNSUBSCRIBE, CHECK, NOOP, CAPABILITY, and the verbs that only change the state (LOGIN, LOGOUT,
 * CLOSE, UNSELECT), which have a factory each. Untagged responses during it go to the unsolicited
 * listeners. NO and BAD raise {@link Imap4CommandException}.
 */
public final class SimpleCommand implements Command<StatusResponse> {

    private final String verb;
    private final Consumer<CommandWriter> args;
    private final ImapState onSuccess;

    private SimpleCommand(String verb, Consumer<CommandWriter> args, ImapState onSuccess) {
        this.verb = verb;
        this.args = args;
        this.onSuccess = onSuccess;
    }

    /** A command whose arguments are all astrings (mailbox names already encoded). */
    public static SimpleCommand of(String verb, String... astrings) {
        return new SimpleCommand(verb, w -> {
            for (String a : astrings) {
                w.astring(a);
            }
        }, null);
    }

    /** CREATE with RFC 6154 §3 USE: {@code CREATE name (USE (\Archive))}; each role an atom with its backslash. */
    public static SimpleCommand createSpecialUse(String encodedMailbox, java.util.List<String> roles) {
        return new SimpleCommand("CREATE", w -> {
            w.astring(encodedMailbox);
            w.openList();
            w.atom("USE");
            w.openList();
            roles.forEach(w::atom);
            w.closeList();
            w.closeList();
        }, null);
    }

    /** LOGIN (RFC 3501 §6.2.3): the password always quoted or a literal, never traced; AUTH on OK. */
    public static SimpleCommand login(String user, String password) {
        return new SimpleCommand("LOGIN", w -> {
            w.astring(user);
            w.secret(password);
        }, ImapState.AUTH);
    }

    /** LOGOUT (RFC 3501 §6.1.3): the LOGOUT state on OK (the caller closes the connection in any case). */
    public static SimpleCommand logout() {
        return new SimpleCommand("LOGOUT", w -> { }, ImapState.LOGOUT);
    }

    /** CLOSE (RFC 3501 §6.4.2): expunges a writable mailbox and leaves it; AUTH on OK. */
    public static SimpleCommand close() {
        return new SimpleCommand("CLOSE", w -> { }, ImapState.AUTH);
    }

    /** UNAUTHENTICATE (RFC 8437): back to the not-authenticated state on OK, the connection kept. */
    public static SimpleCommand unauthenticate() {
        return new SimpleCommand("UNAUTHENTICATE", w -> { }, ImapState.NONAUTH);
    }

    /** UNSELECT (RFC 3691): leaves the mailbox without expunging; AUTH on OK. */
    public static SimpleCommand unselect() {
        return new SimpleCommand("UNSELECT", w -> { }, ImapState.AUTH);
    }

    @Override
    public String verb() {
        return verb;
    }

    @Override
    public void arguments(CommandWriter out) {
        args.accept(out);
    }

    @Override
    public ImapState stateAfter(StatusResponse tagged, ImapState current) {
        return tagged.isOk() && onSuccess != null ? onSuccess : current;
    }

    @Override
    public StatusResponse complete(StatusResponse tagged) {
        return Imap4CommandException.requireOk(verb, tagged);
    }
}
