package dev.imap4.client.quirks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4AbortException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The replay harness itself: tags, literals, and that it catches a client that strays from the script. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class QuirkHarnessTest {

    private static Transcript transcript(String text) {
        return Transcript.parse("inline", text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String GREETING = "S: * PREAUTH [CAPABILITY IMAP4rev1] ready\n";

    @Test
    void tagsAreThePrefixFollowedByTheCommandNumber() {
        Replay r = Replay.start(transcript(GREETING
                + "C: {tag} NOOP\nS: {tag} OK done\nC: {tag} NOOP\nS: {tag} OK done\n"));
        r.client().noop();
        r.client().noop();
        r.assertDone();
        assertEquals(List.of(r.tag(1) + " NOOP", r.tag(2) + " NOOP"), r.sent());
        assertTrue(r.tag(2).endsWith("2") && r.tag(2).length() > 1, r.tag(2));
    }

    @Test
    void aLiteralTakesExactlyItsBytesAndTheLineGoesOnAfterThem() {
        Transcript t = transcript("S: * 1 FETCH (BODY[] {7}\nab\ncd) UID 3\nS: next\n");
        Transcript.Server first = (Transcript.Server) t.steps().get(0);
        assertArrayEquals("* 1 FETCH (BODY[] {7}\r\nab\r\ncd) UID 3\r\n".getBytes(StandardCharsets.US_ASCII),
                first.bytes());
        assertEquals(2, t.steps().size());
    }

    @Test
    void aClientLineOtherThanTheScriptedOneFailsTheTest() {
        Replay r = Replay.start(transcript(GREETING + "C: {tag} CHECK\nS: {tag} OK done\n"));
        AssertionError e = assertThrows(AssertionError.class, () -> r.client().noop());
        assertTrue(e.getMessage().contains("NOOP") && e.getMessage().contains("CHECK"), e.getMessage());
    }

    @Test
    void aClientWaitingForAnAnswerTheServerWouldNotGiveFailsAtOnce() {
        Replay r = Replay.start(transcript(GREETING
                + "C: {tag} NOOP\nC: {tag} NOOP\nS: {tag} OK done\n"));
        AssertionError e = assertThrows(AssertionError.class, () -> r.client().noop());
        assertTrue(e.getMessage().contains("waits for the server"), e.getMessage());
    }

    @Test
    void theEndOfTheTranscriptIsTheServerClosingTheConnection() {
        Replay r = Replay.start(transcript(GREETING + "C: {tag} NOOP\nS: * 1 EXISTS\n"));
        Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> r.client().noop());
        assertTrue(e.getMessage().contains("closed by the server"), e.getMessage());
        r.assertClosed();
    }

    @Test
    void unsentLinesAreReportedWhenTheTestEnds() {
        Replay r = Replay.start(transcript(GREETING + "C: {tag} NOOP\nS: {tag} OK done\n"));
        AssertionError e = assertThrows(AssertionError.class, r::assertDone);
        assertTrue(e.getMessage().contains("never sent"), e.getMessage());
    }
}
