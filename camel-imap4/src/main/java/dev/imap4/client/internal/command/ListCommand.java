package dev.imap4.client.internal.command;

import dev.imap4.client.ModifiedUtf7;
import dev.imap4.client.internal.parse.ListParser;
import dev.imap4.client.types.ListEntry;
import dev.imap4.client.internal.wire.CommandWriter;
import java.util.List;
import java.util.Map;

/**
 * LIST (RFC 3501 §6.3.8) and LSUB (§6.3.9): a reference and a pattern, both sent in modified
 * UTF-7; the result is every LIST (or LSUB) response, in order.
 */
public final class ListCommand extends DataCommand<List<ListEntry>> {

    private final String reference;
    private final String pattern;

    private ListCommand(String verb, String reference, String pattern) {
        super(verb, Map.of(verb, ListParser::parse));
        this.reference = ModifiedUtf7.encode(reference);
        this.pattern = ModifiedUtf7.encode(pattern);
    }

    /** LIST: {@code reference} usually {@code ""}, {@code pattern} with {@code *} and {@code %}. */
    public static ListCommand list(String reference, String pattern) {
        return new ListCommand("LIST", reference, pattern);
    }

    /** LSUB: the subscribed mailboxes matching {@code pattern}. */
    public static ListCommand lsub(String reference, String pattern) {
        return new ListCommand("LSUB", reference, pattern);
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
        return all(data, ListEntry.class);
    }
}
