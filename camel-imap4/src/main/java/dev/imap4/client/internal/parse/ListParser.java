package dev.imap4.client.internal.parse;

import dev.imap4.client.types.ListEntry;
import dev.imap4.client.internal.wire.ImapInput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** RFC 3501 §7.2.2 / RFC 5258 §9 {@code mailbox-list}: the data of LIST and LSUB responses. */
public final class ListParser {

    private ListParser() {
    }

    /**
     * Reads {@code SP "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
     * [SP mbox-list-extended]}: {@code in} stands right after the word LIST or LSUB.
     */
    public static ListEntry parse(ImapInput in) {
        in.sp();
        if (!in.peekIs('(')) {
            throw in.error("mbx-list-flags", "'('");
        }
        in.listStart("mbx-list-flags");
        Set<String> attributes = new LinkedHashSet<>();
        while (true) {
            in.maybeSp();
            if (in.listEnd()) {
                break;
            }
            attributes.add(in.flag());
        }
        in.sp();
        String delimiter = null;
        if (!in.maybeNil()) {
            if (!in.peekIs('"')) {
                throw in.error("mailbox-list", "the delimiter as a quoted character, or NIL");
            }
            delimiter = new String(in.quotedBytes(), StandardCharsets.UTF_8);
        }
        in.sp();
        String rawName = mailbox(in);
        Map<String, List<String>> extended = new LinkedHashMap<>();
        int p = in.position();
        if (in.maybeSp() && in.peekIs('(')) {
            extended(in, extended);
        } else {
            in.reset(p);
        }
        return new ListEntry(attributes, delimiter, Lex.name(in, rawName), rawName, extended);
    }

    // RFC 3501 mailbox. Exchange sends names holding control characters as bare atoms, which an
    // ASTRING-CHAR run would cut at the first CTL: an unquoted name runs to the next space instead
    private static String mailbox(ImapInput in) {
        if (in.peekIs('"') || in.literalAhead()) {
            return Lex.rawMailbox(in, "mailbox");
        }
        ByteArrayOutputStream name = new ByteArrayOutputStream();
        for (int c = in.peek(); c >= 0 && c != ' '; c = in.peek()) {
            name.write(c);
            in.skip();
        }
        if (name.size() == 0) {
            throw in.error("mailbox", "an atom, a quoted string or a literal");
        }
        String raw = name.toString(StandardCharsets.UTF_8);
        return raw.equalsIgnoreCase("INBOX") ? "INBOX" : raw;
    }

    // RFC 5258 mbox-list-extended = "(" [mbox-list-extended-item *(SP mbox-list-extended-item)] ")"
    private static void extended(ImapInput in, Map<String, List<String>> out) {
        in.listStart("mbox-list-extended");
        while (true) {
            in.maybeSp();
            if (in.listEnd()) {
                return;
            }
            String tag = Lex.upper(in.astring("mbox-list-extended-item-tag"));
            in.sp();
            List<String> values = new ArrayList<>();
            taggedExtVal(in, values);
            out.put(tag, values);
        }
    }

    // RFC 4466 tagged-ext-val, flattened into its strings
    private static void taggedExtVal(ImapInput in, List<String> out) {
        if (in.peekIs('(')) {
            in.listStart("tagged-ext-val");
            while (true) {
                in.maybeSp();
                if (in.listEnd()) {
                    return;
                }
                taggedExtVal(in, out);
            }
        }
        if (in.peekIs('"') || in.literalAhead()) {
            out.add(in.string("tagged-ext-val"));
        } else {
            out.add(Lex.bareToken(in, "tagged-ext-val"));
        }
    }
}
