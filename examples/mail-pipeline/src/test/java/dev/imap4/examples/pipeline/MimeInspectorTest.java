package dev.imap4.examples.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.converter.stream.InputStreamCache;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MimeInspectorTest {

    private static CamelContext context;

    @BeforeAll
    static void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterAll
    static void stop() {
        context.stop();
    }

    @Test
    void fileNamesFromMailCannotLeaveTheOutputFolder() {
        assertEquals("passwd", MimeInspector.safeFileName("../../etc/passwd", 1));
        assertEquals("boot.ini", MimeInspector.safeFileName("..\\..\\boot.ini", 1));
        assertEquals("hidden", MimeInspector.safeFileName("..hidden", 1));
        assertEquals("attachment-3.bin", MimeInspector.safeFileName("..", 3));
        assertEquals("attachment-2.bin", MimeInspector.safeFileName(null, 2));
        assertEquals("a_b_c_.pdf", MimeInspector.safeFileName("a b:c*.pdf", 1));
        assertEquals("Übersicht.csv", MimeInspector.safeFileName("=?UTF-8?Q?=C3=9Cbersicht.csv?=", 1));
        assertEquals(100, MimeInspector.safeFileName("x".repeat(300) + ".pdf", 1).length());
    }

    @Test
    void listsAttachmentsWithNamesOfTheirOwn() throws Exception {
        String mail = "From: Ann <ann@Example.ORG>\r\nSubject: two reports\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n"
                + "--b\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=report.csv\r\n\r\na,b\r\n"
                + "--b\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=Report.csv\r\n\r\nc,d\r\n"
                + "--b--\r\n";
        Exchange exchange = inspect(mail);
        List<?> attachments = exchange.getProperty("attachments", List.class);
        assertEquals(List.of("report.csv", "Report-2.csv"),
                attachments.stream().map(a -> ((Attachment) a).fileName()).toList());
        assertEquals("example.org", exchange.getProperty("senderDomain"));
        assertEquals("text, 2 attachments", exchange.getProperty("contents"));
    }

    @Test
    void aMultipartWithoutItsBoundaryFails() {
        String mail = "From: scanner@example.org\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"scan-0042\"\r\n\r\n--scan-0041\r\n\r\nxyz\r\n";
        MessagingException e = assertThrows(MessagingException.class, () -> inspect(mail));
        assertEquals("Missing start boundary", e.getMessage());
    }

    private static Exchange inspect(String mail) throws Exception {
        Exchange exchange = new DefaultExchange(context);
        // the consumer's bodies are stream caches
        exchange.getMessage().setBody(new InputStreamCache(mail.getBytes(StandardCharsets.UTF_8)));
        new MimeInspector().inspect(exchange);
        return exchange;
    }
}
