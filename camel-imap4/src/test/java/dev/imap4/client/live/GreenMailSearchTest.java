package dev.imap4.client.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SEARCH and SORT of the raw API against GreenMail. GreenMail quirk: {@code FROM x} matches only
 * messages whose From address equals {@code x} (no substring match), so the imaplib examples'
 * {@code FROM "LDJ"} finds the message sent {@code From: LDJ}, not one from {@code LDJ <ldj@...>}.
 */
class GreenMailSearchTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = LiveMail.imapServer();

    @RegisterExtension
    final LiveMail live = new LiveMail(MAIL);

    /** Three messages: 1 "charlie" from ann, 2 "alpha" from LDJ, 3 "bravo" with a UTF-8 subject word. */
    private Imap4 mailbox() {
        LiveMail.Account a = live.account();
        live.deliver(a, "ann@example.org", "charlie", "first");
        live.deliverRaw(a, "From: LDJ\r\nTo: " + a.email() + "\r\nSubject: alpha\r\n\r\nsecond\r\n");
        live.deliverRaw(a, "From: ann@example.org\r\nTo: " + a.email() + "\r\nSubject: =?UTF-8?Q?bravo_Gr=C3=BC=C3=9Fe?=\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nthird\r\n");
        return live.selectInbox(a);
    }

    @Test
    void searchWithoutCharsetReturnsTheMatchingNumbers() {
        ImapResult r = mailbox().search(null, "ALL");
        assertEquals("OK", r.type());
        assertEquals(List.of("1 2 3"), r.texts());
    }

    @Test
    void searchWithCriteriaAsSeparateArgumentsAsInTheImaplibExample() {
        assertEquals(List.of("2"), mailbox().search(null, "FROM", "\"LDJ\"").texts());
    }

    @Test
    void searchWithParenthesisedCriteriaAsInTheImaplibExample() {
        assertEquals(List.of("2"), mailbox().search(null, "(FROM \"LDJ\")").texts());
    }

    @Test
    void searchWithUtf8CharsetSendsNonAsciiAsALiteral() {
        assertEquals(List.of("3"), mailbox().search("UTF-8", "SUBJECT", "Grüße").texts());
    }

    @Test
    void searchWithUtf8CharsetAndAsciiCriteria() {
        assertEquals(List.of("1"), mailbox().search("UTF-8", "SUBJECT", "charlie").texts());
    }

    @Test
    void searchWithoutMatchesReturnsAnEmptyLine() {
        assertEquals(List.of(""), mailbox().search(null, "SUBJECT", "nothing-like-this").texts());
    }

    @Test
    void searchWithUnknownCharsetReturnsNo() {
        ImapResult r = mailbox().search("BOGUS", "ALL");
        assertEquals("NO", r.type());
        assertEquals(List.of("SEARCH failed. Search command does not support charset BOGUS"), r.texts());
    }

    @Test
    void sortOrdersBySubject() {
        ImapResult r = mailbox().sort("(SUBJECT)", "UTF-8", "ALL");
        assertEquals("OK", r.type());
        assertEquals(List.of("2 3 1"), r.texts());
    }

    @Test
    void sortWrapsBareCriteriaInParentheses() {
        assertEquals(List.of("2 3 1"), mailbox().sort("SUBJECT", "UTF-8", "ALL").texts());
    }

    @Test
    void sortReverseWithSearchCriteria() {
        assertEquals(List.of("1 3"), mailbox().sort("(REVERSE SUBJECT)", "UTF-8", "FROM", "ann@example.org").texts());
    }

    @Test
    void sortWithoutCharsetIsRefusedByTheClient() {
        Imap4 m = mailbox();
        Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.sort("(DATE)", null, "ALL"));
        assertEquals("SORT needs a charset", e.getMessage());
        assertEquals("OK", m.noop().type());
    }
}
