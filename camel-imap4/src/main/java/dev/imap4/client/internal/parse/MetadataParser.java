package dev.imap4.client.internal.parse;

import dev.imap4.client.types.Metadata;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 5464 §4.4 METADATA response data. */
public final class MetadataParser {

    private MetadataParser() {
    }

    /**
     * Reads {@code SP mailbox SP (entry-values / entry-list)}: {@code in} stands right after the word
     * METADATA. {@code entry-values} ({@code "(" entry SP value *(SP entry SP value) ")"}) answers
     * GETMETADATA; an {@code entry-list} (names only) is an unsolicited change notice, read as
     * entries without values. A value is an nstring or an RFC 3516 literal8, held as UTF-8 text; a
     * value too large to hold in memory is refused (GETMETADATA's MAXSIZE keeps them small).
     */
    public static Metadata parse(ImapInput in) {
        in.sp();
        String mailbox = Lex.mailbox(in, "mailbox");
        in.sp();
        Map<String, String> entries = new LinkedHashMap<>();
        if (!in.peekIs('(')) {
            // entry-list: entry *(SP entry)
            entries.put(in.astring("entry"), null);
            while (in.maybeSp()) {
                entries.put(in.astring("entry"), null);
            }
            return new Metadata(mailbox, entries, null);
        }
        in.listStart("entry-values");
        while (true) {
            in.maybeSp();
            if (in.listEnd()) {
                return new Metadata(mailbox, entries, null);
            }
            String entry = in.astring("entry");
            in.sp();
            // RFC 5464 value = nstring / literal8
            in.maybe('~');
            entries.put(entry, in.nstring("value"));
        }
    }
}
