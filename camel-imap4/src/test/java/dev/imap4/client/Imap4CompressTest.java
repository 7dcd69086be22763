package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.ScriptedClientTestSupport;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.scripted.TestTls;
import dev.imap4.client.types.MailboxState;
import dev.imap4.testing.TransportImap4;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 4978 COMPRESS=DEFLATE: the streams switch right after the tagged OK, NO and BAD leave the
 * connection uncompressed and usable, a second COMPRESS is refused before sending, and every limit,
 * timeout and error of the uncompressed protocol holds through the inflater (bombs, corrupt streams,
 * a server closing mid-stream, IDLE, read timeouts and command deadlines).
 */
@Timeout(30)
class Imap4CompressTest {

    private static final String PREAUTH = "S: * PREAUTH [CAPABILITY IMAP4rev1 IDLE COMPRESS=DEFLATE] ready\n";
    private static final String COMPRESSED = PREAUTH + """
            C: {tag} COMPRESS DEFLATE
            S: {tag} OK DEFLATE active
            !deflate
            """;

    @Test
    void bothDirectionsAreDeflatedAfterTheOk() {
        try (ScriptedServer server = ScriptedServer.start(COMPRESSED + """
                C: {tag} NOOP
                S: * 3 EXISTS
                S: {tag} OK NOOP done
                C: {tag} SELECT INBOX
                S: * 3 EXISTS
                S: {tag} OK [READ-WRITE] selected
                C: {tag} FETCH 1 (BODY.PEEK[])
                S: * 1 FETCH (BODY[] {13}
                R: Subject: hi<CRLF>
                S: )
                S: {tag} OK fetched
                C: {tag} APPEND INBOX {5}
                S: + go ahead
                C: hello
                S: {tag} OK [APPENDUID 7 9] appended
                C: {tag} LOGOUT
                S: * BYE bye
                S: {tag} OK LOGOUT done
                """)) {
            Imap4 m = Scripted.connect(server);
            ImapClient c = m.client();
            assertFalse(c.isCompressed());
            c.compress();
            assertTrue(c.isCompressed());
            c.noop();
            MailboxState box = c.select("INBOX");
            assertEquals(3, box.exists());
            ImapResult r = m.fetch("1", "(BODY.PEEK[])");
            assertEquals("OK", r.type());
            assertArrayEquals("Subject: hi\r\n".getBytes(StandardCharsets.US_ASCII),
                    ((ImapData.Pair) r.data().get(0)).literal().bytes());
            assertEquals("OK", m.append("INBOX", null, null, "hello".getBytes(StandardCharsets.US_ASCII)).type());
            c.logout();
            server.verify();
        }
    }

    @Test
    void namesStayUtf8WhenCompressionStartsAfterUtf8AcceptWasEnabled() {
        // a PREAUTH connection enables UTF8=ACCEPT first; COMPRESS then swaps the readers
        try (ScriptedServer server = ScriptedServer.start(
                ScriptedClientTestSupport.preauth("ENABLE UTF8=ACCEPT COMPRESS=DEFLATE") + """
                C: {tag} ENABLE UTF8=ACCEPT
                S: * ENABLED UTF8=ACCEPT
                S: {tag} OK enabled
                C: {tag} COMPRESS DEFLATE
                S: {tag} OK DEFLATE active
                !deflate
                C: {tag} STATUS R&-D (MESSAGES)
                S: * STATUS "R&-D" (MESSAGES 2)
                S: {tag} OK status
                C: {tag} CREATE "Größe"
                S: {tag} OK created
                """)) {
            ImapClient c = ScriptedClientTestSupport.connect(server);
            assertTrue(c.isUtf8Enabled());
            c.compress();
            // read as modified UTF-7, "&-" would be "&"
            assertEquals("R&-D", c.status("R&-D", "MESSAGES").mailbox());
            c.create("Größe");
            ScriptedClientTestSupport.done(c, server);
        }
    }

