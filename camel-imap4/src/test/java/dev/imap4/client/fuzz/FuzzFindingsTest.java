package dev.imap4.client.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapClient;
import dev.imap4.client.ImapData;
import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.types.StoreMode;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.StoreResult;
import dev.imap4.client.types.MailboxState;
import dev.imap4.testing.TransportImap4;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the fuzzers found, one test per bug, each with the smallest server bytes that showed it.
 * The raw findings stay under {@code ResponseFuzzTestInputs/<method>/} as Jazzer regression seeds.
 */
class FuzzFindingsTest {

    private static final String PREAUTH = "* PREAUTH [CAPABILITY IMAP4rev1 UIDPLUS] ready\r\n";

    private static final String SPOOLED_FETCH = "* 1 FETCH (BODY[] {300}\r\n" + "x".repeat(300) + ")\r\n";

    private static ImapClient client(String server) {
        return connect(server, FuzzedSession.LIMITS).client();
    }

    private static TransportImap4 connect(String server, Imap4Options options) {
        FuzzedServerTransport t = new FuzzedServerTransport(server.getBytes(StandardCharsets.ISO_8859_1));
        return new TransportImap4(t, options);
    }

    private static long files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    /** A numbered OK ("* 0 OK [READ-WRITE]") has no parsed status: SELECT read it as one (NullPointerException). */
    @Test
    void aNumberedOkDuringSelectIsLeftToTheListeners() {
        ImapClient c = client(PREAUTH + "* 2 EXISTS\r\n* 0 OK [READ-WRITE] odd\r\n{tag} OK [READ-WRITE] done\r\n");
        MailboxState st = c.select("INBOX");
        assertEquals(2, st.exists());
        assertTrue(c.isConnected());
    }

    /** A protocol error in a tagged OK's data (APPENDUID) was thrown with the connection left open. */
    @Test
    void malformedAppendUidDataClosesTheConnection() {
        ImapClient c = client(PREAUTH + "+ go ahead\r\n{tag} OK [APPENDUID 1714000000 [] appended\r\n");
        ImapProtocolException e = assertThrows(ImapProtocolException.class,
                () -> c.append("INBOX", List.of(), null, "Subject: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.getMessage().contains("in uid-set:"), e.getMessage());
        assertFalse(c.isConnected());
    }

    /** MODIFIED data that is no sequence set escaped as an IllegalArgumentException. */
    @Test
    void malformedModifiedDataIsAProtocolError() {
        ImapClient c = client(PREAUTH + "{tag} OK [READ-WRITE] selected\r\n{tag} OK [MODIFIED 7:x] stored\r\n");
        c.select("INBOX");
        ImapProtocolException e = assertThrows(ImapProtocolException.class,
                () -> c.uidStore(NumberSet.uids(7), StoreMode.ADD, true, List.of("\\Seen")));
        assertTrue(e.getMessage().contains("in resp-text-code:"), e.getMessage());
        assertFalse(c.isConnected());
    }

    /**
     * Untagged data kept for {@code response()} while the connection was being set up was never
     * released when the setup failed: a spooled literal in it stayed on disk, unreachable.
     */
    @Test
    void aFailedConnectDeletesTheLiteralsItKept(@TempDir Path spool) throws IOException {
        Imap4Options options = FuzzedSession.LIMITS.withSpoolDirectory(spool);
        String server = "* OK no capabilities here\r\n" + SPOOLED_FETCH;
        assertThrows(Imap4AbortException.class, () -> connect(server, options));
        assertEquals(0, files(spool));
    }

    /** The oldest kept response is dropped once a name holds 10,000 items; its spool file must go with it. */
    @Test
    void droppingTheOldestKeptResponseDeletesItsLiteral(@TempDir Path spool) throws IOException {
        // the literal's response is kept as two items, (header, literal) and ")"; 9,999 more push it out
        String server = PREAUTH + SPOOLED_FETCH + "* 1 FETCH (FLAGS ())\r\n".repeat(9_999) + "{tag} OK done\r\n";
        TransportImap4 imap = connect(server, FuzzedSession.LIMITS.withSpoolDirectory(spool));
        imap.noop();
        List<ImapData> kept = imap.response("FETCH").data();
        assertEquals(10_000, kept.size());
        assertTrue(kept.stream().noneMatch(d -> d instanceof ImapData.Pair), "the literal's item was dropped");
        assertEquals(0, files(spool));
        imap.shutdown();
    }

    /** Body data in a FETCH answering a STORE went into the result, spooled, and nobody deleted it. */
    @Test
    void bodyDataInAStoreAnswerLeavesNoSpoolFile(@TempDir Path spool) throws IOException {
        ImapClient c = connect(PREAUTH + "{tag} OK [READ-WRITE] selected\r\n" + SPOOLED_FETCH.replace("BODY[]",
                "UID 7 FLAGS (\\Seen) BODY[]") + "{tag} OK stored\r\n", FuzzedSession.LIMITS.withSpoolDirectory(spool))
                .client();
        c.select("INBOX");
        StoreResult r = c.uidStore(NumberSet.uids(7), StoreMode.ADD, false, List.of("\\Seen"));
        assertEquals(List.of("\\Seen"), r.updates().get(0).flags());
        assertEquals(0, files(spool));
    }

    /**
     * Kept data the raw API drops by imaplib's rules (OK, NO and BAD before each command, everything on
     * SELECT) was dropped with its spooled literals still on disk. A numbered OK is kept raw, literal
     * included.
     */
    @Test
    void keptDataDroppedByTheRawApiDeletesItsLiterals(@TempDir Path spool) throws IOException {
        String server = PREAUTH + SPOOLED_FETCH.replace("* 1 FETCH (BODY[]", "* 3 OK x") + "{tag} OK noop\r\n"
                + "{tag} OK noop\r\n" + SPOOLED_FETCH + "{tag} OK noop\r\n" + "{tag} OK selected\r\n";
        TransportImap4 imap = connect(server, FuzzedSession.LIMITS.withSpoolDirectory(spool));
        imap.noop();
        assertEquals(1, files(spool), "the numbered OK is kept with its literal");
        imap.noop();
        assertEquals(0, files(spool), "dropped before the next command, and deleted");
        imap.noop();
        assertEquals(1, files(spool), "an unread FETCH is kept with its literal");
        imap.select("INBOX");
        assertEquals(0, files(spool), "dropped by SELECT, and deleted");
        imap.shutdown();
    }

    /** Kept responses were capped per name, but the server picks the names: they are capped too. */
    @Test
    void theNumberOfKeptNamesIsCapped() {
        StringBuilder server = new StringBuilder(PREAUTH);
        for (int i = 0; i < 1_500; i++) {
            server.append("* X").append(i).append(" data\r\n");
        }
        TransportImap4 imap = connect(server + "{tag} OK done\r\n", FuzzedSession.LIMITS);
        imap.noop();
        assertEquals(java.util.Arrays.asList((ImapData) null), imap.response("X0").data(), "the eldest names went");
        assertEquals("data", imap.response("X1499").data().get(0).toString());
        imap.shutdown();
    }
}
