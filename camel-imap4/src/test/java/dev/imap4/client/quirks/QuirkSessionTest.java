package dev.imap4.client.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.ImapResult;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Session-level quirks: iCloud's capabilities and ENABLE, Yandex's repeated BYE. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class QuirkSessionTest {

    // iCloud: ENABLE without an ENABLED response; the typed API returns an empty set
    @Test
    void enableWithoutEnabledResponseReturnsNothingEnabled() {
        Replay r = Replay.start("icloud/enable-without-enabled");

        assertEquals(Set.of(), r.client().extensions().enable("QRESYNC"));
        r.noopStillWorks();
    }

    // iCloud: trailing spaces after the last capability add no empty capability
    @Test
    void capabilityWithTrailingSpacesIsRead() {
        Replay r = Replay.start("icloud/capability-trailing-space");

        assertEquals(Set.of("XAPPLEPUSHSERVICE", "IMAP4", "IMAP4REV1", "SASL-IR", "AUTH=ATOKEN", "AUTH=PLAIN", "ID",
                "ENABLE", "IDLE", "UIDPLUS"), r.client().refreshCapabilities().names());
        assertEquals(Set.of("ATOKEN", "PLAIN"), r.client().capabilities().authMechanisms());
        r.noopStillWorks();
    }

    // Yandex: the first of two BYE ends the command with an abort, not a protocol error or a hang
    @Test
    void firstOfRepeatedByeAbortsCleanly() {
        Replay r = Replay.start("yandex/repeated-bye");
        Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> r.client().noop());

        assertFalse(e instanceof ImapProtocolException, "a BYE is no protocol error");
        assertEquals("server said BYE: Autologout; idle for too long", e.getMessage().lines().findFirst().get());
        assertFalse(e.recentExchanges().isEmpty(), "the abort carries the last exchanges");
        r.assertClosed();
    }

    // Yandex: two BYE during LOGOUT are both kept by the raw API, which returns them as imaplib does
    @Test
    void repeatedByeDuringLogoutIsTheLogoutResult() {
        Replay r = Replay.start("yandex/repeated-bye-logout");
        ImapResult result = r.raw().logout();

        assertEquals("BYE", result.type());
        assertEquals(2, result.data().size());
        assertTrue(result.firstText().contains("logging out"), result.firstText());
        r.assertDone();
        assertFalse(r.client().isConnected());
    }
}
