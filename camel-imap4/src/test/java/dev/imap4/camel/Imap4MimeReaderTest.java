package dev.imap4.camel;

import static dev.imap4.camel.MimeSamples.mixed;
import static dev.imap4.camel.MimeSamples.pdf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The raw-message reader on its own: names, nesting and the rules, without a server. */
class Imap4MimeReaderTest {

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    private List<String> names(String raw, Imap4Configuration config) throws Exception {
        Exchange exchange = new DefaultExchange(context);
        Imap4MimeContent content = new Imap4MimeContent(exchange, Imap4AttachmentRules.of(config), 1000);
        new Imap4MimeReader(Imap4AttachmentRules.of(config), true, false)
                .read(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)), content);
        return content.attachmentNames();
    }

    @Test
    void decodeFilenameFalseKeepsEncodedWords() throws Exception {
        Imap4Configuration c = new Imap4Configuration();
        c.setDecodeFilename(false);
        String encoded = "=?UTF-8?Q?=C3=9Cberweisung.pdf?=";
        assertEquals(List.of(encoded), names(mixed("x", pdf(encoded, "x")), c));
        assertEquals(List.of("Überweisung.pdf"), names(mixed("x", pdf(encoded, "x")), new Imap4Configuration()));
    }

    private static String nested(int depth) {
        StringBuilder sb = new StringBuilder("From: a@example.org\r\nSubject: deep\r\nMIME-Version: 1.0\r\n");
        for (int i = 0; i < depth; i++) {
            sb.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\r\n\r\n--b").append(i).append("\r\n");
        }
        sb.append("Content-Type: application/pdf; name=deep.pdf\r\n\r\nx\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            sb.append("--b").append(i).append("--\r\n");
        }
        return sb.toString();
    }

    @Test
    void nestingIsBounded() throws Exception {
        assertEquals(List.of("deep.pdf"), names(nested(Imap4MimeReader.MAX_DEPTH - 1), new Imap4Configuration()));
        Imap4MimeException e = assertThrows(Imap4MimeException.class,
                () -> names(nested(Imap4MimeReader.MAX_DEPTH + 1), new Imap4Configuration()));
        assertTrue(e.getMessage().contains("nested deeper than"), e.getMessage());
    }

    @Test
    void aHeaderLineBeyondTheBoundFailsTheMessage() throws Exception {
        String raw = mixed("x", "Content-Type: application/pdf; name=a.pdf\r\nX-Long: "
                + "y".repeat(Imap4MimeReader.MAX_LINE + 10) + "\r\n\r\nx");
        Imap4MimeException e = assertThrows(Imap4MimeException.class, () -> names(raw, new Imap4Configuration()));
        assertTrue(e.getMessage().startsWith("Malformed MIME structure"), e.getMessage());
    }

    @Test
    void tooManyHeaderFieldsFailTheMessage() throws Exception {
        String raw = mixed("x", "Content-Type: application/pdf; name=a.pdf\r\n"
                + "X-F: y\r\n".repeat(Imap4MimeReader.MAX_HEADER_FIELDS + 1) + "\r\nx");
        assertThrows(Imap4MimeException.class, () -> names(raw, new Imap4Configuration()));
    }

    @Test
    void aMissingClosingBoundaryKeepsThePartsReadSoFar() throws Exception {
        String full = mixed("x", pdf("a.pdf", "aaa"), pdf("b.pdf", "bbb"));
        String truncated = full.substring(0, full.lastIndexOf("--" + MimeSamples.B + "--"));
        assertEquals(List.of("a.pdf", "b.pdf"), names(truncated, new Imap4Configuration()));
    }

    @Test
    void anEncapsulatedMessageIsALeaf() throws Exception {
        String inner = MimeSamples.mixedWith("inner-b", "inner", pdf("inner.pdf", "nested"));
        String raw = mixed("fwd", "Content-Type: message/rfc822\r\n"
                + "Content-Disposition: attachment; filename=\"fwd.eml\"\r\n\r\n" + inner);
        assertEquals(List.of("fwd.eml"), names(raw, new Imap4Configuration()));
    }
}