    @Test
    void bytesTheServerSentRightAfterItsOkAreInflatedNotParsed() throws Exception {
        // RFC 4978 §3: the server compresses from the byte after its OK; they can arrive in one read
        PipedInputStream fromServer = new PipedInputStream(1 << 16);
        PipedOutputStream server = new PipedOutputStream(fromServer);
        ByteArrayOutputStream toServer = new ByteArrayOutputStream();
        server.write(ascii("* PREAUTH [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE] ready\r\n"));
        Imap4 m = new TransportImap4(pipe(fromServer, toServer), Scripted.OPTIONS);
        String tag = m.tagPrefix() + (m.engine().commandCount() + 1);
        String next = m.tagPrefix() + (m.engine().commandCount() + 2);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(ascii(tag + " OK DEFLATE active\r\n"));
        all.write(deflate(deflater, "* 4 EXISTS\r\n" + next + " OK NOOP done\r\n"));
        server.write(all.toByteArray()); // the OK and the compressed answer in one piece
        m.client().compress();
        List<UntaggedResponse> seen = new java.util.ArrayList<>();
        m.addUnsolicitedListener(seen::add);
        m.client().noop();
        assertEquals(1, seen.size(), seen.toString());
        assertTrue(seen.get(0).is("EXISTS"));
        assertEquals(4, seen.get(0).number());
        m.shutdown();
    }

