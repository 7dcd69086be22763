package dev.imap4.client.internal.command;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.ImapUtil;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.engine.Command;
import dev.imap4.client.types.AppendUid;
import dev.imap4.client.internal.wire.CommandWriter;
import java.io.InputStream;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * APPEND (RFC 3501 §6.3.11) of a message streamed as a literal; non-synchronising under LITERAL+
 * (RFC 7888). Returns the APPENDUID code (RFC 4315) when the server sends one, otherwise null.
 */
public final class AppendCommand implements Command<AppendUid> {

    private final String encodedMailbox;
    private final List<String> flags;
    private final ZonedDateTime internalDate;
    private final long size;
    private final Supplier<InputStream> content;

    public AppendCommand(String encodedMailbox, Collection<String> flags, ZonedDateTime internalDate, long size,
            Supplier<InputStream> content) {
        this.encodedMailbox = encodedMailbox;
        this.flags = flags == null ? List.of() : List.copyOf(flags);
        this.internalDate = internalDate;
        this.size = size;
        this.content = content;
    }

    /**
     * APPEND in imaplib's raw form: no mailbox means INBOX; {@code flags} like {@code (\Seen)} or
     * {@code \Seen} (parentheses added), none when null or empty; the message sent as it is.
     */
    public static RawCommand raw(String mailbox, String flags, ZonedDateTime dateTime, long size,
            Supplier<InputStream> content) {
        RawCommand cmd = new RawCommand("APPEND").arg(mailbox == null || mailbox.isEmpty() ? "INBOX" : mailbox);
        if (flags != null && !flags.isEmpty()) {
            cmd.list(flags);
        }
        if (dateTime != null) {
            cmd.arg(ImapUtil.time2Internaldate(dateTime));
        }
        return cmd.literal(size, content);
    }

    @Override
    public String verb() {
        return "APPEND";
    }

    @Override
    public void arguments(CommandWriter out) {
        out.astring(encodedMailbox);
        if (!flags.isEmpty()) {
            out.openList();
            for (String f : flags) {
                out.atom(f);
            }
            out.closeList();
        }
        if (internalDate != null) {
            out.raw(ImapUtil.time2Internaldate(internalDate));
        }
        out.literal(size, content, false);
    }

    @Override
    public AppendUid complete(StatusResponse tagged) {
        Imap4CommandException.requireOk(verb(), tagged);
        return "APPENDUID".equals(tagged.code()) ? tagged.typedCode().appendUid() : null;
    }
}
