package dev.imap4.client.internal.command;

import dev.imap4.client.internal.parse.ListParser;
import dev.imap4.client.internal.wire.CommandWriter;
import dev.imap4.client.types.ListEntry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * XLIST, Gmail's legacy LIST with role attributes (from before RFC 6154 SPECIAL-USE): the same
 * arguments as LIST, answered by {@code * XLIST} responses of LIST's shape. The roles come back
 * under their RFC 6154 names ({@code \AllMail} as {@code \All}, {@code \Spam} as {@code \Junk},
 * {@code \Starred} as {@code \Flagged}; {@code \Sent}, {@code \Drafts}, {@code \Trash} as they are),
 * so {@link ListEntry#specialUse()} reads them; other attributes ({@code \Important}, ...) are kept
 * as sent. The folder marked {@code \Inbox}, which Gmail lists under a localised name such as
 * {@code Boîte de réception}, is named {@code INBOX}, the name that always selects it.
 */
public final class XlistCommand extends DataCommand<List<ListEntry>> {

    private static final Map<String, String> ROLES =
            Map.of("\\ALLMAIL", "\\All", "\\SPAM", "\\Junk", "\\STARRED", "\\Flagged");

    private final String reference;
    private final String pattern;

    /** XLIST {@code reference} {@code pattern}, names in UTF-8 ({@code utf8}, UTF8=ACCEPT enabled) or modified UTF-7. */
    public XlistCommand(String reference, String pattern, boolean utf8) {
        super("XLIST", Map.of("XLIST", ListParser::parse));
        this.reference = MailboxNames.wire(reference, utf8);
        this.pattern = MailboxNames.wire(pattern, utf8);
    }

    @Override
    public void arguments(CommandWriter out) {
        out.astring(reference);
        out.astring(pattern);
    }

    @Override
    List<ListEntry> result(List<Object> data) {
        return all(data, ListEntry.class).stream().map(XlistCommand::roles).toList();
    }

    private static ListEntry roles(ListEntry e) {
        Set<String> attributes = new LinkedHashSet<>();
        for (String a : e.attributes()) {
            attributes.add(ROLES.getOrDefault(a.toUpperCase(Locale.ROOT), a));
        }
        boolean inbox = e.hasAttribute("\\Inbox");
        return new ListEntry(attributes, e.delimiter(), inbox ? "INBOX" : e.name(), inbox ? "INBOX" : e.rawName(),
                e.extended());
    }
}
