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
    /** Per message: sent in RFC 6855's {@code UTF8 (~{n})} form. */
    private final boolean[] utf8;
    /** Per CATENATE message (null for others and without UTF8=ACCEPT): its TEXT parts sent in that form. */
    private final boolean[][] utf8Parts;

    /**
     * One APPEND of every message, in order. With {@code utf8Accept} (RFC 6855 UTF8=ACCEPT enabled)
     * a message whose header holds 8-bit bytes goes in the {@code UTF8 (~{n})} form of RFC 6855 §4;
     * to find out, its content is read once more, up to the end of its header.
     */
    public AppendCommand(String encodedMailbox, List<AppendMessage> messages, boolean utf8Accept) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("APPEND needs at least one message");
        }
        this.encodedMailbox = encodedMailbox;
        this.messages = List.copyOf(messages);
        this.utf8 = new boolean[this.messages.size()];
        this.utf8Parts = new boolean[utf8.length][];
        for (int i = 0; utf8Accept && i < utf8.length; i++) {
            AppendMessage m = this.messages.get(i);
            if (m.isCatenate()) {
                utf8Parts[i] = utf8Parts(m.parts());
            } else {
                utf8[i] = MessageHeader.has8bit(m.content(), m.size());
            }
        }
    }

    /**
     * The TEXT parts of a CATENATE message that go in the {@code UTF8 (~{n})} form (RFC 6855 §4
     * {@code cat-part =/ utf8-literal}): those holding 8-bit bytes of the header, which starts in the
     * first part and runs to its empty line. A URL part before that line ends the search: the header
     * goes on in a message the server holds.
     */
    private static boolean[] utf8Parts(List<AppendMessage.Part> parts) {
        boolean[] out = new boolean[parts.size()];
        MessageHeader.Scan header = new MessageHeader.Scan();
        for (int i = 0; i < out.length && !header.ended() && parts.get(i) instanceof AppendMessage.Text t; i++) {
            out[i] = header.eightBit(t.bytes(), 0, t.bytes().length);
        }
        return out;
    }

    /**
     * APPEND in imaplib's raw form: no mailbox means INBOX; {@code flags} like {@code (\Seen)} or
     * {@code \Seen} (parentheses added), none when null or empty; the message sent as it is.
     */
    public static RawCommand raw(String mailbox, String flags, ZonedDateTime dateTime, long size,
            Supplier<InputStream> content) {
        return raw(mailbox, flags, dateTime, size, content, false);
    }

    /**
     * {@link #raw(String, String, ZonedDateTime, long, Supplier)}; with {@code utf8} (UTF8=ACCEPT
     * enabled) the message goes in the {@code UTF8 (~{n})} form, as imaplib 3.14 sends every message
     * once it has enabled UTF8=ACCEPT; without flags that form carries an empty flag list, which
     * Courier-IMAP needs before {@code UTF8} (imaplib sends none).
     */
    public static RawCommand raw(String mailbox, String flags, ZonedDateTime dateTime, long size,
            Supplier<InputStream> content, boolean utf8) {
        RawCommand cmd = new RawCommand("APPEND").arg(mailbox == null || mailbox.isEmpty() ? "INBOX" : mailbox);
        if (flags != null && !flags.isEmpty()) {
            cmd.list(flags);
        } else if (utf8) {
            cmd.list("()");
        }
        if (dateTime != null) {
            cmd.arg(ImapUtil.time2Internaldate(dateTime));
        }
        return utf8 ? cmd.utf8Literal(size, content) : cmd.literal(size, content);
    }

    @Override
    public String verb() {
        return "APPEND";
    }

    @Override
    public void arguments(CommandWriter out) {
        out.astring(encodedMailbox);
        for (int i = 0; i < messages.size(); i++) {
            message(out, messages.get(i), utf8[i], utf8Parts[i]);
        }
    }

    // RFC 3502 append-message / RFC 4469 append-data: [SP flag-list] [SP date-time] SP (literal / literal8 /
    // CATENATE / RFC 6855 "UTF8" SP "(" literal8 ")")
    private static void message(CommandWriter out, AppendMessage m, boolean utf8, boolean[] utf8Parts) {
        // Courier-IMAP 5.0 refuses "UTF8 (" unless a flag list comes before it; an empty one is
        // grammatical (RFC 3501 flag-list) and changes nothing for any server
        if (!m.flags().isEmpty() || utf8) {
            out.openList();
            for (String f : m.flags()) {
                out.atom(f);
            }
            out.closeList();
        }
        if (m.internalDate() != null) {
            out.raw(ImapUtil.time2Internaldate(m.internalDate()));
        }
        if (utf8) {
            utf8Literal(out, m.size(), m.content());
            return;
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
        List<AppendMessage.Part> parts = m.parts();
        for (int i = 0; i < parts.size(); i++) {
            AppendMessage.Part p = parts.get(i);
            if (p instanceof AppendMessage.Url u) {
                out.atom("URL");
                out.astring(u.url());
            } else if (p instanceof AppendMessage.Text t) {
                byte[] bytes = t.bytes();
                if (utf8Parts != null && utf8Parts[i]) {
                    utf8Literal(out, bytes.length, () -> new ByteArrayInputStream(bytes));
                    continue;
                }
                out.atom("TEXT");
                if (hasNul(bytes)) {
                    out.literal8(bytes.length, () -> new ByteArrayInputStream(bytes));
                } else {
                    out.literal(bytes.length, () -> new ByteArrayInputStream(bytes), false);
                }
            }
        }
        out.closeList();
    }

    // RFC 6855 utf8-literal: "UTF8" SP "(" literal8 ")"
    private static void utf8Literal(CommandWriter out, long size, Supplier<InputStream> content) {
        out.atom("UTF8");
        out.openList();
        out.literal8(size, content);
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
        boolean anyUtf8 = false;
        for (int i = 0; i < utf8.length; i++) {
            anyUtf8 |= utf8[i];
            for (int j = 0; utf8Parts[i] != null && j < utf8Parts[i].length; j++) {
                anyUtf8 |= utf8Parts[i][j];
            }
        }
        Imap4CommandException.requireOk(anyUtf8
                ? "APPEND in the UTF8 form of RFC 6855 (a message header holds 8-bit UTF-8)" : verb(), tagged);
        return "APPENDUID".equals(tagged.code()) ? tagged.typedCode().appendUid() : null;
    }
}
