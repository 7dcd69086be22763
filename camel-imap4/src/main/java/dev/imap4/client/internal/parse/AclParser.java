package dev.imap4.client.internal.parse;

import dev.imap4.client.types.Acl;
import dev.imap4.client.types.AclEntry;
import dev.imap4.client.types.ListRights;
import dev.imap4.client.types.MyRights;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.ArrayList;
import java.util.List;

/** ACL, LISTRIGHTS and MYRIGHTS response data (RFC 4314 §3.6-3.8). */
public final class AclParser {

    private AclParser() {
    }

    /** Reads {@code SP mailbox *(SP identifier SP rights)}: {@code in} stands right after the word ACL. */
    public static Acl parseAcl(ImapInput in) {
        in.sp();
        String mailbox = Lex.mailbox(in, "mailbox");
        List<AclEntry> entries = new ArrayList<>();
        while (in.maybeSp() && !in.atLineEnd()) {
            String identifier = in.astring("identifier");
            in.sp();
            entries.add(new AclEntry(identifier, in.astring("rights")));
        }
        return new Acl(mailbox, entries);
    }

    /**
     * Reads {@code SP mailbox SP identifier SP rights *(SP rights)}: {@code in} stands right after the
     * word LISTRIGHTS.
     */
    public static ListRights parseListRights(ImapInput in) {
        in.sp();
        String mailbox = Lex.mailbox(in, "mailbox");
        in.sp();
        String identifier = in.astring("identifier");
        in.sp();
        String required = in.astring("rights");
        List<String> optional = new ArrayList<>();
        while (in.maybeSp() && !in.atLineEnd()) {
            optional.add(in.astring("rights"));
        }
        return new ListRights(mailbox, identifier, required, optional);
    }

    /** Reads {@code SP mailbox SP rights}: {@code in} stands right after the word MYRIGHTS. */
    public static MyRights parseMyRights(ImapInput in) {
        in.sp();
        String mailbox = Lex.mailbox(in, "mailbox");
        in.sp();
        return new MyRights(mailbox, in.astring("rights"));
    }
}
