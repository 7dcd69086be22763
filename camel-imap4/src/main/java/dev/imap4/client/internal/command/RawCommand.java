package dev.imap4.client.internal.command;

import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.engine.Command;
import dev.imap4.client.ImapState;
import dev.imap4.client.internal.wire.CommandWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A command in imaplib's raw form: a verb and string arguments written by imaplib's quoting rules
 * ({@link ImapArgs}); every untagged response goes to the listeners, where the raw API collects it.
 * The result is the tagged response. The verbs that change the connection's state (LOGIN,
 * SELECT/EXAMINE, CLOSE, UNSELECT, LOGOUT) have a factory each that says how.
 */
public final class RawCommand implements Command<StatusResponse> {

    private final String verb;
    private final List<Consumer<CommandWriter>> args = new ArrayList<>();
    // the state after OK, NO and BAD; null leaves it as it is
    private ImapState ifOk;
    private ImapState ifNo;
    private ImapState ifBad;
    private String data;

    public RawCommand(String verb) {
        this.verb = verb;
    }

    private RawCommand states(ImapState ok, ImapState no, ImapState bad) {
        ifOk = ok;
        ifNo = no;
        ifBad = bad;
        return this;
    }

    /** LOGIN; the password always quoted (or a literal) and never traced. AUTH on OK. */
    public static RawCommand login(String user, String password) {
        return new RawCommand("LOGIN").arg(user).secret(password).states(ImapState.AUTH, null, null);
    }

    /**
     * SELECT, or EXAMINE when {@code readonly}: SELECTED on OK; on NO the previous mailbox is left
     * (RFC 3501 §6.3.1), so AUTH; BAD changes nothing, as in imaplib.
     */
    public static RawCommand select(String mailbox, boolean readonly) {
        return new RawCommand(readonly ? "EXAMINE" : "SELECT").arg(mailbox)
                .states(ImapState.SELECTED, ImapState.AUTH, null);
    }

    /** CLOSE: AUTH whatever the answer, as imaplib sets it. */
    public static RawCommand close() {
        return new RawCommand("CLOSE").states(ImapState.AUTH, ImapState.AUTH, ImapState.AUTH);
    }

    /** UNSELECT (RFC 3691): AUTH whatever the answer, like CLOSE. */
    public static RawCommand unselect() {
        return new RawCommand("UNSELECT").states(ImapState.AUTH, ImapState.AUTH, ImapState.AUTH);
    }

    /** LOGOUT: the LOGOUT state whatever the answer; the session is over. */
    public static RawCommand logout() {
        return new RawCommand("LOGOUT").states(ImapState.LOGOUT, ImapState.LOGOUT, ImapState.LOGOUT);
    }

    /**
     * Names the untagged response that carries this command's data (LIST, QUOTA, ENABLED...): the
     * raw API answers with what the store kept under that name.
     */
    public RawCommand answeredBy(String response) {
        data = response;
        return this;
    }

    /** The untagged response that carries this command's data, or null for a command with none. */
    public String data() {
        return data;
    }

    /**
     * A parenthesized list argument (flags, sort criteria): sent as it is when already in
     * parentheses, otherwise wrapped in them, so it is never quoted.
     */
    public RawCommand list(String value) {
        return arg(value.startsWith("(") && value.endsWith(")") ? value : "(" + value + ")");
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

    /** APPEND's message in RFC 6855's {@code UTF8 (~{n})} form. */
    public RawCommand utf8Literal(long size, java.util.function.Supplier<java.io.InputStream> content) {
        args.add(w -> w.atom("UTF8").openList().literal8(size, content).closeList());
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
    public ImapState stateAfter(StatusResponse tagged, ImapState current) {
        ImapState next = switch (tagged.status()) {
            case "OK" -> ifOk;
            case "NO" -> ifNo;
            default -> ifBad;
        };
        return next == null ? current : next;
    }

    @Override
    public StatusResponse complete(StatusResponse tagged) {
        return tagged;
    }
}
