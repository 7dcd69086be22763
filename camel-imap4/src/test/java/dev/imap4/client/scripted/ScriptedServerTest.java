package dev.imap4.client.scripted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The harness itself, driven by a bare socket: it must pass what matches and fail what does not. */
@Timeout(30)
class ScriptedServerTest {

    /** A minimal hand-driven client. */
    private static final class Peer implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final OutputStream out;

        Peer(ScriptedServer server) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
            socket.setSoTimeout(5000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out = socket.getOutputStream();
        }

        String line() throws IOException {
            return in.readLine();
        }

        void send(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** Closes the connection, as a client does at the end of a session. */
        void hangUp() throws IOException {
            socket.close();
        }

        @Override
        public void close() throws IOException {
            hangUp();
        }
    }

    @Test
    void matchingConversationPassesAndTagIsEchoed() throws Exception {
        try (ScriptedServer server = ScriptedServer.start("""
                # a comment
                S: * OK ready
                C: {tag} LOGIN joe "secret"
                S: {tag} OK done
                """); Peer c = new Peer(server)) {
            assertEquals("* OK ready", c.line());
            c.send("X7 LOGIN joe \"secret\"\r\n");
            assertEquals("X7 OK done", c.line());
            c.hangUp();
            server.verify();
            assertEquals(List.of("X7 LOGIN joe \"secret\"<CRLF>"), server.received());
        }
    }

