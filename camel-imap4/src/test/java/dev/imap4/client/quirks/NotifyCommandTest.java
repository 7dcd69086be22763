package dev.imap4.client.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.scripted.Transcript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** NOTIFY (RFC 5465) as Dovecot 2.3 answers it, and a STATUS report waking IDLE. */
@Timeout(20)
class NotifyCommandTest {

    private static final String GREETING = "S: * PREAUTH [CAPABILITY IMAP4rev1 IDLE NOTIFY] Logged in\n";

    @Test
    void setThenAReportForAnotherMailboxWakesIdle() {
        Replay r = Replay.start(Transcript.parse(GREETING + """
                C: {tag} NOTIFY SET (selected (MessageNew MessageExpunge)) (mailboxes (INBOX Support/x "Two words") (MessageNew MessageExpunge))
                S: {tag} OK NOTIFY completed.
                C: {tag} IDLE
                S: + idling
                S: * STATUS Support/x (MESSAGES 3 UIDNEXT 4 UIDVALIDITY 5)
                C: DONE
                S: {tag} OK Idle completed.
                C: {tag} NOTIFY NONE
                S: {tag} OK NOTIFY completed.
                C: {tag} NOOP
                S: {tag} OK NOOP completed.
                !close
                """));
        r.client().extensions().notifySet(true, List.of("INBOX", "Support/x", "Two words"),
                List.of("MessageNew", "MessageExpunge"));
        List<String> seen = new ArrayList<>();
        r.client().addUnsolicitedListener(u -> seen.add(u.name()));
        assertTrue(r.client().idle(Duration.ofSeconds(10), u -> u.is("STATUS")), "the STATUS report ends IDLE");
        assertEquals(List.of("STATUS"), seen);
        r.client().extensions().notifyNone();
        r.noopStillWorks();
    }

    @Test
    void badEventIsACommandErrorAndTheConnectionStaysUsable() {
        Replay r = Replay.start(Transcript.parse(GREETING + """
                C: {tag} NOTIFY SET (mailboxes (INBOX) (FlagChange))
                S: {tag} NO [BADEVENT (MessageNew MessageExpunge)] FlagChange not supported
                C: {tag} NOOP
                S: {tag} OK NOOP completed.
                !close
                """));
        Imap4CommandException e = assertThrows(Imap4CommandException.class,
                () -> r.client().extensions().notifySet(false, List.of("INBOX"), List.of("FlagChange")));
        assertEquals("BADEVENT", e.code());
        r.noopStillWorks();
    }

    @Test
    void refusedWithoutTheCapabilityOrWithAnUnknownEventOrNothingToWatch() {
        Replay plain = Replay.start(Transcript.parse("S: * PREAUTH [CAPABILITY IMAP4rev1] hi\n"));
        assertThrows(Imap4Exception.class, () -> plain.client().extensions().notifySet(true, List.of(), List.of("MessageNew")));
        Replay r = Replay.start(Transcript.parse(GREETING));
        assertThrows(IllegalArgumentException.class,
                () -> r.client().extensions().notifySet(true, List.of(), List.of("MessageNew\r\nX")));
        assertThrows(IllegalArgumentException.class,
                () -> r.client().extensions().notifySet(false, List.of(), List.of("MessageNew")));
    }
}
