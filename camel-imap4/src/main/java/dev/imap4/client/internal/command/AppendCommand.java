package dev.imap4.client.internal.command;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.ImapUtil;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.engine.Command;
import dev.imap4.client.types.AppendMessage;
import dev.imap4.client.types.AppendUid;
import dev.imap4.client.internal.wire.CommandWriter;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * APPEND (RFC 3501 §6.3.11) of a message streamed as a literal; non-synchronising under LITERAL+
 * (RFC 7888). Several messages in one command are RFC 3502 MULTIAPPEND, a message built from parts
 * is RFC 4469 CATENATE, and a binary message goes as an RFC 3516 literal8; the caller checks the
 * capabilities. Returns the APPENDUID code (RFC 4315) when the server sends one, otherwise null.
 */
public final class AppendCommand implements Command<AppendUid> {

    private final String encodedMailbox;
    private final List<AppendMessage> messages;

    public AppendCommand(String encodedMailbox, Collection<String> flags, ZonedDateTime internalDate, long size,
            Supplier<InputStream> content) {
        this(encodedMailbox, List.of(AppendMessage.of(flags == null ? List.of() : flags, internalDate, size, content)));
    }

    /** One APPEND of every message, in order: MULTIAPPEND when there are several. */
    public AppendCommand(String encodedMailbox, List<AppendMessage> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("APPEND needs at least one message");
        }
        this.encodedMailbox = encodedMailbox;
        this.messages = List.copyOf(messages);
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
        for (AppendMessage m : messages) {
            message(out, m);
        }
    }

    // RFC 3502 append-message / RFC 4469 append-data: [SP flag-list] [SP date-time] SP (literal / literal8 / CATENATE)
    private static void message(CommandWriter out, AppendMessage m) {
        if (!m.flags().isEmpty()) {
            out.openList();
            for (String f : m.flags()) {
                out.atom(f);
            }
            out.closeList();
        }
        if (m.internalDate() != null) {
            out.raw(ImapUtil.time2Internaldate(m.internalDate()));
        }
        if (!m.isCatenate()) {
            if (m.binary()) {
                out.literal8(m.size(), m.content());
            } else {
                out.literal(m.size(), m.content(), false);
            }
            return;
        }
        out.atom("CATENATE");
        out.openList();
        for (AppendMessage.Part p : m.parts()) {
            if (p instanceof AppendMessage.Url u) {
                out.atom("URL");
                out.astring(u.url());
            } else if (p instanceof AppendMessage.Text t) {
                out.atom("TEXT");
                byte[] bytes = t.bytes();
                if (hasNul(bytes)) {
                    out.literal8(bytes.length, () -> new ByteArrayInputStream(bytes));
                } else {
                    out.literal(bytes.length, () -> new ByteArrayInputStream(bytes), false);
                }
            }
        }
        out.closeList();
    }

    private static boolean hasNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public AppendUid complete(StatusResponse tagged) {
        Imap4CommandException.requireOk(verb(), tagged);
        return "APPENDUID".equals(tagged.code()) ? tagged.typedCode().appendUid() : null;
    }
}
