package dev.imap4.camel;

import static dev.imap4.camel.MimeSamples.attachment;
import static dev.imap4.camel.MimeSamples.mixed;
import static dev.imap4.camel.MimeSamples.pdf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.types.BodyStructure;
import dev.imap4.testing.Fault;
import dev.imap4.testing.FaultProxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.Attachment;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * fetchContent=PARTS against GreenMail, behind a proxy that counts the bytes the server sends: a
 * route that wants the PDF never downloads the video next to it.
 */
@Timeout(60)
class Imap4ConsumerPartsTest extends Imap4ConsumerTestSupport {

    private static final int VIDEO = 2 * 1024 * 1024;

    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private FaultProxy proxy;

    @AfterEach
    void closeProxy() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
    }

    private MockEndpoint viaProxy(String options) throws Exception {
        proxy = FaultProxy.start("127.0.0.1", MAIL.getImap().getPort(), i -> Fault.none());
        String uri = uri(options).replace(":" + MAIL.getImap().getPort() + "?", ":" + proxy.port() + "?");
        return consume(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("r").process(this::record).to("mock:out");
            }

            private void record(Exchange e) throws Exception {
                if (e.getMessage() instanceof AttachmentMessage am && am.hasAttachments()) {
                    for (Map.Entry<String, Attachment> a : am.getAttachmentObjects().entrySet()) {
                        try (var in = a.getValue().getDataHandler().getInputStream()) {
                            seen.put(a.getKey(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        });
    }

    private static String invoiceWithVideo() {
        return mixed("invoice", pdf("invoice.pdf", "%PDF-1.4 invoice"),
                attachment("video/mp4; name=holiday.mp4", "attachment; filename=holiday.mp4", "v".repeat(VIDEO)),
                attachment("application/pdf; name=terms.pdf", "attachment; filename=terms.pdf", "%PDF terms"));
    }

    @Test
    void aRouteThatWantsPdfsNeverDownloadsTheVideo() throws Exception {
        mailbox.append("INBOX", invoiceWithVideo());
        MockEndpoint out = viaProxy("fetchContent=PARTS&mapAttachments=true&attachmentContentTypes=application/pdf"
                + "&textBody=PLAIN");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        assertEquals(Map.of("invoice.pdf", "%PDF-1.4 invoice", "terms.pdf", "%PDF terms"), seen);
        Exchange e = out.getReceivedExchanges().get(0);
        assertEquals("see attached", e.getMessage().getBody(String.class));
        assertEquals("invoice", e.getMessage().getHeader("Subject"));
        assertInstanceOf(BodyStructure.class, e.getMessage().getHeader(Imap4Constants.BODY_STRUCTURE));
        assertTrue(proxy.bytesToClient() < VIDEO / 4, proxy.bytesToClient() + " bytes came from the server");
    }

    @Test
    void theSameRouteWithTheWholeMessageDownloadsTheVideo() throws Exception {
        mailbox.append("INBOX", invoiceWithVideo());
        MockEndpoint out = viaProxy("mapAttachments=true&attachmentContentTypes=application/pdf");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        assertEquals(Map.of("invoice.pdf", "%PDF-1.4 invoice", "terms.pdf", "%PDF terms"), seen);
        assertTrue(proxy.bytesToClient() > VIDEO, proxy.bytesToClient() + " bytes came from the server");
    }

    @Test
    void anAttachmentAboveTheSizeLimitIsNotDownloaded() throws Exception {
        mailbox.append("INBOX", invoiceWithVideo());
        MockEndpoint out = viaProxy("fetchContent=PARTS&mapAttachments=true&attachmentMaxSize=1048576");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        assertEquals(Map.of("invoice.pdf", "%PDF-1.4 invoice", "terms.pdf", "%PDF terms"), seen);
        assertTrue(proxy.bytesToClient() < VIDEO / 4, proxy.bytesToClient() + " bytes came from the server");
    }

    @Test
    void partsMapsTheSameNamesAsTheWholeMessage() throws Exception {
        mailbox.append("INBOX", mixed("dup", pdf("a.pdf", "first"), pdf("a.pdf", "second"),
                MimeSamples.attachment("image/png; name=logo.png", "inline; filename=logo.png", "PNG")));
        MockEndpoint out = viaProxy("fetchContent=PARTS&mapAttachments=true&inlineAttachments=false");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        assertEquals(Map.of("a.pdf", "first"), seen);
    }
}
