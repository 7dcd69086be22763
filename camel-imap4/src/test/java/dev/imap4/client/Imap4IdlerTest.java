package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.imap4.client.scripted.ScriptedServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** imaplib 3.14's {@code idle()}: an iterable resource of responses, DONE on close. */
@Timeout(30)
class Imap4IdlerTest {

    private static final Imap4Options OPTIONS = Imap4Options.defaults().withReadTimeout(Duration.ofSeconds(10));

    private static String text(ImapResult r) {
        return r.type() + " " + (r.data().isEmpty() ? "" : new String(((ImapData.Line) r.data().get(0)).bytes(),
                StandardCharsets.UTF_8));
    }

    @Test
    void responsesArriveThroughTheIdlerAndCloseSendsDone() {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * PREAUTH [CAPABILITY IMAP4rev1 IDLE] ready
                C: {tag} IDLE
                S: + idling
                S: * 4 EXISTS
                S: * 1 RECENT
                C: DONE
                S: {tag} OK idle done
                C: {tag} NOOP
                S: {tag} OK noop
                """)) {
            Imap4 m = new Imap4("127.0.0.1", server.port(), OPTIONS);
            List<String> got = new ArrayList<>();
            try (Imap4Idler idler = m.idle(Duration.ofSeconds(20))) {
                for (ImapResult r : idler) {
                    got.add(text(r));
                    if (got.size() == 2) {
                        break;
                    }
                }
            }
            assertEquals(List.of("EXISTS 4", "RECENT 1"), got);
            assertEquals("OK", m.noop().type());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void theIteratorEndsWhenTheDurationHasPassedAndBurstTakesWhatCameTogether() {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * PREAUTH [CAPABILITY IMAP4rev1 IDLE] ready
                C: {tag} IDLE
                S: + idling
                S: * 2 EXPUNGE
                S: * 3 EXISTS
                C: DONE
                S: {tag} OK idle done
                """)) {
            Imap4 m = new Imap4("127.0.0.1", server.port(), OPTIONS);
            // room for a loaded machine: the two responses may come a while apart
            try (Imap4Idler idler = m.idle(Duration.ofSeconds(4))) {
                List<String> burst = idler.burst(Duration.ofMillis(1500)).stream().map(Imap4IdlerTest::text).toList();
                assertEquals(List.of("EXPUNGE 2", "EXISTS 3"), burst);
                assertFalse(idler.iterator().hasNext(), "nothing more before the duration ends");
            }
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void aByeDuringIdleIsThrownToTheCaller() {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * PREAUTH [CAPABILITY IMAP4rev1 IDLE] ready
                C: {tag} IDLE
                S: + idling
                S: * BYE shutting down
                !close
                """)) {
            Imap4 m = new Imap4("127.0.0.1", server.port(), OPTIONS);
            Imap4Idler idler = m.idle();
            assertThrows(Imap4AbortException.class, () -> idler.iterator().hasNext());
            assertThrows(Imap4AbortException.class, idler::close);
            server.verify();
        }
        try (ScriptedServer server = ScriptedServer.start("S: * PREAUTH [CAPABILITY IMAP4rev1] ready\n")) {
            Imap4 m = new Imap4("127.0.0.1", server.port(), OPTIONS);
            assertThrows(Imap4Exception.class, () -> m.idle(Duration.ofSeconds(1)));
            assertThrows(IllegalArgumentException.class, () -> m.idle(Duration.ZERO));
            m.shutdown();
            server.verify();
        }
    }
}
