package dev.imap4.client.command;

import dev.imap4.client.StatusResponse;
import dev.imap4.client.engine.Command;
import dev.imap4.client.wire.CommandWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A command in imaplib's raw form: a verb and string arguments written by imaplib's quoting rules
 * ({@link ImapArgs}); every untagged response goes to the listeners, where the raw API collects it.
 * The result is the tagged response.
 */
public final class RawCommand implements Command<StatusResponse> {

    private final String verb;
    private final List<Consumer<CommandWriter>> args = new ArrayList<>();

    public RawCommand(String verb) {
        this.verb = verb;
    }

    /** An argument quoted as imaplib quotes it; {@code null} is skipped, as imaplib skips None. */
    public RawCommand arg(String value) {
        if (value != null) {
            args.add(w -> ImapArgs.write(w, value));
        }
        return this;
    }

    public RawCommand args(String... values) {
        for (String v : values) {
            arg(v);
        }
        return this;
    }

    /** An argument always sent as a quoted string or literal and redacted from traces (passwords). */
    public RawCommand secret(String value) {
        args.add(w -> w.secret(value));
        return this;
    }

    /** A literal argument (APPEND's message). */
    public RawCommand literal(long size, java.util.function.Supplier<java.io.InputStream> content) {
        args.add(w -> w.literal(size, content, false));
        return this;
    }

    @Override
    public String verb() {
        return verb;
    }

    @Override
    public void arguments(CommandWriter out) {
        for (Consumer<CommandWriter> a : args) {
            a.accept(out);
        }
    }

    @Override
    public StatusResponse complete(StatusResponse tagged) {
        return tagged;
    }
}
