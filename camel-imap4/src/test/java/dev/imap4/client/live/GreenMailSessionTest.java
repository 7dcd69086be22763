package dev.imap4.client.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapResult;
import java.net.SocketException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connection-level behaviour of the raw API against GreenMail: greeting, CAPABILITY, LOGIN, LOGOUT, states. */
class GreenMailSessionTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = LiveMail.imapServer();

    @RegisterExtension
    final LiveMail live = new LiveMail(MAIL);

    @Test
    void welcomeIsTheGreetingLine() {
        Imap4 m = live.connect();
        assertTrue(m.welcome().startsWith("* OK IMAP4rev1 Server GreenMail"), m.welcome());
        assertEquals("IMAP4rev1", m.protocolVersion());
        assertEquals("NONAUTH", m.state());
    }

    @Test
    void capabilityReturnsTheAdvertisedList() {
        ImapResult r = live.connect().capability();
        assertEquals("OK", r.type());
        assertEquals(List.of("IMAP4rev1 LITERAL+ UIDPLUS SORT IDLE MOVE SASL-IR AUTH=XOAUTH2 QUOTA"), r.texts());
    }

    @Test
    void capabilitiesAreKnownFromTheConnect() {
        assertEquals(List.of("IMAP4REV1", "LITERAL+", "UIDPLUS", "SORT", "IDLE", "MOVE", "SASL-IR", "AUTH=XOAUTH2",
                "QUOTA"), live.connect().capabilities());
    }

    @Test
    void loginEntersAuthenticatedState() {
        LiveMail.Account a = live.account();
        Imap4 m = live.connect();
        ImapResult r = m.login(a.login(), a.password());
        assertEquals("OK", r.type());
        assertEquals(List.of("LOGIN completed."), r.texts());
        assertEquals("AUTH", m.state());
    }

    @Test
    void loginWithWrongPasswordRaisesAndStaysUnauthenticated() {
        LiveMail.Account a = live.account();
        Imap4 m = live.connect();
        Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.login(a.login(), "wrong-" + a.password()));
        assertEquals("LOGIN failed. Invalid login/password for user id " + a.login(), e.getMessage());
        assertFalse(e.getMessage().contains(a.password()));
        assertEquals("NONAUTH", m.state());
        assertEquals("OK", m.noop().type(), "the connection survives a NO");
    }

    @Test
    void logoutReturnsTheServersBye() {
        Imap4 m = live.login(live.account());
        ImapResult r = m.logout();
        assertEquals("BYE", r.type());
        assertEquals(List.of("IMAP4rev1 Server logging out"), r.texts());
        assertEquals("LOGOUT", m.state());
    }

    @Test
    void commandAfterLogoutRaisesAbort() {
        Imap4 m = live.connect();
        m.logout();
        Imap4AbortException e = assertThrows(Imap4AbortException.class, m::noop);
        assertEquals("connection is closed", e.getMessage());
    }

    @Test
    void noopReturnsOk() {
        ImapResult r = live.connect().noop();
        assertEquals("OK", r.type());
        assertEquals(List.of("NOOP completed."), r.texts());
    }

    @Test
    void socketHasTcpNoDelay() throws SocketException {
        assertTrue(live.connect().socket().getTcpNoDelay());
    }

    @Test
    void selectBeforeLoginIsRefusedByTheClient() {
        Imap4 m = live.connect();
        Imap4Exception e = assertThrows(Imap4Exception.class, m::select);
        assertEquals("command SELECT illegal in state NONAUTH, only allowed in states [AUTH, SELECTED]", e.getMessage());
        assertEquals("OK", m.noop().type(), "nothing was sent, the connection is intact");
    }

    @Test
    void fetchWithoutSelectedMailboxIsRefusedByTheClient() {
        Imap4 m = live.login(live.account());
        Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.fetch("1", "(FLAGS)"));
        assertEquals("command FETCH illegal in state AUTH, only allowed in states [SELECTED]", e.getMessage());
    }

    @Test
    void secondLoginIsRefusedByTheClient() {
        LiveMail.Account a = live.account();
        Imap4 m = live.login(a);
        Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.login(a.login(), a.password()));
        assertEquals("command LOGIN illegal in state AUTH, only allowed in states [NONAUTH]", e.getMessage());
    }
}
