package dev.imap4.client.internal.command;

import dev.imap4.client.internal.parse.ListParser;
import dev.imap4.client.internal.parse.MailboxStatusParser;
import dev.imap4.client.types.ListEntry;
import dev.imap4.client.types.ListOptions;
import dev.imap4.client.types.ListResult;
import dev.imap4.client.types.MailboxStatus;
import dev.imap4.client.internal.wire.CommandWriter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * LIST (RFC 3501 §6.3.8), LSUB (§6.3.9) and Gmail's XLIST: a reference and a pattern, both sent in
 * modified UTF-7 (UTF-8 under UTF8=ACCEPT); the result is every LIST (or LSUB, XLIST) response, in
 * order. {@link Extended} is RFC 5258's extended form, with selection and return options, several
 * patterns and RFC 5819 STATUS.
 */
public final class ListCommand extends DataCommand<List<ListEntry>> {

    /** XLIST's role attributes that RFC 6154 names otherwise. */
    private static final Map<String, String> XLIST_ROLES =
            Map.of("\\ALLMAIL", "\\All", "\\SPAM", "\\Junk", "\\STARRED", "\\Flagged");

    private final String reference;
    private final String pattern;

    private ListCommand(String verb, String reference, String pattern, boolean utf8) {
        super(verb, Map.of(verb, ListParser::parse));
        this.reference = MailboxNames.wire(reference, utf8);
        this.pattern = MailboxNames.wire(pattern, utf8);
    }

    /** LIST: {@code reference} usually {@code ""}, {@code pattern} with {@code *} and {@code %}. */
    public static ListCommand list(String reference, String pattern) {
        return list(reference, pattern, false);
    }

    /** LIST with names in UTF-8 ({@code utf8}, RFC 6855 UTF8=ACCEPT enabled) or modified UTF-7. */
    public static ListCommand list(String reference, String pattern, boolean utf8) {
        return new ListCommand("LIST", reference, pattern, utf8);
    }

    /** LSUB: the subscribed mailboxes matching {@code pattern}. */
    public static ListCommand lsub(String reference, String pattern) {
        return lsub(reference, pattern, false);
    }

    /** LSUB with names in UTF-8 ({@code utf8}) or modified UTF-7. */
    public static ListCommand lsub(String reference, String pattern, boolean utf8) {
        return new ListCommand("LSUB", reference, pattern, utf8);
    }

    /**
     * XLIST, Gmail's legacy LIST with role attributes (from before RFC 6154 SPECIAL-USE), answered by
     * {@code * XLIST} responses of LIST's shape. The roles come back under their RFC 6154 names
     * ({@code \AllMail} as {@code \All}, {@code \Spam} as {@code \Junk}, {@code \Starred} as
     * {@code \Flagged}; {@code \Sent}, {@code \Drafts}, {@code \Trash} as they are), so
     * {@link ListEntry#specialUse()} reads them; other attributes ({@code \Important}, ...) are kept
     * as sent. The folder marked {@code \Inbox}, which Gmail lists under a localised name such as
     * {@code Boîte de réception}, is named {@code INBOX}, the name that always selects it.
     */
    public static ListCommand xlist(String reference, String pattern, boolean utf8) {
        return new ListCommand("XLIST", reference, pattern, utf8);
    }

    /** LIST in imaplib's raw form: arguments as given, the LIST responses kept for the caller. */
    public static RawCommand rawList(String directory, String pattern) {
        return new RawCommand("LIST").args(directory, pattern).answeredBy("LIST");
    }

    /** LSUB in imaplib's raw form. */
    public static RawCommand rawLsub(String directory, String pattern) {
        return new RawCommand("LSUB").args(directory, pattern).answeredBy("LSUB");
    }

    @Override
    public void arguments(CommandWriter out) {
        out.astring(reference);
        out.astring(pattern);
    }

    @Override
    List<ListEntry> result(List<Object> data) {
        List<ListEntry> entries = all(data, ListEntry.class);
        return "XLIST".equals(verb()) ? entries.stream().map(ListCommand::xlistRoles).toList() : entries;
    }

    private static ListEntry xlistRoles(ListEntry e) {
        Set<String> attributes = new LinkedHashSet<>();
        for (String a : e.attributes()) {
            attributes.add(XLIST_ROLES.getOrDefault(a.toUpperCase(Locale.ROOT), a));
        }
        boolean inbox = e.hasAttribute("\\Inbox");
        return new ListEntry(attributes, e.delimiter(), inbox ? "INBOX" : e.name(), inbox ? "INBOX" : e.rawName(),
                e.extended());
    }

    /**
     * RFC 5258 extended LIST: {@code LIST [(selection)] reference (patterns) [RETURN (options)]};
     * claims the LIST responses and, under RFC 5819 LIST-STATUS, the STATUS responses.
     */
    public static Extended extended(String reference, List<String> patterns, ListOptions options, boolean utf8) {
        return new Extended(reference, patterns, options, utf8);
    }

    /** The extended LIST of RFC 5258, with RFC 5819 STATUS and RFC 6154 SPECIAL-USE options. */
    public static final class Extended extends DataCommand<ListResult> {

        private final String reference;
        private final List<String> patterns;
        private final ListOptions options;

        private Extended(String reference, List<String> patterns, ListOptions options, boolean utf8) {
            super("LIST", Map.of("LIST", ListParser::parse, "STATUS", MailboxStatusParser::parse));
            if (patterns.isEmpty()) {
                throw new IllegalArgumentException("LIST needs at least one pattern, e.g. *");
            }
            options.validate();
            this.reference = MailboxNames.wire(reference, utf8);
            this.patterns = patterns.stream().map(p -> MailboxNames.wire(p, utf8)).toList();
            this.options = options;
        }

        @Override
        public void arguments(CommandWriter out) {
            if (!options.selection().isEmpty()) {
                atoms(out, options.selectionWire());
            }
            out.astring(reference);
            if (patterns.size() == 1) {
                out.astring(patterns.get(0));
            } else {
                out.openList();
                patterns.forEach(out::astring);
                out.closeList();
            }
            if (!options.returns().isEmpty() || !options.status().isEmpty()) {
                out.atom("RETURN");
                out.openList();
                options.returnWire().forEach(out::atom);
                if (!options.status().isEmpty()) {
                    out.atom("STATUS");
                    atoms(out, options.status());
                }
                out.closeList();
            }
        }

        private static void atoms(CommandWriter out, List<String> atoms) {
            out.openList();
            atoms.forEach(out::atom);
            out.closeList();
        }

        @Override
        ListResult result(List<Object> data) {
            Map<String, MailboxStatus> statuses = new LinkedHashMap<>();
            for (MailboxStatus st : all(data, MailboxStatus.class)) {
                statuses.put(st.mailbox(), st);
            }
            return new ListResult(all(data, ListEntry.class), statuses);
        }
    }
}
