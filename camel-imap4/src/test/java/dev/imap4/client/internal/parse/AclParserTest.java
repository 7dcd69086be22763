package dev.imap4.client.internal.parse;

import static dev.imap4.client.internal.parse.Wire.after;
import static dev.imap4.client.internal.parse.Wire.consumed;
import static dev.imap4.client.internal.parse.Wire.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imap4.client.types.Acl;
import dev.imap4.client.types.AclEntry;
import dev.imap4.client.types.ListRights;
import dev.imap4.client.types.MyRights;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class AclParserTest {

    @Test
    void aclWithEntries() {
        ImapInput in = after("* ACL INBOX Fred rwipsldexta \"Anne Smith\" lr", "ACL");
        assertEquals(new Acl("INBOX", List.of(new AclEntry("Fred", "rwipsldexta"), new AclEntry("Anne Smith", "lr"))),
                AclParser.parseAcl(in));
        consumed(in);
    }

    @Test
    void emptyAcl() {
        assertEquals(List.of(), AclParser.parseAcl(after("* ACL \"Entw&APw-rfe\"", "ACL")).entries());
        assertEquals("Entwürfe", AclParser.parseAcl(after("* ACL \"Entw&APw-rfe\"", "ACL")).mailbox());
    }

    @Test
    void listRights() {
        ImapInput in = after("* LISTRIGHTS ~/Mail/saved smith la r swicdkxte", "LISTRIGHTS");
        assertEquals(new ListRights("~/Mail/saved", "smith", "la", List.of("r", "swicdkxte")),
                AclParser.parseListRights(in));
        consumed(in);
    }

    @Test
    void listRightsWithEmptyRequired() {
        assertEquals("", AclParser.parseListRights(after("* LISTRIGHTS x anyone \"\" l r", "LISTRIGHTS")).required());
    }

    @Test
    void myRights() {
        ImapInput in = after("* MYRIGHTS INBOX rwiptsldaex", "MYRIGHTS");
        assertEquals(new MyRights("INBOX", "rwiptsldaex"), AclParser.parseMyRights(in));
        consumed(in);
    }

    @Test
    void identifierWithoutRightsNamesSp() {
        fails(after("* ACL INBOX Fred", "ACL"), AclParser::parseAcl, "SP");
    }

    @Test
    void missingRightsNamesRights() {
        fails(after("* MYRIGHTS INBOX ", "MYRIGHTS"), AclParser::parseMyRights, "rights");
    }
}
