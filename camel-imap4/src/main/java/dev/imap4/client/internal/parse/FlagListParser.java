package dev.imap4.client.internal.parse;

import dev.imap4.client.internal.wire.ImapInput;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 3501 flag lists: {@code flag-list} (FLAGS), {@code flag-fetch} (FETCH FLAGS) and
 * {@code flag-perm} (PERMANENTFLAGS). Tolerates NIL for an empty list and quoted flags (several
 * servers), and keeps {@code \*} and keywords holding {@code ]} (GreenMail, Gmail) as sent.
 */
public final class FlagListParser {

    private FlagListParser() {
    }

    /** Reads {@code "(" [flag *(SP flag)] ")"} or NIL; {@code rule} names the list in errors. */
    public static List<String> parse(ImapInput in, String rule) {
        List<String> out = new ArrayList<>();
        if (in.maybeNil()) {
            return out;
        }
        if (!in.peekIs('(')) {
            throw in.error(rule, "'(' or NIL");
        }
        in.listStart(rule);
        while (true) {
            in.maybeSp();
            if (in.listEnd()) {
                return out;
            }
            out.add(in.peekIs('"') ? in.string() : in.flag());
        }
    }
}
