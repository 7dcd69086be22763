package dev.imap4.client.internal.command;

import dev.imap4.client.internal.parse.MailboxStatusParser;
import dev.imap4.client.types.MailboxStatus;
import dev.imap4.client.internal.wire.CommandWriter;
import java.util.List;
import java.util.Map;

/**
 * STATUS (RFC 3501 §6.3.10): a mailbox and the items asked for, e.g. MESSAGES, UIDNEXT, UNSEEN.
 * The result is the STATUS response; a server that sends none gives an empty status.
 */
public final class StatusCommand extends DataCommand<MailboxStatus> {

    private final String mailbox;
    private final String encoded;
    private final List<String> items;

    /**
     * @param mailbox the name as the caller knows it (for the empty result)
     * @param encoded the name as sent, in modified UTF-7
     */
    public StatusCommand(String mailbox, String encoded, List<String> items) {
        super("STATUS", Map.of("STATUS", MailboxStatusParser::parse));
        this.mailbox = mailbox;
        this.encoded = encoded;
        this.items = List.copyOf(items);
    }

    /** Refuses an empty item list before anything is sent: the server would answer BAD. */
    public static void requireItems(String... items) {
        if (items.length == 0) {
            throw new IllegalArgumentException("STATUS needs at least one item, e.g. MESSAGES");
        }
    }

    /** STATUS in imaplib's raw form: {@code names} like {@code (MESSAGES UNSEEN)}, sent as given. */
    public static RawCommand raw(String mailbox, String names) {
        return new RawCommand("STATUS").args(mailbox, names).answeredBy("STATUS");
    }

    @Override
    public void arguments(CommandWriter out) {
        out.astring(encoded);
        out.openList();
        for (String item : items) {
            out.atom(item);
        }
        out.closeList();
    }

    @Override
    MailboxStatus result(List<Object> data) {
        return first(data, MailboxStatus.class, new MailboxStatus(mailbox, Map.of()));
    }
}
