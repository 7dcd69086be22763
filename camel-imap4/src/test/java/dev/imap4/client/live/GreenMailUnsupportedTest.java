package dev.imap4.client.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.Imap4Options;
import java.io.EOFException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Commands GreenMail 2.1.13 does not implement: it answers BAD, which the raw API raises as
 * {@link Imap4Exception} (promptly, and leaving the connection usable), as imaplib raises
 * {@code IMAP4.error}.
 */
@Timeout(30)
class GreenMailUnsupportedTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = LiveMail.imapServer();

    @RegisterExtension
    final LiveMail live = new LiveMail(MAIL);

    private static final String INVALID = "BAD Invalid command.";

    private Imap4 authenticated() {
        return live.login(live.account());
    }

    private Imap4 selected() {
        LiveMail.Account a = live.account();
        live.deliverSubjects(a, "one");
        return live.selectInbox(a);
    }

    private static void assertBad(Imap4 m, Executable command, String expectedMessage) {
        Imap4Exception e = assertThrows(Imap4Exception.class, command);
        assertFalse(e instanceof Imap4AbortException, "BAD is a command error, not an abort: " + e);
        assertEquals(expectedMessage, e.getMessage());
        assertEquals("OK", m.noop().type(), "the connection is still usable");
    }

    @Test
    void namespaceIsBad() {
        Imap4 m = authenticated();
        assertBad(m, m::namespace, "NAMESPACE command error: " + INVALID);
    }

    @Test
    void enableIsBad() {
        Imap4 m = authenticated();
        assertBad(m, () -> m.enable("CONDSTORE"), "ENABLE command error: " + INVALID);
    }

    @Test
    void idIsBad() {
        Imap4 m = live.connect();
        assertBad(m, () -> m.xatom("ID", "NIL"), "ID command error: " + INVALID);
    }

    @Test
    void compressIsBad() {
        Imap4 m = authenticated();
        assertBad(m, () -> m.xatom("COMPRESS", "DEFLATE"), "COMPRESS command error: " + INVALID);
    }

    @Test
    void getaclIsBad() {
        Imap4 m = authenticated();
        assertBad(m, () -> m.getacl("INBOX"), "GETACL command error: " + INVALID);
    }

    @Test
    void setaclIsBad() {
        Imap4 m = authenticated();
        assertBad(m, () -> m.setacl("INBOX", "anyone", "lr"), "SETACL command error: " + INVALID);
    }

    @Test
    void deleteaclIsBad() {
        Imap4 m = authenticated();
        assertBad(m, () -> m.deleteacl("INBOX", "anyone"), "DELETEACL command error: " + INVALID);
    }

    @Test
    void myrightsIsBad() {
        Imap4 m = authenticated();
        assertBad(m, () -> m.myrights("INBOX"), "MYRIGHTS command error: " + INVALID);
    }

    @Test
    void proxyauthIsBad() {
        Imap4 m = authenticated();
        assertBad(m, () -> m.proxyauth("someone"), "PROXYAUTH command error: " + INVALID);
    }

    @Test
    void threadIsBad() {
        Imap4 m = selected();
        assertBad(m, () -> m.thread("REFERENCES", "UTF-8", "ALL"), "THREAD command error: " + INVALID);
    }

    @Test
    void uidThreadIsBad() {
        Imap4 m = selected();
        Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.uid("THREAD", "REFERENCES", "UTF-8", "ALL"));
        assertTrue(e.getMessage().startsWith("UID THREAD command error: BAD Invalid UID command: 'THREAD'"),
                e.getMessage());
    }

    @Test
    void partialIsBad() {
        Imap4 m = selected();
        assertBad(m, () -> m.partial("1", "BODY[]", 0, 10), "PARTIAL command error: " + INVALID);
    }

    @Test
    void unselectIsBadAndTheClientLeavesTheSelectedStateAnyway() {
        Imap4 m = selected();
        assertBad(m, m::unselect, "UNSELECT command error: " + INVALID);
        assertEquals("AUTH", m.state(), "imaplib sets AUTH whatever UNSELECT answers");
    }

    @Test
    void condstoreFetchModifierIsBad() {
        Imap4 m = selected();
        Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.fetch("1", "(FLAGS) (CHANGEDSINCE 1)"));
        assertTrue(e.getMessage().startsWith("FETCH command error: BAD Expected end-of-line"), e.getMessage());
    }

    @Test
    void esearchReturnOptionIsBad() {
        Imap4 m = selected();
        assertBad(m, () -> m.search(null, "RETURN", "(ALL)", "ALL"), "SEARCH command error: BAD Search command not supported");
    }

    @Test
    void unknownVerbIsBad() {
        Imap4 m = authenticated();
        assertBad(m, () -> m.xatom("XFROB"), "XFROB command error: " + INVALID);
    }

    @Test
    void starttlsSentAnywayIsBad() {
        Imap4 m = live.connect();
        assertBad(m, () -> m.xatom("STARTTLS"), "STARTTLS command error: " + INVALID);
    }

    @Test
    void starttlsIsRefusedByTheClientBecauseItIsNotAdvertised() {
        Imap4 m = live.connect();
        Imap4Exception e = assertThrows(Imap4Exception.class, m::starttls);
        assertEquals("STARTTLS extension not supported by server", e.getMessage());
    }

    @Test
    void connectionRequiringStartTlsIsRefused() {
        Imap4Options options = Imap4Options.defaults().withReadTimeout(Duration.ofSeconds(10));
        Imap4Exception e = assertThrows(Imap4Exception.class,
                () -> Imap4.connectWithStartTls("127.0.0.1", live.port(), options));
        assertEquals("STARTTLS extension not supported by server", e.getMessage());
    }

    /** GreenMail quirk: SEARCH without criteria makes it drop the connection instead of answering BAD. */
    @Test
    void searchWithoutCriteriaAbortsBecauseGreenMailHangsUp() {
        Imap4 m = selected();
        Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> m.search(null));
        assertInstanceOf(EOFException.class, e.getCause());
        assertEquals("LOGOUT", m.state());
    }
}
