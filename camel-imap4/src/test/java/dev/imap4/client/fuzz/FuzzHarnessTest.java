package dev.imap4.client.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.StatusResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fuzz harness itself: a well-formed session gets through, and the verdicts catch what they must. */
class FuzzHarnessTest {

    private static byte[] seed(String name) throws IOException {
        try (InputStream in = FuzzHarnessTest.class.getResourceAsStream("ResponseFuzzTestInputs/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theHandWrittenSeedCompletesEveryCommandOfTheSession() throws IOException {
        assertEquals(10, FuzzedSession.run(seed("session-all-commands")));
    }

    @Test
    void tagPlaceholdersCompleteEachCommandInTurn() {
        byte[] server = "* PREAUTH [CAPABILITY IMAP4rev1] hi\r\n{tag} OK selected\r\n{tag} OK fetched\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(2, FuzzedSession.run(server), "SELECT and UID FETCH completed, then the input ended");
    }

    @Test
    void aServerThatIsNotImap4EndsBeforeTheFirstCommand() {
        assertEquals(-1, FuzzedSession.run("* OK [CAPABILITY SMTP] hi\r\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aForeignExceptionIsABug() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Verdict.failure(new IndexOutOfBoundsException("5"), false));
        assertTrue(e.getMessage().contains("IndexOutOfBounds"), e.getMessage());
    }

    @Test
    void anAbortCausedByAForeignExceptionIsABug() {
        Imap4AbortException wrapped = new Imap4AbortException("connection aborted", new NumberFormatException("x"),
                List.of());
        assertThrows(AssertionError.class, () -> Verdict.failure(wrapped, false));
        Verdict.failure(new Imap4AbortException("closed", new EOFException("end"), List.of()), false);
    }

    @Test
    void aProtocolErrorThatLeavesTheConnectionOpenIsABug() {
        ImapProtocolException e = new ImapProtocolException("in literal: expected '{'");
        assertThrows(AssertionError.class, () -> Verdict.failure(e, true));
        Verdict.failure(e, false);
    }

    @Test
    void aNoKeepsTheConnection() {
        StatusResponse no = new StatusResponse("A1", "NO", null, null, "no", "no".getBytes(StandardCharsets.US_ASCII));
        Verdict.failure(new Imap4CommandException("SELECT", no), true);
        assertThrows(AssertionError.class, () -> Verdict.failure(new Imap4CommandException("SELECT", no), false));
    }

    @Test
    void theParserTargetSkipsGrammarErrorsAndStopsAtAShortLiteral() {
        ResponseParsing.parseAll("* 1 FETCH (UID x)\r\n* 2 FETCH (BODY[] {99}\r\nshort".getBytes(StandardCharsets.US_ASCII));
    }
}
