package dev.imap4.client.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.imap4.client.Imap4;
import dev.imap4.client.ImapData;
import dev.imap4.client.ImapResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FETCH through the raw API against GreenMail, asserting imaplib's shapes: a response carrying a
 * literal becomes a {@code (header, literal)} pair followed by the rest of its line (here
 * {@code ")"}); a response without one is a single line.
 */
class GreenMailFetchTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = LiveMail.imapServer();

    @RegisterExtension
    final LiveMail live = new LiveMail(MAIL);

    private static final String HEADER = "Date: Mon, 02 Mar 2020 10:00:00 +0100\r\nFrom: LDJ <ldj@example.org>\r\n"
            + "To: joe@example.org\r\nSubject: hello\r\nMessage-ID: <m1@example.org>\r\n";
    private static final String MESSAGE = HEADER + "\r\nbody one\r\n";
    private static final Pattern LITERAL_SIZE = Pattern.compile("\\{(\\d+)}$");

    private Imap4 mailbox() {
        LiveMail.Account a = live.account();
        live.deliverRaw(a, MESSAGE);
        live.deliver(a, "ann@example.org", "second", "body two");
        return live.selectInbox(a);
    }

    private static ImapData.Pair pair(ImapResult r, int index) {
        return assertInstanceOf(ImapData.Pair.class, r.data().get(index));
    }

    private static long announcedSize(ImapData.Pair p) {
        Matcher m = LITERAL_SIZE.matcher(p.headerText());
        assertTrue(m.find(), p.headerText());
        return Long.parseLong(m.group(1));
    }

    @Test
    void rfc822IsAHeaderLiteralPairThenTheClosingParenthesis() {
        ImapResult r = mailbox().fetch("1", "(RFC822)");
        assertEquals("OK", r.type());
        assertEquals(2, r.data().size(), r.texts().toString());
        ImapData.Pair p = pair(r, 0);
        // GreenMail reports the \Seen flag that fetching RFC822 sets
        assertTrue(p.headerText().matches("1 \\(FLAGS \\(\\\\Seen\\) RFC822 \\{\\d+}"), p.headerText());
        assertEquals(announcedSize(p), p.literal().size());
        assertEquals(MESSAGE, p.literal().asString(StandardCharsets.US_ASCII));
        assertEquals(ImapData.line(")"), r.data().get(1));
    }

    /** GreenMail quirk: header sections lack the blank line that ends them (RFC 3501 §6.4.5 includes it). */
    @Test
    void bodyHeaderIsTheHeaderBlock() {
        ImapResult r = mailbox().fetch("1", "(BODY[HEADER])");
        ImapData.Pair p = pair(r, 0);
        assertTrue(p.headerText().matches("1 \\(FLAGS \\(\\\\Seen\\) BODY\\[HEADER] \\{\\d+}"), p.headerText());
        assertEquals(HEADER, p.literal().asString(StandardCharsets.US_ASCII));
        assertEquals(ImapData.line(")"), r.data().get(1));
    }

    @Test
    void peekingAtSeveralMessagesGivesOnePairAndParenthesisEach() {
        ImapResult r = mailbox().fetch("1:2", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])");
        assertEquals(4, r.data().size(), r.texts().toString());
        assertEquals("1 (BODY[HEADER.FIELDS (SUBJECT)] {16}", pair(r, 0).headerText());
        assertEquals("Subject: hello\r\n", pair(r, 0).literal().asString(StandardCharsets.US_ASCII));
        assertEquals(ImapData.line(")"), r.data().get(1));
        assertEquals("2 (BODY[HEADER.FIELDS (SUBJECT)] {17}", pair(r, 2).headerText());
        assertEquals("Subject: second\r\n", pair(r, 2).literal().asString(StandardCharsets.US_ASCII));
        assertEquals(ImapData.line(")"), r.data().get(3));
    }

    @Test
    void flagsUidInternaldateAndSizeComeAsOneLine() {
        ImapResult r = mailbox().fetch("1", "(FLAGS UID INTERNALDATE RFC822.SIZE)");
        assertEquals(1, r.data().size());
        assertInstanceOf(ImapData.Line.class, r.data().get(0));
        String expected = "1 \\(FLAGS \\(\\) INTERNALDATE \"\\d\\d-[A-Z][a-z]{2}-\\d{4} \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}\" "
                + "RFC822.SIZE " + MESSAGE.length() + " UID 1\\)";
        assertTrue(r.firstText().matches(expected), r.firstText());
    }

    /** GreenMail quirk: env-date is the Date header re-formatted in UTC, not the header as written. */
    @Test
    void envelopeComesAsOneLine() {
        ImapResult r = mailbox().fetch("1", "(ENVELOPE)");
        assertEquals(List.of("1 (ENVELOPE (\"Mon, 2 Mar 2020 09:00:00 +0000 (UTC)\" \"hello\" ((\"LDJ\" NIL \"ldj\" \"example.org\")) ((\"LDJ\" NIL \"ldj\" "
                + "\"example.org\")) ((\"LDJ\" NIL \"ldj\" \"example.org\")) ((NIL NIL \"joe\" \"example.org\")) NIL NIL "
                + "NIL \"<m1@example.org>\"))"), r.texts());
    }

    @Test
    void bodystructureComesAsOneLine() {
        ImapResult r = mailbox().fetch("2", "(BODYSTRUCTURE)");
        assertEquals(1, r.data().size());
        assertTrue(r.firstText().matches(
                "2 \\(BODYSTRUCTURE \\(\"text\" \"plain\" \\(\"charset\" \"us-ascii\"\\) NIL NIL \"7bit\" \\d+ \\d+ NIL NIL NIL\\)\\)"),
                r.firstText());
    }

    @Test
    void fetchOfAMissingMessageReturnsNone() {
        ImapResult r = mailbox().fetch("99", "(FLAGS)");
        assertEquals("OK", r.type());
        assertEquals(Arrays.asList((String) null), r.texts());
    }
}
