package dev.imap4.client.internal.command;

import static dev.imap4.client.internal.command.AclCommandTest.PREAUTH;
import static dev.imap4.client.internal.command.AclCommandTest.connect;
import static dev.imap4.client.internal.command.AclCommandTest.done;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imap4.client.ImapClient;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.ThreadNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** THREAD and UID THREAD (RFC 5256) through the typed API. */
@Timeout(30)
class ThreadCommandTest {

    @Test
    void uidThreadSplitsTheCriteriaAndReturnsTheForest() {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} SELECT INBOX
                S: {tag} OK [READ-WRITE] done
                C: {tag} UID THREAD REFERENCES UTF-8 FROM "Ann Lee"
                S: * THREAD (2)(3 6 (4 23)(44 7 96))
                S: {tag} OK threaded
                C: {tag} THREAD REFERENCES UTF-8 ALL
                S: {tag} OK nothing
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            List<ThreadNode> forest = c.extensions().uidThread("REFERENCES", "UTF-8", "FROM \"Ann Lee\"");
            assertEquals(2, forest.size());
            assertEquals(List.of(), c.extensions().thread(false, "REFERENCES", "UTF-8", List.of("ALL")));
            done(c, server);
        }
    }
}
