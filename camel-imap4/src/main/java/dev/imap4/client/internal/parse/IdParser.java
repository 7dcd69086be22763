package dev.imap4.client.internal.parse;

import dev.imap4.client.internal.wire.ImapInput;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 2971 §3.3 ID response data: the server's identification fields. */
public final class IdParser {

    private IdParser() {
    }

    /**
     * Reads {@code SP id-params-list}, where {@code id-params-list = "(" #(string SP nstring) ")" / nil}:
     * {@code in} stands right after the word ID. NIL gives an empty map; a NIL value is {@code null}.
     * Field names are kept as sent, in the server's order.
     */
    public static Map<String, String> parse(ImapInput in) {
        in.sp();
        Map<String, String> out = new LinkedHashMap<>();
        if (in.maybeNil()) {
            return Collections.unmodifiableMap(out);
        }
        if (!in.peekIs('(')) {
            throw in.error("id-params-list", "'(' or NIL");
        }
        in.listStart("id-params-list");
        while (true) {
            in.maybeSp();
            if (in.listEnd()) {
                return Collections.unmodifiableMap(out);
            }
            String name = in.string("id-params-list");
            in.sp();
            out.put(name, in.nstring("id-params-list"));
        }
    }
}
