package dev.imap4.client.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapClient;
import dev.imap4.client.ImapExtensions;
import dev.imap4.client.scripted.ScriptedClientTestSupport;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.Acl;
import dev.imap4.client.types.ListRights;
import dev.imap4.client.types.MyRights;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ACL verbs (RFC 4314) through the typed API, one transcript each. */
@Timeout(30)
class AclCommandTest {

    static final Imap4Options OPTIONS = ScriptedClientTestSupport.OPTIONS;
    static final String PREAUTH = "S: * PREAUTH [CAPABILITY IMAP4rev1 ACL QUOTA THREAD=REFERENCES] ready\n";

    static ImapClient connect(ScriptedServer server) {
        return new Imap4("127.0.0.1", server.port(), OPTIONS).client();
    }

    static void done(ImapClient c, ScriptedServer server) {
        c.shutdown();
        server.verify();
    }

    @Test
    void getAclReadsEveryIdentifierAndEncodesTheMailbox() {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} GETACL &AMk-t&AOk-
                S: * ACL &AMk-t&AOk- anne lrswipkxtecda "bob smith" lr
                S: {tag} OK done
                C: {tag} GETACL Empty
                S: {tag} OK no data
                """)) {
            ImapClient c = connect(server);
            ImapExtensions x = c.extensions();
            Acl acl = x.getAcl("Été");
            assertEquals("Été", acl.mailbox());
            assertEquals(2, acl.entries().size());
            assertEquals(new Acl("Empty", List.of()), x.getAcl("Empty"));
            done(c, server);
        }
    }

    @Test
    void setAclAndDeleteAclSendTheirAstrings() {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} SETACL INBOX "bob smith" +lr
                S: {tag} OK set
                C: {tag} DELETEACL INBOX anne
                S: {tag} OK deleted
                """)) {
            ImapClient c = connect(server);
            c.extensions().setAcl("INBOX", "bob smith", "+lr");
            c.extensions().deleteAcl("INBOX", "anne");
            done(c, server);
        }
    }

    @Test
    void myRightsAndListRightsAreTyped() {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} MYRIGHTS INBOX
                S: * MYRIGHTS INBOX lrswi
                S: {tag} OK done
                C: {tag} LISTRIGHTS INBOX anne
                S: * LISTRIGHTS INBOX anne "" l r s w i
                S: {tag} OK done
                C: {tag} LISTRIGHTS INBOX bob
                S: {tag} OK no data
                """)) {
            ImapClient c = connect(server);
            assertEquals(new MyRights("INBOX", "lrswi"), c.extensions().myRights("INBOX"));
            assertEquals(new ListRights("INBOX", "anne", "", List.of("l", "r", "s", "w", "i")),
                    c.extensions().listRights("INBOX", "anne"));
            assertEquals(new ListRights("INBOX", "bob", "", List.of()), c.extensions().listRights("INBOX", "bob"));
            done(c, server);
        }
    }
}
