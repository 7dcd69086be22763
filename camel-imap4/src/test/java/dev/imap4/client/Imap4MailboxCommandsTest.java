package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.imap4.client.scripted.ScriptedServer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Mailbox-level commands of the raw API: what goes on the wire and imaplib's (type, data). */
@Timeout(30)
class Imap4MailboxCommandsTest {

    @Test
    void selectReturnsTheExistsCountAndKeepsTheOtherData() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} SELECT INBOX
                S: * 172 EXISTS
                S: * 1 RECENT
                S: * OK [UIDVALIDITY 3857529045] UIDs valid
                S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                S: {tag} OK [READ-WRITE] SELECT completed
                """)) {
            Imap4 m = Scripted.connect(server);
            ImapResult r = m.select();
            assertEquals(new ImapResult("OK", List.of(line("172"))), r);
            assertEquals("SELECTED", m.state());
            assertEquals(List.of("3857529045"), m.response("UIDVALIDITY").texts());
            assertEquals(List.of("(\\Answered \\Flagged \\Deleted \\Seen \\Draft)"), m.response("FLAGS").texts());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void writableSelectAnsweredReadOnlyRaises() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} SELECT Shared
                S: * 4 EXISTS
                S: {tag} OK [READ-ONLY] SELECT completed
                """)) {
            Imap4 m = Scripted.connect(server);
            Imap4ReadOnlyException e = assertThrows(Imap4ReadOnlyException.class, () -> m.select("Shared"));
            assertEquals("Shared is not writable", e.getMessage());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void untaggedReadOnlyMidSessionMakesTheNextCommandRaise() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.SELECTED + """
                C: {tag} NOOP
                S: * OK [READ-ONLY] another client took write access
                S: {tag} OK NOOP completed
                C: {tag} SELECT INBOX
                S: * 3 EXISTS
                S: {tag} OK [READ-WRITE] SELECT completed
                C: {tag} STORE 1 +FLAGS (\\Seen)
                S: {tag} OK STORE completed
                """)) {
            Imap4 m = Scripted.selected(server);
            assertEquals("OK", m.noop().type());
            Imap4ReadOnlyException e = assertThrows(Imap4ReadOnlyException.class, () -> m.store("1", "+FLAGS", "\\Seen"));
            assertEquals("mailbox status changed to READ-ONLY", e.getMessage());
            m.select();
            assertEquals("OK", m.store("1", "+FLAGS", "\\Seen").type(), "re-selecting regains write access");
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void examineIsReadOnlyWithoutComplaint() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} EXAMINE "Sent Items"
                S: * 17 EXISTS
                S: {tag} OK [READ-ONLY] EXAMINE completed
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(List.of("17"), m.select("Sent Items", true).texts());
            assertEquals("SELECTED", m.state());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void simpleMailboxCommandsReturnTheTaggedText() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} CREATE "Sent Items"
                S: {tag} OK CREATE completed
                C: {tag} DELETE Trash
                S: {tag} OK DELETE completed
                C: {tag} RENAME old new
                S: {tag} OK RENAME completed
                C: {tag} SUBSCRIBE new
                S: {tag} OK SUBSCRIBE completed
                C: {tag} UNSUBSCRIBE old
                S: {tag} OK UNSUBSCRIBE completed
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(new ImapResult("OK", List.of(line("CREATE completed"))), m.create("Sent Items"));
            assertEquals(List.of("DELETE completed"), m.delete("Trash").texts());
            assertEquals(List.of("RENAME completed"), m.rename("old", "new").texts());
            assertEquals(List.of("SUBSCRIBE completed"), m.subscribe("new").texts());
            assertEquals(List.of("UNSUBSCRIBE completed"), m.unsubscribe("old").texts());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void noIsReturnedAsTheType() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} CREATE INBOX
                S: {tag} NO [ALREADYEXISTS] Mailbox exists
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(new ImapResult("NO", List.of(line("[ALREADYEXISTS] Mailbox exists"))), m.create("INBOX"));
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void listAndLsubReturnOneItemPerResponse() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} LIST "" *
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * LIST (\\HasChildren) "/" "Sent Items"
                S: {tag} OK LIST completed
                C: {tag} LSUB Archive %
                S: * LSUB () "/" Archive/2024
                S: {tag} OK LSUB completed
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(List.of("(\\HasNoChildren) \"/\" INBOX", "(\\HasChildren) \"/\" \"Sent Items\""), m.list().texts());
            assertEquals(List.of("() \"/\" Archive/2024"), m.lsub("Archive", "%").texts());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void statusReturnsTheStatusData() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} STATUS INBOX (MESSAGES UNSEEN)
                S: * STATUS INBOX (MESSAGES 231 UNSEEN 3)
                S: {tag} OK STATUS completed
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(new ImapResult("OK", List.of(line("INBOX (MESSAGES 231 UNSEEN 3)"))),
                    m.status("INBOX", "(MESSAGES UNSEEN)"));
            m.shutdown();
            server.verify();
        }
    }

    private static final ZonedDateTime WHEN = ZonedDateTime.of(2024, 3, 5, 14, 7, 9, 0, ZoneOffset.ofHours(1));
    private static final byte[] MESSAGE = "Subject: hi\n\nbody\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void appendWaitsForTheContinuationAndSendsCrlfLines() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} APPEND INBOX (\\Seen) "05-Mar-2024 14:07:09 +0100" {21}
                S: + Ready for literal data
                C: Subject: hi<CRLF><CRLF>body<CRLF>
                S: {tag} OK [APPENDUID 38505 3955] APPEND completed
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(List.of("[APPENDUID 38505 3955] APPEND completed"), m.append("INBOX", "\\Seen", WHEN, MESSAGE).texts());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void appendWithLiteralPlusDoesNotWait() {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * PREAUTH [CAPABILITY IMAP4rev1 LITERAL+] ready
                C: {tag} APPEND Drafts {21+}
                C: Subject: hi<CRLF><CRLF>body<CRLF>
                S: {tag} OK APPEND completed
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals("OK", m.append("Drafts", null, null, MESSAGE).type());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void withLiteralMinusOnlySmallLiteralsSkipTheContinuation() {
        String big = "x".repeat(5000);
        try (ScriptedServer server = ScriptedServer.start("""
                S: * PREAUTH [CAPABILITY IMAP4rev1 LITERAL-] ready
                C: {tag} APPEND Drafts {21+}
                C: Subject: hi<CRLF><CRLF>body<CRLF>
                S: {tag} OK small done
                C: {tag} APPEND Drafts {5000}
                S: + go ahead
                C: %s
                S: {tag} OK big done
                """.formatted(big))) {
            Imap4 m = Scripted.connect(server);
            assertEquals(List.of("small done"), m.append("Drafts", null, null, MESSAGE).texts());
            assertEquals(List.of("big done"), m.append("Drafts", null, null, big.getBytes(StandardCharsets.US_ASCII)).texts());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void selectAnsweredNoLeavesTheStateAuth() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.SELECTED + """
                C: {tag} SELECT Missing
                S: {tag} NO [NONEXISTENT] no such mailbox
                """)) {
            Imap4 m = Scripted.selected(server);
            assertEquals(new ImapResult("NO", List.of(line("[NONEXISTENT] no such mailbox"))), m.select("Missing"));
            assertEquals("AUTH", m.state());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void appendRefusedBeforeTheLiteralSendsNoLiteral() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} APPEND INBOX {21}
                S: {tag} NO [TOOBIG] message too large
                C: {tag} NOOP
                S: {tag} OK NOOP completed
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(List.of("[TOOBIG] message too large"), m.append("INBOX", "", null, MESSAGE).texts());
            assertEquals("OK", m.noop().type(), "the next command follows without the literal");
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void checkCloseExpungeUnselect() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.SELECTED + """
                C: {tag} CHECK
                S: {tag} OK CHECK completed
                C: {tag} EXPUNGE
                S: * 3 EXPUNGE
                S: * 3 EXPUNGE
                S: * 5 EXPUNGE
                S: {tag} OK EXPUNGE completed
                C: {tag} CLOSE
                S: {tag} OK CLOSE completed
                C: {tag} SELECT INBOX
                S: {tag} OK SELECT completed
                C: {tag} UNSELECT
                S: {tag} OK UNSELECT completed
                """)) {
            Imap4 m = Scripted.selected(server);
            assertEquals(List.of("CHECK completed"), m.check().texts());
            assertEquals(new ImapResult("OK", List.of(line("3"), line("3"), line("5"))), m.expunge());
            assertEquals(List.of("CLOSE completed"), m.close().texts());
            assertEquals("AUTH", m.state());
            assertEquals(Arrays.asList((String) null), m.select().texts(), "no EXISTS: imaplib's [None]");
            assertEquals(List.of("UNSELECT completed"), m.unselect().texts());
            assertEquals("AUTH", m.state());
            m.shutdown();
            server.verify();
        }
    }

    static ImapData line(String text) {
        return new ImapData.Line(text.getBytes(StandardCharsets.UTF_8));
    }
}
