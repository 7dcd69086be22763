package dev.imap4.client.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.scripted.Transcript;
import dev.imap4.client.types.BodySection;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.NumberSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The in-memory replay of a transcript: tags, literals, and that it catches a client that strays from the script. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReplayTest {

    private static Transcript transcript(String text) {
        return Transcript.parse(text);
    }

    private static final String GREETING = "S: * PREAUTH [CAPABILITY IMAP4rev1] ready\n";

    @Test
    void tagsAreThePrefixFollowedByTheCommandNumber() {
        Replay r = Replay.start(transcript(GREETING
                + "C: {tag} NOOP\nS: {tag} OK done\nC: {tag} NOOP\nS: {tag} OK done\n!close\n"));
        r.client().noop();
        r.client().noop();
        r.assertDone();
        assertEquals(List.of(r.tag(1) + " NOOP", r.tag(2) + " NOOP"), r.sent());
        assertTrue(r.tag(2).endsWith("2") && r.tag(2).length() > 1, r.tag(2));
    }

    @Test
    void aServerLiteralIsSentAsWrittenBetweenTheLinesAroundIt() {
        Replay r = Replay.start(transcript(GREETING
                + "C: {tag} SELECT INBOX\nS: {tag} OK [READ-WRITE] done\n"
                + "C: {tag} UID FETCH 3 {*}\nS: * 1 FETCH (UID 3 BODY[TEXT] {7}\nR: ab<CRLF>cd<x21>\nS: )\n"
                + "S: {tag} OK done\n!close\n"));
        r.client().select("INBOX");
        List<FetchResponse> got = r.uidFetch(NumberSet.uids(3), FetchItems.of().withSection(BodySection.text()));
        assertEquals("ab\r\ncd!", got.get(0).section(BodySection.text()).asString(StandardCharsets.US_ASCII));
        r.assertDone();
    }

    @Test
    void aMiscountedServerLiteralIsRefusedWhenTheTranscriptIsRead() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> transcript("S: * 1 FETCH (BODY[] {7}\nR: ab\nS: )\n"));
        assertTrue(e.getMessage().contains("announces a literal of 7 bytes"), e.getMessage());
    }

    @Test
    void aClientLineOtherThanTheScriptedOneFailsTheTest() {
        Replay r = Replay.start(transcript(GREETING + "C: {tag} CHECK\nS: {tag} OK done\n!close\n"));
        AssertionError e = assertThrows(AssertionError.class, () -> r.client().noop());
        assertTrue(e.getMessage().contains("NOOP") && e.getMessage().contains("CHECK"), e.getMessage());
    }

    @Test
    void aClientWaitingForAnAnswerTheServerWouldNotGiveFailsAtOnce() {
        Replay r = Replay.start(transcript(GREETING
                + "C: {tag} NOOP\nC: {tag} NOOP\nS: {tag} OK done\n!close\n"));
        AssertionError e = assertThrows(AssertionError.class, () -> r.client().noop());
        assertTrue(e.getMessage().contains("waits for the server"), e.getMessage());
    }

    @Test
    void closeIsTheServerClosingTheConnection() {
        Replay r = Replay.start(transcript(GREETING + "C: {tag} NOOP\nS: * 1 EXISTS\n!close\n"));
        Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> r.client().noop());
        assertTrue(e.getMessage().contains("closed by the server"), e.getMessage());
        r.assertClosed();
    }

    @Test
    void unsentLinesAreReportedWhenTheTestEnds() {
        Replay r = Replay.start(transcript(GREETING + "C: {tag} NOOP\nS: {tag} OK done\n!close\n"));
        AssertionError e = assertThrows(AssertionError.class, r::assertDone);
        assertTrue(e.getMessage().contains("never sent"), e.getMessage());
    }
}
