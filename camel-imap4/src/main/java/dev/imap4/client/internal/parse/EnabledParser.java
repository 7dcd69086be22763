package dev.imap4.client.internal.parse;

import dev.imap4.client.internal.wire.ImapInput;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** RFC 5161 §4 ENABLED response data: the extensions the server enabled. */
public final class EnabledParser {

    private EnabledParser() {
    }

    /**
     * Reads {@code *(SP capability)} to the end of the line: {@code in} stands right after the word
     * ENABLED. Names are upper case, as capabilities compare case-insensitively.
     */
    public static Set<String> parse(ImapInput in) {
        Set<String> out = new LinkedHashSet<>();
        while (in.maybeSp() && !in.atLineEnd()) {
            out.add(Lex.upper(in.atom()));
        }
        return Collections.unmodifiableSet(out);
    }
}
