package dev.imap4.client.command;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.engine.Command;
import dev.imap4.client.engine.ImapState;
import dev.imap4.client.wire.CommandWriter;
import java.util.function.Consumer;

/**
 * A command with no data of its own, answered OK or not: CREATE, DELETE, RENAME, SUBSCRIBE,
 * UNSUBSCRIBE, CHECK, NOOP, CLOSE, UNSELECT, SETACL, DELETEACL, LOGIN... Untagged responses during it
 * go to the unsolicited listeners. NO and BAD raise {@link Imap4CommandException}.
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

    /** A command with arguments written by {@code args}. */
    public static SimpleCommand of(String verb, Consumer<CommandWriter> args) {
        return new SimpleCommand(verb, args, null);
    }

    /** A command that moves the connection to {@code state} when it succeeds (LOGIN, CLOSE, UNSELECT). */
    public SimpleCommand entering(ImapState state) {
        return new SimpleCommand(verb, args, state);
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
