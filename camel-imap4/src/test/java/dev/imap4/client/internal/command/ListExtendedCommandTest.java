package dev.imap4.client.internal.command;

import static dev.imap4.client.scripted.ScriptedClientTestSupport.connect;
import static dev.imap4.client.scripted.ScriptedClientTestSupport.done;
import static dev.imap4.client.scripted.ScriptedClientTestSupport.preauth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.ListEntry;
import dev.imap4.client.types.ListOptions;
import dev.imap4.client.types.ListResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * RFC 5258 LIST-EXTENDED, RFC 5819 LIST-STATUS and RFC 6154 SPECIAL-USE through the typed API:
 * what is sent, what is parsed, and what is refused before anything is sent.
 */
@Timeout(30)
class ListExtendedCommandTest {

    @Test
    void selectionPatternsReturnOptionsAndStatusGoInOneCommand() {
        try (ScriptedServer server = ScriptedServer.start(preauth("LIST-EXTENDED LIST-STATUS SPECIAL-USE") + """
                C: {tag} LIST (SUBSCRIBED RECURSIVEMATCH) "" (INBOX "&AMk-t&AOk-/*") RETURN (CHILDREN SPECIAL-USE STATUS (MESSAGES SIZE))
                S: * LIST (\\Subscribed \\HasNoChildren) "/" INBOX
                S: * STATUS INBOX (MESSAGES 3 SIZE 4096)
                S: * LIST (\\Subscribed \\Sent \\HasNoChildren) "/" "&AMk-t&AOk-/Envoy&AOk-s" ("CHILDINFO" ("SUBSCRIBED"))
                S: * STATUS "&AMk-t&AOk-/Envoy&AOk-s" (MESSAGES 0 SIZE 0)
                S: * LIST (\\NonExistent \\HasChildren) "/" "&AMk-t&AOk-"
                S: {tag} OK listed
                """)) {
            ImapClient c = connect(server);
            ListResult r = c.list("", List.of("INBOX", "Été/*"), ListOptions.none()
                    .select(ListOptions.Selection.RECURSIVEMATCH, ListOptions.Selection.SUBSCRIBED)
                    .returning(ListOptions.Return.SPECIAL_USE, ListOptions.Return.CHILDREN)
                    .withStatus("messages", "SIZE"));
            assertEquals(List.of("INBOX", "Été/Envoyés", "Été"), r.entries().stream().map(ListEntry::name).toList());
            assertEquals("\\Sent", r.entries().get(1).specialUse());
            assertEquals(Map.of("CHILDINFO", List.of("SUBSCRIBED")), r.entries().get(1).extended());
            assertEquals(4096L, r.status("INBOX").size());
            assertEquals(0L, r.status("Été/Envoyés").messages());
            assertEquals(null, r.status("Été"));
            done(c, server);
        }
    }

    @Test
    void optionsTheServerLacksAreRefusedBeforeAnythingIsSent() {
        try (ScriptedServer server = ScriptedServer.start(preauth("LIST-EXTENDED"))) {
            ImapClient c = connect(server);
            Imap4Exception status = assertThrows(Imap4Exception.class,
                    () -> c.list("", List.of("*"), ListOptions.none().withStatus("MESSAGES")));
            assertTrue(status.getMessage().contains("LIST-STATUS"), status.getMessage());
            Imap4Exception special = assertThrows(Imap4Exception.class,
                    () -> c.list("", List.of("*"), ListOptions.none().returning(ListOptions.Return.SPECIAL_USE)));
            assertTrue(special.getMessage().contains("SPECIAL-USE"), special.getMessage());
            assertThrows(IllegalArgumentException.class, () -> c.list("", List.of("*"),
                    ListOptions.none().select(ListOptions.Selection.RECURSIVEMATCH)));
            assertThrows(IllegalArgumentException.class, () -> c.list("", List.of(), ListOptions.none()));
            assertThrows(IllegalArgumentException.class, () -> ListOptions.none().withStatus("MESSAGES)\r\nA1 LOGOUT"));
            done(c, server);
        }
        try (ScriptedServer server = ScriptedServer.start(preauth(""))) {
            ImapClient c = connect(server);
            assertThrows(Imap4Exception.class, () -> c.list("", List.of("a", "b"), ListOptions.none()));
            done(c, server);
        }
    }

