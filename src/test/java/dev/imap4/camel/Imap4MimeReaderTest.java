package dev.imap4.camel;

import static dev.imap4.camel.MimeSamples.mixed;
import static dev.imap4.camel.MimeSamples.pdf;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void anEncapsulatedMessageIsALeaf() throws Exception {
        String inner = MimeSamples.mixedWith("inner-b", "inner", pdf("inner.pdf", "nested"));
        String raw = mixed("fwd", "Content-Type: message/rfc822\r\n"
                + "Content-Disposition: attachment; filename=\"fwd.eml\"\r\n\r\n" + inner);
        assertEquals(List.of("fwd.eml"), names(raw, new Imap4Configuration()));
    }
}
