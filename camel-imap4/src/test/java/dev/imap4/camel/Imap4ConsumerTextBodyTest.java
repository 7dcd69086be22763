package dev.imap4.camel;

import static dev.imap4.camel.MimeSamples.b64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** textBody against GreenMail, with fetchContent FULL and PARTS. */
@Timeout(60)
class Imap4ConsumerTextBodyTest extends Imap4ConsumerTestSupport {

    static final String ALTERNATIVE = "From: a@example.org\r\nSubject: menu\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\n"
            + "Content-Type: multipart/alternative; boundary=a\r\n\r\n--a\r\n"
            + "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "Caf=E9 cr=E8me, soft=\r\n break\r\n--a\r\n"
            + "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + b64("<p>Café crème</p>") + "\r\n--a--\r\n--m\r\n"
            + "Content-Type: text/plain; name=notes.txt\r\nContent-Disposition: attachment; filename=notes.txt\r\n\r\n"
            + "not the body\r\n--m--\r\n";

    static final String HTML_ONLY = "From: a@example.org\r\nSubject: html\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/html; charset=windows-1252\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "<b>=80 5</b>\r\n";

    private Message only(String options) throws Exception {
        MockEndpoint out = consume(options);
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        return out.getReceivedExchanges().get(0).getMessage();
    }

    @Test
    void plainIsPreferredAndDecodedAndTheRawMessageStaysReachable() throws Exception {
        mailbox.append("INBOX", ALTERNATIVE);
        Message m = only("textBody=PLAIN");
        assertEquals("Café crème, soft break", m.getBody(String.class));
        StreamCache raw = assertInstanceOf(StreamCache.class, m.getHeader(Imap4Constants.RAW_MESSAGE));
        assertTrue(m.getHeader(Imap4Constants.RAW_MESSAGE, String.class).startsWith("From: a@example.org"), raw.toString());
    }

    @Test
    void htmlByChoice() throws Exception {
        mailbox.append("INBOX", ALTERNATIVE);
        assertEquals("<p>Café crème</p>", only("textBody=HTML").getBody(String.class));
    }

    @Test
    void htmlIsTheFallbackOfPlain() throws Exception {
        mailbox.append("INBOX", HTML_ONLY);
        assertEquals("<b>€ 5</b>\r\n", only("textBody=PLAIN").getBody(String.class));
    }

    @Test
    void partsFetchesOnlyTheTextPart() throws Exception {
        mailbox.append("INBOX", ALTERNATIVE);
        Message m = only("textBody=PLAIN&fetchContent=PARTS");
        assertEquals("Café crème, soft break", m.getBody(String.class));
        assertEquals("menu", m.getHeader("Subject"));
        assertEquals(null, m.getHeader(Imap4Constants.RAW_MESSAGE));
    }

    @Test
    void aMessageWithoutTextGetsAnEmptyBody() throws Exception {
        mailbox.append("INBOX", "From: a@example.org\r\nSubject: pdf\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64("%PDF") + "\r\n");
        assertEquals("", only("textBody=PLAIN").getBody(String.class));
    }

    @Test
    void aTextAboveTextBodyMaxSizeFailsThatMessageOnly() throws Exception {
        long big = mailbox.append("INBOX", "From: a@example.org\r\nSubject: long\r\n\r\n" + "x".repeat(200) + "\r\n");
        mailbox.append("INBOX", "From: a@example.org\r\nSubject: short\r\n\r\nhi\r\n");
        MockEndpoint out = consume("textBody=PLAIN&textBodyMaxSize=100&onFailure=FLAG");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        assertEquals("hi\r\n", out.getReceivedExchanges().get(0).getMessage().getBody(String.class));
        for (int i = 0; i < 100 && !mailbox.flags("INBOX").get(big).contains("$Failed"); i++) {
            Thread.sleep(50);
        }
        assertTrue(mailbox.flags("INBOX").get(big).contains("$Failed"), mailbox.flags("INBOX").toString());
        assertEquals(List.of("long", "short"), mailbox.subjects("INBOX"));
    }
}
