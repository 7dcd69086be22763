package dev.imap4.client;

import static dev.imap4.client.Imap4MailboxCommandsTest.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.ScriptedServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Session-level behaviour: LOGIN, LOGOUT, NO and BAD, states, tags, kept and unsolicited responses. */
@Timeout(30)
class Imap4SessionTest {

    @Test
    void loginQuotesThePasswordAndEntersAuth() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.GREETING + """
                C: {tag} LOGIN joe "secret"
                S: {tag} OK [CAPABILITY IMAP4rev1 IDLE] LOGIN completed
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(new ImapResult("OK", List.of(line("[CAPABILITY IMAP4rev1 IDLE] LOGIN completed"))),
                    m.login("joe", "secret"));
            assertEquals("AUTH", m.state());
            assertEquals(List.of("IMAP4REV1", "IDLE"), m.capabilities(), "capabilities from the tagged OK's code");
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void loginSendsNonAsciiUserAndPasswordAsLiterals() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.GREETING + """
                C: {tag} LOGIN {4}
                S: + go ahead
                C: jöe {5}
                S: + go ahead
                C: pä55
                S: {tag} OK LOGIN completed
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals("OK", m.login("jöe", "pä55").type());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void loginNoRaisesAndTheConnectionStaysUsable() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.GREETING + """
                C: {tag} LOGIN joe "wrong"
                S: {tag} NO [AUTHENTICATIONFAILED] Invalid credentials
                C: {tag} NOOP
                S: {tag} OK NOOP completed
                """)) {
            Imap4 m = Scripted.connect(server);
            Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.login("joe", "wrong"));
            assertFalse(e instanceof Imap4AbortException, e.toString());
            assertTrue(e.getMessage().contains("Invalid credentials"), e.getMessage());
            assertEquals("NONAUTH", m.state());
            assertEquals(List.of("NOOP completed"), m.noop().texts());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void badRaisesButTheConnectionStaysUsable() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} CREATE x
                S: {tag} BAD [CLIENTBUG] command unknown or arguments invalid
                C: {tag} NOOP
                S: {tag} OK NOOP completed
                """)) {
            Imap4 m = Scripted.connect(server);
            Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.create("x"));
            assertFalse(e instanceof Imap4AbortException, e.toString());
            assertEquals("CREATE command error: BAD [CLIENTBUG] command unknown or arguments invalid", e.getMessage());
            assertEquals("OK", m.noop().type());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void logoutReturnsTheByeAndClosesTheConnection() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} LOGOUT
                S: * BYE IMAP4rev1 Server logging out
                S: {tag} OK LOGOUT completed
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(new ImapResult("BYE", List.of(line("IMAP4rev1 Server logging out"))), m.logout());
            assertEquals("LOGOUT", m.state());
            assertTrue(m.socket().isClosed());
            server.verify();
        }
    }

    @Test
    void logoutReturnsTheByeWhenTheServerHangsUpWithoutATaggedOk() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} LOGOUT
                S: * BYE see you
                !close
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(new ImapResult("BYE", List.of(line("see you"))), m.logout());
            server.verify();
        }
    }

    @Test
    void capabilityAndNoop() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} CAPABILITY
                S: * CAPABILITY IMAP4rev1 UIDPLUS
                S: {tag} OK CAPABILITY completed
                C: {tag} NOOP
                S: {tag} OK NOOP completed
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(new ImapResult("OK", List.of(line("IMAP4rev1 UIDPLUS"))), m.capability());
            assertEquals(List.of("IMAP4REV1", "UIDPLUS"), m.capabilities());
            assertEquals(new ImapResult("OK", List.of(line("NOOP completed"))), m.noop());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void recentUsesKeptDataFirstThenAsksWithNoop() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} SELECT INBOX
                S: * 5 EXISTS
                S: * 2 RECENT
                S: {tag} OK SELECT completed
                C: {tag} NOOP
                S: * 3 RECENT
                S: {tag} OK NOOP completed
                C: {tag} NOOP
                S: {tag} OK NOOP completed
                """)) {
            Imap4 m = Scripted.connect(server);
            m.select();
            assertEquals(new ImapResult("OK", List.of(line("2"))), m.recent());
            assertEquals(1, server.received().size(), "the kept RECENT needed no command");
            assertEquals(List.of("3"), m.recent().texts());
            assertEquals(Arrays.asList((String) null), m.recent().texts());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void responsePopsTheKeptData() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} SELECT INBOX
                S: * 5 EXISTS
                S: * OK [UIDVALIDITY 42] UIDs valid
                S: {tag} OK SELECT completed
                """)) {
            Imap4 m = Scripted.connect(server);
            m.select();
            assertEquals(new ImapResult("UIDVALIDITY", List.of(line("42"))), m.response("uidvalidity"));
            assertEquals(new ImapResult("UIDVALIDITY", Arrays.asList((ImapData) null)), m.response("UIDVALIDITY"));
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void commandsInTheWrongStateAreRefusedBeforeSending() {
        try (ScriptedServer server = ScriptedServer.builder().transcript(Scripted.GREETING).transcript(Scripted.PREAUTH).start()) {
            Imap4 m = Scripted.connect(server);
            Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.select());
            assertEquals("command SELECT illegal in state NONAUTH, only allowed in states [AUTH, SELECTED]", e.getMessage());
            e = assertThrows(Imap4Exception.class, () -> m.fetch("1", "(FLAGS)"));
            assertTrue(e.getMessage().contains("FETCH illegal in state NONAUTH"), e.getMessage());
            m.shutdown();
            Imap4 p = Scripted.connect(server);
            e = assertThrows(Imap4Exception.class, () -> p.login("joe", "secret"));
            assertTrue(e.getMessage().contains("LOGIN illegal in state AUTH"), e.getMessage());
            e = assertThrows(Imap4Exception.class, () -> p.expunge());
            assertTrue(e.getMessage().contains("EXPUNGE illegal in state AUTH"), e.getMessage());
            p.shutdown();
            server.verify();
            assertEquals(List.of(), server.received(), "nothing was sent");
        }
    }

    @Test
    void tagsArePrefixPlusAnIncreasingCounter() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} NOOP
                S: {tag} OK
                C: {tag} NOOP
                S: {tag} OK
                C: {tag} NOOP
                S: {tag} OK
                """)) {
            Imap4 m = Scripted.connect(server);
            m.noop();
            m.noop();
            m.noop();
            m.shutdown();
            server.verify();
            Pattern tag = Pattern.compile("([A-P]{4})([0-9]+) NOOP<CRLF>");
            List<String> prefixes = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            for (String sent : server.received()) {
                Matcher t = tag.matcher(sent);
                assertTrue(t.matches(), "Int2AP prefix of 4096..65535 plus a number: " + sent);
                prefixes.add(t.group(1));
                numbers.add(Integer.parseInt(t.group(2)));
            }
            assertEquals(1, prefixes.stream().distinct().count(), prefixes.toString());
            assertEquals(List.of(numbers.get(0), numbers.get(0) + 1, numbers.get(0) + 2), numbers);
        }
    }

    @Test
    void unsolicitedResponsesReachTheListener() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.SELECTED + """
                C: {tag} NOOP
                S: * 4 EXISTS
                S: * 2 EXPUNGE
                S: * 1 FETCH (FLAGS (\\Seen))
                S: * OK [ALERT] System going down in 5 minutes
                S: {tag} OK NOOP completed
                """)) {
            Imap4 m = Scripted.selected(server);
            List<UntaggedResponse> seen = new ArrayList<>();
            m.addUnsolicitedListener(seen::add);
            m.noop();
            assertEquals(List.of("EXISTS", "EXPUNGE", "FETCH", "OK"), seen.stream().map(UntaggedResponse::name).toList());
            assertEquals(List.of(4L, 2L, 1L, -1L), seen.stream().map(UntaggedResponse::number).toList());
            assertEquals(List.of(line("1 (FLAGS (\\Seen))")), seen.get(2).data());
            assertEquals("ALERT", seen.get(3).status().code());
            assertEquals("System going down in 5 minutes", seen.get(3).status().text());
            m.shutdown();
            server.verify();
        }
    }
}
