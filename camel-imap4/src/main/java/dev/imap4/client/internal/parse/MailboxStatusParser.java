package dev.imap4.client.internal.parse;

import dev.imap4.client.types.MailboxStatus;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 3501 §7.2.4 STATUS response data: {@code mailbox SP "(" [status-att-list] ")"}. */
public final class MailboxStatusParser {

    private MailboxStatusParser() {
    }

    /** Reads {@code SP mailbox SP "(" [status-att-list] ")"}: {@code in} stands right after the word STATUS. */
    public static MailboxStatus parse(ImapInput in) {
        in.sp();
        String mailbox = Lex.mailbox(in, "mailbox");
        in.sp();
        if (!in.peekIs('(')) {
            throw in.error("status-att-list", "'('");
        }
        in.listStart("status-att-list");
        Map<String, Long> items = new LinkedHashMap<>();
        Map<String, String> other = new LinkedHashMap<>();
        while (true) {
            in.maybeSp();
            if (in.listEnd()) {
                break;
            }
            String name = Lex.upper(in.atom());
            in.sp();
            if (in.peekDigit()) {
                items.put(name, in.number());
            } else {
                other.put(name, Lex.rawValue(in, "status-att-val"));
            }
        }
        return new MailboxStatus(mailbox, items, other);
    }
}