    @Test
    void noLeavesTheConnectionUncompressedAndUsable() {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} COMPRESS DEFLATE
                S: {tag} NO [COMPRESSIONACTIVE] TLS compression is on
                C: {tag} NOOP
                S: {tag} OK still plain
                """)) {
            Imap4 m = Scripted.connect(server);
            Imap4CommandException e = assertThrows(Imap4CommandException.class, () -> m.client().compress());
            assertEquals("COMPRESSIONACTIVE", e.code());
            assertFalse(m.client().isCompressed());
            m.client().noop();
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void badLeavesTheConnectionUncompressedAndUsable() {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} COMPRESS DEFLATE
                S: {tag} BAD unknown algorithm
                C: {tag} COMPRESS DEFLATE
                S: {tag} NO not now
                C: {tag} NOOP
                S: {tag} OK still plain
                """)) {
            Imap4 m = Scripted.connect(server);
            assertThrows(Imap4CommandException.class, () -> m.client().compress());
            assertEquals("NO", m.compress().type()); // imaplib style: NO is a result, not an error
            assertFalse(m.client().isCompressed());
            m.client().noop();
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void aSecondCompressIsRefusedBeforeSending() {
        try (ScriptedServer server = ScriptedServer.start(COMPRESSED + """
                C: {tag} NOOP
                S: {tag} OK still compressed
                """)) {
            Imap4 m = Scripted.connect(server);
            m.client().compress();
            Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.client().compress());
            assertTrue(e.getMessage().contains("already active"), e.getMessage());
            assertThrows(Imap4Exception.class, m::compress);
            assertThrows(Imap4Exception.class, () -> m.xatom("COMPRESS", "DEFLATE"));
            assertTrue(m.client().compressIfOffered());
            m.client().noop();
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void refusedBeforeSendingWhenTheServerDoesNotOfferIt() {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * PREAUTH [CAPABILITY IMAP4rev1] ready
                C: {tag} NOOP
                S: {tag} OK plain
                """)) {
            Imap4 m = Scripted.connect(server);
            assertThrows(Imap4Exception.class, () -> m.client().compress());
            assertThrows(Imap4Exception.class, m::compress);
            assertThrows(Imap4Exception.class, () -> m.client().raw("compress", List.of("DEFLATE")));
            assertFalse(m.client().compressIfOffered());
            m.client().noop();
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void rawXatomCompressSwitchesTheStreamsToo() {
        try (ScriptedServer server = ScriptedServer.start(COMPRESSED + """
                C: {tag} NOOP
                S: {tag} OK compressed
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals("OK", m.xatom("compress", "deflate").type());
            assertTrue(m.client().isCompressed());
            assertEquals("OK", m.noop().type());
            assertThrows(Imap4Exception.class, () -> m.xatom("COMPRESS", "LZMA"));
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void theOptionCompressesRightAfterLoginWhenOffered() {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * OK [CAPABILITY IMAP4rev1] ready
                C: {tag} LOGIN joe "secret"
                S: {tag} OK [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE] welcome
                C: {tag} COMPRESS DEFLATE
                S: {tag} OK DEFLATE active
                !deflate
                C: {tag} NOOP
                S: {tag} OK compressed
                """)) {
            ImapClient c = Scripted.connect(server, Scripted.OPTIONS.withCompression(true)).client();
            c.login("joe", "secret");
            assertTrue(c.isCompressed());
            c.noop();
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void theOptionCompressesAfterAPreauthGreetingBeforeEnablingUtf8() {
        try (ScriptedServer server = ScriptedServer.start(
                ScriptedClientTestSupport.preauth("ENABLE UTF8=ACCEPT COMPRESS=DEFLATE") + """
                C: {tag} COMPRESS DEFLATE
                S: {tag} OK DEFLATE active
                !deflate
                C: {tag} ENABLE UTF8=ACCEPT
                S: * ENABLED UTF8=ACCEPT
                S: {tag} OK enabled
                C: {tag} NOOP
                S: {tag} OK compressed
                """)) {
            ImapClient c = Scripted.connect(server, Scripted.OPTIONS.withCompression(true)).client();
            assertTrue(c.isCompressed());
            assertTrue(c.isUtf8Enabled());
            c.noop();
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void theOptionGoesOnUncompressedWhenRefusedOrNotOffered() {
        try (ScriptedServer server = ScriptedServer.builder().transcript("""
                S: * OK [CAPABILITY IMAP4rev1] ready
                C: {tag} LOGIN joe "secret"
                S: {tag} OK [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE] welcome
                C: {tag} COMPRESS DEFLATE
                S: {tag} NO [COMPRESSIONACTIVE] not twice
                C: {tag} NOOP
                S: {tag} OK plain
                """).transcript("""
                S: * OK [CAPABILITY IMAP4rev1] ready
                C: {tag} LOGIN joe "secret"
                S: {tag} OK [CAPABILITY IMAP4rev1] welcome
                C: {tag} NOOP
                S: {tag} OK plain
                """).start()) {
            for (int i = 0; i < 2; i++) {
                ImapClient c = Scripted.connect(server, Scripted.OPTIONS.withCompression(true)).client();
                c.login("joe", "secret");
                assertFalse(c.isCompressed());
                c.noop();
                c.shutdown();
            }
            server.verify();
        }
    }

    @Test
    void aDecompressionBombHitsTheLineLimit() {
        // 4 MiB of one line from about 4 KiB on the wire: the same limit error as uncompressed
        try (ScriptedServer server = ScriptedServer.start(COMPRESSED + """
                C: {tag} NOOP
                S: * OK <x20>
                !repeat 4194304 a
                """)) {
            Imap4 m = Scripted.connect(server, Scripted.OPTIONS.withMaxLineLength(64 * 1024));
            m.client().compress();
            ImapProtocolException e = assertThrows(ImapProtocolException.class, () -> m.client().noop());
            assertTrue(e.getMessage().contains("exceeds the limit of 65536 bytes (maxLineLength)"), e.getMessage());
            assertFalse(m.client().isConnected());
            server.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"maxLiteralSize, maxLiteralSize", "maxHeldBytes, maxHeldBytes"})
    void aDecompressionBombHitsTheLiteralLimits(String option, String expected) {
        // 2 MiB of literal from about 2 KiB on the wire: refused by the declared size or by the
        // connection's heap budget, as uncompressed
        try (ScriptedServer server = ScriptedServer.start(COMPRESSED + """
                C: {tag} SELECT INBOX
                S: * 1 EXISTS
                S: {tag} OK [READ-WRITE] selected
                C: {tag} FETCH 1 (BODY.PEEK[])
                S: * 1 FETCH (BODY[] {2097152}
                !repeat 2097152 a
                """)) {
            Imap4Options options = option.equals("maxLiteralSize")
                    ? Scripted.OPTIONS.withMaxLiteralSize(1 << 20) : Scripted.OPTIONS.withMaxHeldBytes(1 << 20);
            Imap4 m = Scripted.connect(server, options);
            m.client().compress();
            m.select("INBOX");
            Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> m.fetch("1", "(BODY.PEEK[])"));
            assertTrue(e.getMessage().contains(expected), e.getMessage());
            assertFalse(m.client().isConnected());
            server.close();
        }
    }

    @Test
    void aCorruptStreamIsAProtocolErrorThatAbortsTheConnection() {
        try (ScriptedServer server = ScriptedServer.start(COMPRESSED + """
                C: {tag} NOOP
                !wire <xFF><xFF><xFF><xFF><xFF><xFF>
                !stall 2000
                """)) {
            Imap4 m = Scripted.connect(server);
            m.client().compress();
            ImapProtocolException e = assertThrows(ImapProtocolException.class, () -> m.client().noop());
            assertTrue(e.getMessage().contains("not a valid DEFLATE stream"), e.getMessage());
            assertFalse(m.client().isConnected());
            server.close();
        }
    }

    @Test
    void aServerClosingMidStreamAbortsTheCommand() {
        try (ScriptedServer server = ScriptedServer.start(COMPRESSED + """
                C: {tag} NOOP
                R: * 1 EXI
                !close
                """)) {
            Imap4 m = Scripted.connect(server);
            m.client().compress();
            Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> m.client().noop());
            assertTrue(e.getMessage().contains("closed in the middle of a line"), e.getMessage());
            assertFalse(m.client().isConnected());
            server.verify();
        }
    }

    @Test
    void idleEndsOnAResponseAndOnStopIdleThroughTheInflater() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(COMPRESSED + """
                C: {tag} IDLE
                S: + idling
                S: * 5 EXISTS
                C: DONE
                S: {tag} OK IDLE done
                C: {tag} IDLE
                S: + idling
                C: DONE
                S: {tag} OK IDLE stopped
                C: {tag} NOOP
                S: {tag} OK compressed
                """)) {
            ImapClient c = Scripted.connect(server).client();
            c.compress();
            assertTrue(c.idle(Duration.ofSeconds(20), u -> u.is("EXISTS")));
            Thread stopper = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                c.stopIdle();
            });
            stopper.start();
            assertFalse(c.idle(Duration.ofSeconds(20), u -> false));
            stopper.join();
            c.noop();
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void theReadTimeoutHoldsThroughTheInflater() {
        try (ScriptedServer server = ScriptedServer.start(COMPRESSED + """
                C: {tag} NOOP
                !stall 3000
                """)) {
            Imap4 m = Scripted.connect(server, Scripted.OPTIONS.withReadTimeout(Duration.ofMillis(300)));
            m.client().compress();
            Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> m.client().noop());
            assertTrue(e.getMessage().contains("read timed out"), e.getMessage());
            server.close();
        }
    }

    @Test
    void theCommandDeadlineUnblocksAReadThroughTheInflater() {
        try (ScriptedServer server = ScriptedServer.start(COMPRESSED + """
                C: {tag} NOOP
                S: * OK still here
                !stall 5000
                """)) {
            Imap4 m = Scripted.connect(server, Scripted.OPTIONS.withCommandDeadline(Duration.ofMillis(500)));
            m.client().compress();
            long start = System.nanoTime();
            Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> m.client().noop());
            assertTrue(e.getMessage().contains("deadline"), e.getMessage());
            assertTrue(System.nanoTime() - start < 4_000_000_000L, "the deadline did not unblock the read");
            server.close();
        }
    }

    @Test
    void compressionRunsInsideTls() {
        try (ScriptedServer server = ScriptedServer.builder().implicitTls(TestTls.localhostServer()).transcript(COMPRESSED + """
                C: {tag} NOOP
                S: * 2 EXISTS
                S: {tag} OK compressed in TLS
                """).start()) {
            Imap4Ssl m = new Imap4Ssl("localhost", server.port(),
                    Scripted.OPTIONS.withSslContext(TestTls.clientTrustingLocalhost()));
            m.client().compress();
            assertNotNull(m.sslSession());
            m.client().noop();
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void theTraceShowsTheUncompressedProtocol() {
        java.io.PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (ScriptedServer server = ScriptedServer.start("""
                S: * OK [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE] ready
                C: {tag} LOGIN joe "pa55-word"
                S: {tag} OK [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE] welcome
                C: {tag} COMPRESS DEFLATE
                S: {tag} OK DEFLATE active
                !deflate
                C: {tag} NOOP
                S: * 6 EXISTS
                S: {tag} OK noop-after-compress
                """)) {
            System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                ImapClient c = Scripted.connect(server, Scripted.OPTIONS.withDebug(5).withCompression(true)).client();
                c.login("joe", "pa55-word");
                c.noop();
                c.shutdown();
            } finally {
                System.setErr(original);
            }
            server.verify();
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("NOOP"), log);
        assertTrue(log.contains("noop-after-compress"), log);
        assertTrue(log.contains("* 6 EXISTS"), log);
        assertFalse(log.contains("pa55-word"), log);
    }

    private static Transport pipe(InputStream in, OutputStream out) {
        return new Transport() {
            @Override
            public InputStream input() {
                return in;
            }

            @Override
            public OutputStream output() {
                return out;
            }

            @Override
            public Socket socket() {
                return null;
            }

            @Override
            public void close() {
            }
        };
    }

    private static byte[] deflate(Deflater d, String text) {
        d.setInput(ascii(text));
        byte[] buf = new byte[4096];
        int n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        return java.util.Arrays.copyOf(buf, n);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
