package dev.imap4.client.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.UntaggedResponse;
import dev.imap4.client.scripted.Transcript;
import dev.imap4.client.types.FlagChange;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.QresyncParameters;
import dev.imap4.client.types.QresyncResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SELECT with QRESYNC (RFC 7162 §3.2.5) as Dovecot 2.3 answers it, replayed through the typed API. */
@Timeout(20)
class SelectCommandQresyncTest {

    private static final String GREETING = "S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE CONDSTORE QRESYNC] Logged in\n";
    private static final String ENABLE = """
            C: {tag} ENABLE QRESYNC
            S: * ENABLED QRESYNC
            S: {tag} OK Enabled.
            """;

    @Test
    void resumesWithVanishedEarlierAndTheChangedFlags() {
        Replay r = Replay.start(Transcript.parse(GREETING + ENABLE + """
                C: {tag} SELECT INBOX (QRESYNC (1700000000 120 1:300,305))
                S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.
                S: * 290 EXISTS
                S: * 0 RECENT
                S: * OK [UIDVALIDITY 1700000000] UIDs valid
                S: * OK [UIDNEXT 306] Predicted next UID
                S: * OK [HIGHESTMODSEQ 140] Highest
                S: * VANISHED (EARLIER) 3:7,41
                S: * VANISHED (EARLIER) 200:203
                S: * 12 FETCH (UID 14 FLAGS (\\Seen $Label1) MODSEQ (133))
                S: * 280 FETCH (UID 300 FLAGS () MODSEQ (139))
                S: {tag} OK [READ-WRITE] Select completed.
                C: {tag} NOOP
                S: {tag} OK NOOP completed.
                !close
                """));
        QresyncParameters p = new QresyncParameters(1700000000L, 120, NumberSet.parse("1:300,305", true));
        QresyncResult res = r.client().select("INBOX", false, p);

        assertTrue(res.resynchronised(p));
        assertEquals(140L, res.mailbox().highestModSeq());
        assertEquals(290, res.mailbox().exists());
        assertEquals("3:7,41,200:203", res.vanished().toString());
        assertEquals(List.of(new FlagChange(14, List.of("\\Seen", "$Label1"), 133L),
                new FlagChange(300, List.of(), 139L)), res.changed());
        assertTrue(r.client().isQresyncEnabled());
        r.noopStillWorks();
    }

    @Test
    void aVanishedThatIsNotEarlierIsLeftToTheListeners() {
        Replay r = Replay.start(Transcript.parse(GREETING + ENABLE + """
                C: {tag} EXAMINE INBOX (QRESYNC (5 9))
                S: * 2 EXISTS
                S: * OK [UIDVALIDITY 5] UIDs valid
                S: * OK [HIGHESTMODSEQ 9] Highest
                S: * VANISHED 8
                S: {tag} OK [READ-ONLY] Examine completed.
                C: {tag} NOOP
                S: {tag} OK NOOP completed.
                !close
                """));
        List<String> others = new ArrayList<>();
        r.client().addUnsolicitedListener((UntaggedResponse u) -> others.add(u.name()));
        QresyncResult res = r.client().select("INBOX", true, new QresyncParameters(5, 9, null));
        assertTrue(res.vanished().isEmpty());
        assertTrue(res.mailbox().readOnly());
        assertEquals(List.of("VANISHED"), others);
        r.noopStillWorks();
    }

    @Test
    void withoutParametersItEnablesAndSelectsPlainly() {
        Replay r = Replay.start(Transcript.parse(GREETING + ENABLE + """
                C: {tag} SELECT INBOX
                S: * 0 EXISTS
                S: * OK [UIDVALIDITY 5] UIDs valid
                S: * OK [HIGHESTMODSEQ 1] Highest
                S: {tag} OK [READ-WRITE] Select completed.
                C: {tag} SELECT Sent (QRESYNC (5 1))
                S: * 0 EXISTS
                S: * OK [UIDVALIDITY 6] UIDs valid
                S: * OK [HIGHESTMODSEQ 4] Highest
                S: {tag} OK [READ-WRITE] Select completed.
                C: {tag} NOOP
                S: {tag} OK NOOP completed.
                !close
                """));
        QresyncResult first = r.client().select("INBOX", false, null);
        assertEquals(1L, first.mailbox().highestModSeq());
        QresyncParameters p = new QresyncParameters(5, 1, null);
        QresyncResult second = r.client().select("Sent", false, p);
        assertFalse(second.resynchronised(p), "another UIDVALIDITY: nothing was resynchronised");
        r.noopStillWorks();
    }

    @Test
    void aMalformedVanishedAbortsTheConnection() {
        Replay r = Replay.start(Transcript.parse(GREETING + ENABLE + """
                C: {tag} SELECT INBOX (QRESYNC (5 9))
                S: * VANISHED (EARLIER) 4:*
                S: {tag} OK [READ-WRITE] Select completed.
                """));
        assertThrows(Imap4AbortException.class,
                () -> r.client().select("INBOX", false, new QresyncParameters(5, 9, null)));
        assertFalse(r.client().isConnected());
    }

    @Test
    void refusedWithoutTheCapabilityAndAfterASelectWithoutEnable() {
        Replay plain = Replay.start(Transcript.parse("S: * PREAUTH [CAPABILITY IMAP4rev1 CONDSTORE] hi\n"));
        assertThrows(Imap4Exception.class, () -> plain.client().select("INBOX", false, null));

        Replay r = Replay.start(Transcript.parse(GREETING + """
                C: {tag} SELECT INBOX (CONDSTORE)
                S: * OK [UIDVALIDITY 5] UIDs valid
                S: {tag} OK [READ-WRITE] Select completed.
                """));
        r.client().select("INBOX");
        Imap4Exception e = assertThrows(Imap4Exception.class,
                () -> r.client().select("INBOX", false, new QresyncParameters(5, 9, null)));
        assertTrue(e.getMessage().contains("before the first SELECT"), e.getMessage());
    }

    @Test
    void parametersAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new QresyncParameters(0, 9, null));
        assertThrows(IllegalArgumentException.class, () -> new QresyncParameters(5, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new QresyncParameters(5, 9, NumberSet.uidRange(1, NumberSet.STAR)));
        assertThrows(IllegalArgumentException.class, () -> new QresyncParameters(5, 9, NumberSet.seqs(1L)));
    }
}
