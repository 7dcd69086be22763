package dev.imap4.client.internal.command;

import static dev.imap4.client.internal.command.AclCommandTest.PREAUTH;
import static dev.imap4.client.internal.command.AclCommandTest.connect;
import static dev.imap4.client.internal.command.AclCommandTest.done;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.imap4.client.ImapClient;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.ListEntry;
import dev.imap4.client.types.MailboxStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** LIST, LSUB and STATUS through the typed API: names in modified UTF-7 both ways. */
@Timeout(30)
class ListCommandTest {

    @Test
    void listAndLsubEncodeThePatternAndDecodeTheNames() {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} LIST "" "&AMk-t&AOk-*"
                S: * LIST (\\HasNoChildren) "/" "&AMk-t&AOk-/Juin"
                S: * LIST () "/" "&AMk-t&AOk-"
                S: {tag} OK listed
                C: {tag} LSUB "" "*"
                S: * LSUB () "/" INBOX
                S: {tag} OK listed
                """)) {
            ImapClient c = connect(server);
            List<ListEntry> all = c.list("", "Été*");
            assertEquals(List.of("Été/Juin", "Été"), all.stream().map(ListEntry::name).toList());
            assertEquals(List.of("INBOX"), c.lsub("", "*").stream().map(ListEntry::name).toList());
            done(c, server);
        }
    }

    @Test
    void statusSendsItsItemsAndAnEmptyAnswerIsAnEmptyStatus() {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} STATUS INBOX (MESSAGES UIDNEXT)
                S: * STATUS INBOX (MESSAGES 3 UIDNEXT 44)
                S: {tag} OK done
                C: {tag} STATUS Quiet (UNSEEN)
                S: {tag} OK no data
                """)) {
            ImapClient c = connect(server);
            MailboxStatus st = c.status("INBOX", "MESSAGES", "UIDNEXT");
            assertEquals(Map.of("MESSAGES", 3L, "UIDNEXT", 44L), st.items());
            assertEquals(new MailboxStatus("Quiet", Map.of()), c.status("Quiet", "UNSEEN"));
            assertThrows(IllegalArgumentException.class, () -> c.status("INBOX"));
            done(c, server);
        }
    }
}