    @Test
    void aFolderIsFoundByItsRoleWhateverItsLocalisedNameAndTheAnswerIsKept() {
        // Exchange in German: the archive is "Archiv", the junk folder "Junk-E-Mail"
        try (ScriptedServer server = ScriptedServer.start(preauth("LIST-EXTENDED SPECIAL-USE") + """
                C: {tag} LIST (SPECIAL-USE) "" "*"
                S: * LIST (\\HasNoChildren \\Archive) "/" Archiv
                S: * LIST (\\HasNoChildren \\Junk) "/" Junk-E-Mail
                S: * LIST (\\Noselect \\Trash) "/" Papierkorb
                S: * LIST (\\HasNoChildren \\Sent) "/" "Gesendete Elemente"
                S: {tag} OK listed
                """)) {
            ImapClient c = connect(server);
            assertEquals("Archiv", c.specialUseFolder("\\Archive"));
            assertEquals("Junk-E-Mail", c.specialUseFolder("junk"));
            assertEquals("Gesendete Elemente", c.findSpecialUse("\\SENT").orElseThrow().name());
            assertEquals(Optional.empty(), c.findSpecialUse("\\Trash"), "a \\Noselect folder cannot take messages");
            Imap4Exception none = assertThrows(Imap4Exception.class, () -> c.specialUseFolder("\\Trash"));
            assertTrue(none.getMessage().contains("\\Trash") && none.getMessage().contains("\\Archive=Archiv"),
                    none.getMessage());
            assertThrows(IllegalArgumentException.class, () -> c.findSpecialUse("\\Arch ive"));
            done(c, server);
        }
    }

    @Test
    void withoutListExtendedTheRoleIsReadFromAPlainListAndCreateForgetsTheAnswer() {
        try (ScriptedServer server = ScriptedServer.start(preauth("SPECIAL-USE") + """
                C: {tag} LIST "" "*"
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * LIST (\\HasNoChildren \\Trash) "/" "[Gmail]/Corbeille"
                S: {tag} OK listed
                C: {tag} CREATE Old
                S: {tag} OK created
                C: {tag} LIST "" "*"
                S: * LIST (\\HasNoChildren \\Trash) "/" Old
                S: {tag} OK listed
                """)) {
            ImapClient c = connect(server);
            assertEquals("[Gmail]/Corbeille", c.specialUseFolder("\\Trash"));
            c.create("Old");
            assertEquals("Old", c.specialUseFolder("\\Trash"));
            done(c, server);
        }
    }

    @Test
    void createWithAUseAttributeNeedsCreateSpecialUse() {
        try (ScriptedServer server = ScriptedServer.start(preauth("CREATE-SPECIAL-USE") + """
                C: {tag} CREATE "Mes archives" (USE (\\Archive \\Flagged))
                S: {tag} OK created
                C: {tag} CREATE Junk2 (USE (\\Junk))
                S: {tag} NO [USEATTR] \\Junk is taken
                """)) {
            ImapClient c = connect(server);
            c.create("Mes archives", List.of("\\Archive", "Flagged"));
            Imap4CommandException taken = assertThrows(Imap4CommandException.class,
                    () -> c.create("Junk2", List.of("\\Junk")));
            assertEquals("USEATTR", taken.code());
            done(c, server);
        }
        try (ScriptedServer server = ScriptedServer.start(preauth(""))) {
            ImapClient c = connect(server);
            assertThrows(Imap4Exception.class, () -> c.create("Archives", List.of("\\Archive")));
            done(c, server);
        }
    }
}
