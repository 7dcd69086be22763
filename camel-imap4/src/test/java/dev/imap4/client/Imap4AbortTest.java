package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.ScriptedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** imaplib's abort: BYE, broken connections, malformed data, timeouts and hostile sizes. */
@Timeout(30)
class Imap4AbortTest {

    @Test
    void byeInTheMiddleOfACommandAborts() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} LIST "" *
                S: * LIST () "/" INBOX
                S: * BYE Autologout; idle for too long
                !close
                """)) {
            Imap4 m = Scripted.connect(server);
            Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> m.list());
            assertTrue(e.getMessage().startsWith("server said BYE: Autologout; idle for too long"), e.getMessage());
            Imap4AbortException after = assertThrows(Imap4AbortException.class, () -> m.noop());
            assertEquals("connection is closed", after.getMessage());
            server.verify();
        }
    }

    @Test
    void connectionClosedInTheMiddleOfAResponseLineAborts() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.SELECTED + """
                C: {tag} FETCH 1 (FLAGS)
                R: * 1 FETCH (FLA
                !close
                """)) {
            Imap4 m = Scripted.selected(server);
            Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> m.fetch("1", "(FLAGS)"));
            assertTrue(e.getMessage().contains("closed in the middle of a line"), e.getMessage());
            server.verify();
        }
    }

    @Test
    void connectionClosedInsideALiteralAborts() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.SELECTED + """
                C: {tag} FETCH 1 (RFC822)
                S: * 1 FETCH (RFC822 {100}
                R: only a few bytes
                !close
                """)) {
            Imap4 m = Scripted.selected(server);
            Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> m.fetch("1", "(RFC822)"));
            assertTrue(e.getMessage().contains("still expected"), e.getMessage());
            server.verify();
        }
    }

    @Test
    void aTaggedResponseForAnotherTagIsAProtocolError() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} NOOP
                S: ZZZZ9 OK not yours
                """)) {
            Imap4 m = Scripted.connect(server);
            ImapProtocolException e = assertThrows(ImapProtocolException.class, () -> m.noop());
            String first = e.getMessage().lines().findFirst().orElseThrow();
            assertTrue(first.startsWith("in response-tagged: expected tag "), first);
            assertTrue(first.contains("got 'ZZZZ9 OK not yours'"), first);
            server.verify();
        }
    }

    @Test
    void controlBytesWhereAResponseShouldStartAreAProtocolErrorShowingTheBytes() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} NOOP
                R: <x01><x02>garbage<CRLF>
                """)) {
            Imap4 m = Scripted.connect(server);
            ImapProtocolException e = assertThrows(ImapProtocolException.class, () -> m.noop());
            String first = e.getMessage().lines().findFirst().orElseThrow();
            assertTrue(first.startsWith("in response: expected '*', '+' or the tag") && first.contains("got '\\x01\\x02garbage'"), first);
            server.verify();
        }
    }

    @Test
    void anUnclosedResponseCodeNamesItsGrammarRule() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} NOOP
                S: {tag} OK [UIDNEXT 5 no closing bracket
                """)) {
            Imap4 m = Scripted.connect(server);
            ImapProtocolException e = assertThrows(ImapProtocolException.class, () -> m.noop());
            String first = e.getMessage().lines().findFirst().orElseThrow();
            assertTrue(first.startsWith("in resp-text-code: expected ']' closing the response code"), first);
            assertTrue(first.contains("OK [UIDNEXT 5 no closing bracket"), first);
            server.verify();
        }
    }

    @Test
    void aContinuationRequestNobodyAskedForIsAProtocolError() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} NOOP
                S: + send me more
                """)) {
            Imap4 m = Scripted.connect(server);
            ImapProtocolException e = assertThrows(ImapProtocolException.class, () -> m.noop());
            assertTrue(e.getMessage().startsWith("in continue-req: NOOP expected no continuation request, got '+ send me more'"),
                    e.getMessage());
            server.verify();
        }
    }

    @Test
    void aStalledServerHitsTheReadTimeout() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + "C: {tag} NOOP\n")) {
            Imap4 m = Scripted.connect(server, Scripted.OPTIONS.withReadTimeout(Duration.ofMillis(300)));
            long t0 = System.nanoTime();
            Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> m.noop());
            assertTrue(e.getMessage().startsWith("read timed out after PT0.3S"), e.getMessage());
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "gave up on time");
            server.verify();
        }
    }

    @Test
    void aHugeDeclaredLiteralIsSpooledNotAllocatedAndCleanedUpOnEof(@TempDir Path spool) throws Exception {
        String chunk = "x".repeat(200_000);
        try (ScriptedServer server = ScriptedServer.start(Scripted.SELECTED + """
                C: {tag} FETCH 1 (RFC822)
                S: * 1 FETCH (RFC822 {2000000000}
                R: %s
                !stall 800
                !close
                """.formatted(chunk))) {
            Imap4 m = new Imap4("127.0.0.1", server.port(), Scripted.OPTIONS.withSpoolDirectory(spool));
            m.select();
            AtomicBoolean spooling = new AtomicBoolean();
            Thread watcher = new Thread(() -> {
                try {
                    while (!spooling.get()) {
                        spooling.set(count(spool) > 0);
                        Thread.sleep(5);
                    }
                } catch (InterruptedException done) {
                    // the fetch has ended
                }
            });
            watcher.start();
            Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> m.fetch("1", "(RFC822)"));
            watcher.interrupt();
            watcher.join();
            assertTrue(spooling.get(), "the literal was being spooled to a file");
            assertTrue(e.getMessage().contains("literal bytes still expected"), e.getMessage());
            assertEquals(0, count(spool), "the spool file is deleted after the abort");
            server.verify();
        }
    }

    private static long count(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void aLineLongerThanMaxLineLengthAbortsCleanly() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + "C: {tag} NOOP\nS: * OK " + "x".repeat(5000) + "\n")) {
            Imap4 m = Scripted.connect(server, Scripted.OPTIONS.withMaxLineLength(1000));
            ImapProtocolException e = assertThrows(ImapProtocolException.class, () -> m.noop());
            assertTrue(e.getMessage().startsWith("response line exceeds the limit of 1000 bytes (maxLineLength)"), e.getMessage());
            server.verify();
        }
    }

    @Test
    void theAbortCarriesTheLastExchangesWithThePasswordRedacted() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.GREETING + """
                C: {tag} LOGIN joe "s3cret-pw"
                S: {tag} OK LOGIN completed
                C: {tag} NOOP
                S: {tag} WHAT is this
                """)) {
            Imap4 m = Scripted.connect(server);
            m.login("joe", "s3cret-pw");
            ImapProtocolException e = assertThrows(ImapProtocolException.class, () -> m.noop());
            List<String> history = e.recentExchanges();
            assertTrue(history.stream().anyMatch(h -> h.matches("C: [A-P]{4}[0-9]+ LOGIN joe \"\\*\\*\\*\"")), history.toString());
            assertTrue(history.stream().anyMatch(h -> h.matches("S: [A-P]{4}[0-9]+ WHAT is this")), history.toString());
            assertTrue(e.getMessage().contains("last exchanges:"), e.getMessage());
            assertFalse(e.getMessage().contains("s3cret-pw"), e.getMessage());
            assertFalse(history.toString().contains("s3cret-pw"), history.toString());
            server.verify();
        }
    }
}