    @Test
    void mismatchFailsWithExpectedReceivedAndCaret() throws Exception {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * OK ready
                C: {tag} LOGIN joe "secret"
                S: {tag} OK done
                """); Peer c = new Peer(server)) {
            c.line();
            c.send("A1 LOGIN joe secret\r\n");
            assertEquals(null, c.line(), "a failing transcript closes the connection");
            AssertionError e = assertThrows(AssertionError.class, server::verify);
            String m = e.getMessage();
            assertTrue(m.contains("transcript line 2: the client sent something else"), m);
            assertTrue(m.contains("expected: C: {tag} LOGIN joe \"secret\""), m);
            assertTrue(m.contains("received: C: A1 LOGIN joe secret"), m);
            assertTrue(m.contains("^ first difference"), m);
            assertTrue(m.contains("conversation so far:") && m.contains("S: * OK ready"), m);
        }
    }

    @Test
    void closeWithoutVerifyStillReportsARecordedMismatch() throws Exception {
        ScriptedServer server = ScriptedServer.start("S: * OK ready\nC: {tag} NOOP\nS: {tag} OK\n");
        try (Peer c = new Peer(server)) {
            c.line();
            c.send("A1 LOGOUT\r\n");
            assertEquals(null, c.line());
        }
        AssertionError e = assertThrows(AssertionError.class, server::close);
        assertTrue(e.getMessage().contains("the client sent something else"), e.getMessage());
    }

    @Test
    void bareLfIsNotALineEnd() throws Exception {
        try (ScriptedServer server = ScriptedServer.start("S: * OK ready\nC: {tag} NOOP\nS: {tag} OK\n");
                Peer c = new Peer(server)) {
            c.line();
            c.send("A1 NOOP\n");
            AssertionError e = assertThrows(AssertionError.class, server::verify);
            assertTrue(e.getMessage().contains("does not end with CRLF"), e.getMessage());
        }
    }

    @Test
    void extraDataAfterTheTranscriptFails() throws Exception {
        try (ScriptedServer server = ScriptedServer.start("S: * OK ready\n"); Peer c = new Peer(server)) {
            c.line();
            c.send("A1 NOOP\r\n");
            AssertionError e = assertThrows(AssertionError.class, server::verify);
            assertTrue(e.getMessage().contains("the client sent more than the transcript expects"), e.getMessage());
        }
    }

    @Test
    void clientThatNeverClosesTimesOut() throws Exception {
        try (ScriptedServer server = ScriptedServer.builder().timeout(Duration.ofMillis(300))
                .transcript("S: * OK ready\n").start(); Peer c = new Peer(server)) {
            c.line();
            AssertionError e = assertThrows(AssertionError.class, server::verify);
            assertTrue(e.getMessage().contains("did not close the connection"), e.getMessage());
        }
    }

    @Test
    void reusedTagFails() throws Exception {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * OK ready
                C: {tag} NOOP
                S: {tag} OK
                C: {tag} NOOP
                S: {tag} OK
                """); Peer c = new Peer(server)) {
            c.line();
            c.send("A1 NOOP\r\n");
            c.line();
            c.send("A1 NOOP\r\n");
            AssertionError e = assertThrows(AssertionError.class, server::verify);
            assertTrue(e.getMessage().contains("used tag A1 a second time"), e.getMessage());
        }
    }

    @Test
    void synchronizingLiteralWithContinuationAndServerLiteral() throws Exception {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * OK ready
                C: {tag} LOGIN {3}
                S: + go
                C: joe {6}
                S: + go
                C: secret
                S: * 1 FETCH (BODY[] {7}
                R: ab<CRLF>cd<NUL>
                S: )
                S: {tag} OK done
                """); Peer c = new Peer(server)) {
            c.line();
            c.send("T1 LOGIN {3}\r\n");
            assertEquals("+ go", c.line());
            c.send("joe {6}\r\n");
            assertEquals("+ go", c.line());
            c.send("secret\r\n");
            assertEquals("* 1 FETCH (BODY[] {7}", c.line());
            assertEquals("ab", c.line());
            assertEquals("cd\0)", c.line());
            assertEquals("T1 OK done", c.line());
            c.hangUp();
            server.verify();
        }
    }

    @Test
    void literalSentBeforeTheContinuationFails() throws Exception {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * OK ready
                C: {tag} LOGIN joe {6}
                S: + go
                C: secret
                S: {tag} OK done
                """); Peer c = new Peer(server)) {
            c.line();
            c.send("T1 LOGIN joe {6}\r\nsecret\r\n");
            AssertionError e = assertThrows(AssertionError.class, server::verify);
            assertTrue(e.getMessage().contains("literal data before the server's continuation"), e.getMessage());
        }
    }

    @Test
    void nonSynchronizingLiteralNeedsNoContinuation() throws Exception {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * OK [CAPABILITY IMAP4rev1 LITERAL+] ready
                C: {tag} LOGIN joe {6+}
                C: secret
                S: {tag} OK done
                """); Peer c = new Peer(server)) {
            c.line();
            c.send("T1 LOGIN joe {6+}\r\nsecret\r\n");
            assertEquals("T1 OK done", c.line());
            c.hangUp();
            server.verify();
        }
    }

    @Test
    void clientWaitingForAMissingContinuationTimesOutWithAHint() throws Exception {
        try (ScriptedServer server = ScriptedServer.builder().timeout(Duration.ofMillis(300)).transcript("""
                S: * OK ready
                C: {tag} LOGIN joe {6}
                C: secret
                """).start(); Peer c = new Peer(server)) {
            c.line();
            c.send("T1 LOGIN joe {6}\r\n");
            AssertionError e = assertThrows(AssertionError.class, server::verify);
            assertTrue(e.getMessage().contains("did the transcript forget 'S: + ...'"), e.getMessage());
        }
    }

    @Test
    void okAllAnswersEveryCommandAndRecordsLiterals() throws Exception {
        try (ScriptedServer server = ScriptedServer.start("S: * PREAUTH ready\n!ok-all\n"); Peer c = new Peer(server)) {
            c.line();
            c.send("A1 SELECT {5}\r\n");
            assertEquals("+ go ahead", c.line());
            c.send("a\r\nb2\r\n");
            assertEquals("A1 OK done", c.line());
            c.send("A2 NOOP\r\n");
            assertEquals("A2 OK done", c.line());
            c.hangUp();
            server.verify();
            assertEquals(List.of("A1 SELECT {5}a<CRLF>b2", "A2 NOOP"), server.commands());
        }
    }

    @Test
    void closeAndStallDirectives() throws Exception {
        try (ScriptedServer server = ScriptedServer.start("S: * OK ready\n!stall 200\nS: * BYE\n!close\n");
                Peer c = new Peer(server)) {
            long t0 = System.nanoTime();
            c.line();
            assertEquals("* BYE", c.line());
            assertTrue(System.nanoTime() - t0 >= 150_000_000L, "stalled");
            assertEquals(null, c.line());
            server.verify();
        }
    }

    @Test
    void tokensAndPlaceholders() {
        assertEquals("A1 x\r\n\0\u00ff ", new String(Transcript.bytes("{tag} x<CRLF><NUL><xff><SP>", "A1"),
                StandardCharsets.ISO_8859_1));
        assertTrue(Transcript.pattern("{tag} FETCH {*} (BODY[]<0>)").matcher("Q9 FETCH 1:* (BODY[]<0>)").matches());
        assertEquals("a<CRLF>b<LF><CR><NUL><x80>", Transcript.printable("a\r\nb\n\r\0\u0080".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void resourceTranscriptsAndBadLinesAreRejected() {
        assertTrue(Transcript.resource("transcripts/stream-preauth.txt").steps().size() > 2);
        assertThrows(IllegalArgumentException.class, () -> Transcript.parse("X: nonsense"));
        assertThrows(IllegalArgumentException.class, () -> Transcript.parse("!stall soon"));
        IllegalArgumentException miscounted = assertThrows(IllegalArgumentException.class,
                () -> Transcript.parse("S: * 1 FETCH (RFC822 {5}\nR: abc\nS: )\n"));
        assertEquals("transcript line 1 announces a literal of 5 bytes but line 2 holds 3", miscounted.getMessage());
        Transcript.parse("S: * 1 FETCH (RFC822 {5}\nR: abc\n!close\n");
    }
}
