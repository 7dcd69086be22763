package dev.imap4.camel;

import static dev.imap4.camel.MimeSamples.attachment;
import static dev.imap4.camel.MimeSamples.b64;
import static dev.imap4.camel.MimeSamples.mixed;
import static dev.imap4.camel.MimeSamples.pdf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.Attachment;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** mapAttachments and camel-mail's attachment knobs against GreenMail (fetchContent=FULL). */
@Timeout(60)
class Imap4ConsumerAttachmentsTest extends Imap4ConsumerTestSupport {

    /** Attachments by name, with their content as text and their headers, read while the exchange runs. */
    final Map<String, String> seen = new ConcurrentHashMap<>();
    final Map<String, Attachment> seenObjects = new ConcurrentHashMap<>();
    final List<String> order = new ArrayList<>();

    private MockEndpoint route(String options) throws Exception {
        return consume(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(options)).routeId("r").process(e -> record(e)).to("mock:out");
            }
        });
    }

    private void record(Exchange e) throws Exception {
        if (!(e.getMessage() instanceof AttachmentMessage am) || !am.hasAttachments()) {
            return;
        }
        for (Map.Entry<String, Attachment> a : am.getAttachmentObjects().entrySet()) {
            try (var in = a.getValue().getDataHandler().getInputStream()) {
                seen.put(a.getKey(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            seenObjects.put(a.getKey(), a.getValue());
            order.add(a.getKey());
        }
    }

    private Exchange one(String options) throws Exception {
        MockEndpoint out = route(options);
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        return out.getReceivedExchanges().get(0);
    }

    @Test
    void attachmentsAreMappedDecodedAndTheBodyStaysTheRawMessage() throws Exception {
        mailbox.append("INBOX", mixed("invoice", pdf("invoice.pdf", "%PDF-1.4 invoice"),
                attachment("text/csv; name=lines.csv", "attachment", "a,b\r\n1,2\r\n")));
        Exchange e = one("mapAttachments=true");
        assertEquals(Map.of("invoice.pdf", "%PDF-1.4 invoice", "lines.csv", "a,b\r\n1,2\r\n"), seen);
        assertEquals(List.of("invoice.pdf", "lines.csv"), order);
        assertEquals("application/pdf", seenObjects.get("invoice.pdf").getDataHandler().getContentType());
        assertTrue(e.getMessage().getBody(String.class).startsWith("From: billing@example.org"));
        assertEquals("attachment; filename=\"invoice.pdf\"", seenObjects.get("invoice.pdf").getHeader("Content-Disposition"));
    }

    @Test
    void withoutTheOptionNoAttachmentIsMapped() throws Exception {
        mailbox.append("INBOX", mixed("invoice", pdf("invoice.pdf", "%PDF")));
        one("");
        assertTrue(seen.isEmpty());
    }

    @Test
    void rfc2231ContinuationsWithACharsetAreDecoded() throws Exception {
        mailbox.append("INBOX", mixed("names", attachment("application/pdf",
                "attachment;\r\n filename*0*=UTF-8''%C3%9Cbersicht%20;\r\n filename*1*=%E2%82%AC%20Rechnung;\r\n"
                        + " filename*2=\".pdf\"", "pdf")));
        one("mapAttachments=true");
        assertEquals(Map.of("Übersicht € Rechnung.pdf", "pdf"), seen);
    }

    @Test
    void rfc2047NamesAreDecodedUnlessDecodeFilenameIsFalse() throws Exception {
        String encoded = "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(
                "Überweisung.pdf".getBytes(StandardCharsets.UTF_8)) + "?=";
        mailbox.append("INBOX", mixed("2047", pdf(encoded, "x")));
        one("mapAttachments=true");
        assertEquals(List.of("Überweisung.pdf"), order);
    }

    @Test
    void decodeFilenameFalseLeavesEncodedWordsAsSent() throws Exception {
        String encoded = "=?UTF-8?Q?=C3=9Cberweisung.pdf?=";
        mailbox.append("INBOX", mixed("2047", pdf(encoded, "x")));
        one("mapAttachments=true&decodeFilename=false");
        assertEquals(List.of(encoded), order);
    }

    @Test
    void directoriesAndControlCharactersNeverReachTheName() throws Exception {
        mailbox.append("INBOX", mixed("evil", pdf("../../etc/passwd", "a"), pdf("..", "b"),
                attachment("application/pdf", "attachment; filename=\"C:\\\\temp\\\\x.pdf\"", "c")));
        one("mapAttachments=true");
        assertEquals(Map.of("passwd", "a", "_", "b", "x.pdf", "c"), seen);
    }

    @Test
    void duplicateNamesKeepTheFirstByDefault() throws Exception {
        mailbox.append("INBOX", mixed("dup", pdf("a.pdf", "first"), pdf("a.pdf", "second")));
        one("mapAttachments=true");
        assertEquals(Map.of("a.pdf", "first"), seen);
    }

    @Test
    void duplicateNamesGetUuidPrefixes() throws Exception {
        mailbox.append("INBOX", mixed("dup", pdf("a.pdf", "first"), pdf("a.pdf", "second")));
        one("mapAttachments=true&handleDuplicateAttachmentNames=uuidPrefix");
        assertEquals(2, seen.size());
        for (String name : seen.keySet()) {
            assertTrue(name.matches("[0-9a-f-]{36}_a\\.pdf"), name);
        }
        assertEquals(List.of("first", "second"), sortedValues());
    }

    @Test
    void duplicateNamesGetUuidSuffixesBeforeTheExtension() throws Exception {
        mailbox.append("INBOX", mixed("dup", pdf("a.pdf", "first"), pdf("a.pdf", "second")));
        one("mapAttachments=true&handleDuplicateAttachmentNames=uuidSuffix");
        for (String name : seen.keySet()) {
            assertTrue(name.matches("a_[0-9a-f-]{36}\\.pdf"), name);
        }
        assertEquals(List.of("first", "second"), sortedValues());
    }

    private List<String> sortedValues() {
        List<String> v = new ArrayList<>(seen.values());
        v.sort(null);
        return v;
    }

    @Test
    void failOnDuplicateFileAttachmentFailsThatMessageOnlyAndOnFailureApplies() throws Exception {
        long bad = mailbox.append("INBOX", mixed("dup", pdf("a.pdf", "first"), pdf("a.pdf", "second")));
        mailbox.append("INBOX", mixed("fine", pdf("b.pdf", "ok")));
        MockEndpoint out = route("mapAttachments=true&failOnDuplicateFileAttachment=true&onFailure=FLAG");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        assertEquals("fine", out.getReceivedExchanges().get(0).getMessage().getHeader("Subject"));
        awaitFlag(bad, "$Failed");
    }

    private void awaitFlag(long uid, String flag) throws InterruptedException {
        for (int i = 0; i < 100 && !mailbox.flags("INBOX").getOrDefault(uid, List.of()).contains(flag); i++) {
            Thread.sleep(50);
        }
        assertTrue(mailbox.flags("INBOX").get(uid).contains(flag), mailbox.flags("INBOX").toString());
    }

    @Test
    void partsWithoutANameAreNoAttachmentsUnlessNamesAreGenerated() throws Exception {
        String raw = mixed("noname", attachment("application/octet-stream", "attachment", "blob"));
        mailbox.append("INBOX", raw);
        one("mapAttachments=true");
        assertTrue(seen.isEmpty());
    }

    @Test
    void generateMissingAttachmentNamesGivesThemAUuid() throws Exception {
        mailbox.append("INBOX", mixed("noname", attachment("application/octet-stream", "attachment", "blob")));
        one("mapAttachments=true&generateMissingAttachmentNames=uuid");
        assertEquals(1, seen.size());
        assertTrue(seen.keySet().iterator().next().matches("[0-9a-f-]{36}"), seen.toString());
        assertEquals("blob", seen.values().iterator().next());
    }

    @Test
    void aForwardedMessageIsOneAttachmentKeptWhole() throws Exception {
        String inner = MimeSamples.mixedWith("inner-b", "inner", pdf("inner.pdf", "nested"));
        mailbox.append("INBOX", mixed("fwd", "Content-Type: message/rfc822; name=\"fwd.eml\"\r\n"
                + "Content-Disposition: attachment; filename=\"fwd.eml\"\r\n\r\n" + inner));
        one("mapAttachments=true");
        assertEquals(List.of("fwd.eml"), order);
        assertTrue(seen.get("fwd.eml").startsWith("From: billing@example.org"), seen.get("fwd.eml"));
        assertTrue(seen.get("fwd.eml").contains(b64("nested")));
    }

    private static String related(String imageDisposition) {
        return "From: a@example.org\r\nSubject: news\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/related; boundary=r\r\n\r\n--r\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n\r\n<img src=\"cid:logo@x\">\r\n--r\r\n"
                + "Content-Type: image/png; name=logo.png\r\nContent-ID: <logo@x>\r\n"
                + "Content-Disposition: " + imageDisposition + "\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64("PNG") + "\r\n--r--\r\n";
    }

    @Test
    void inlineImagesAreAttachmentsWithTheirContentId() throws Exception {
        mailbox.append("INBOX", related("inline; filename=logo.png"));
        one("mapAttachments=true");
        assertEquals(Map.of("logo.png", "PNG"), seen);
        assertEquals("<logo@x>", seenObjects.get("logo.png").getHeader("Content-ID"));
    }

    @Test
    void inlineAttachmentsFalseLeavesInlinePartsOut() throws Exception {
        mailbox.append("INBOX", related("inline; filename=logo.png"));
        one("mapAttachments=true&inlineAttachments=false");
        assertTrue(seen.isEmpty());
    }

    @Test
    void aMalformedMultipartFailsThatMessageOnlyAndTheOthersFlow() throws Exception {
        long bad = mailbox.append("INBOX", "From: a@example.org\r\nSubject: broken\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nlost\r\n--x--\r\n");
        long noPart = mailbox.append("INBOX", "From: a@example.org\r\nSubject: broken too\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=never\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nlost\r\n");
        mailbox.append("INBOX", mixed("fine", pdf("b.pdf", "ok")));
        MockEndpoint out = route("mapAttachments=true&onFailure=FLAG");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        assertEquals("fine", out.getReceivedExchanges().get(0).getMessage().getHeader("Subject"));
        assertEquals(Map.of("b.pdf", "ok"), seen);
        awaitFlag(bad, "$Failed");
        awaitFlag(noPart, "$Failed");
    }

    @Test
    void contentTypesNamePatternAndMaxSizeSelect() throws Exception {
        mailbox.append("INBOX", mixed("select", pdf("a.pdf", "12345"), pdf("big.pdf", "1234567890"),
                pdf("b.PDF", "123"), attachment("image/png; name=c.png", "attachment", "png"),
                attachment("application/octet-stream; name=d.pdf", "attachment", "oct")));
        one("mapAttachments=true&attachmentContentTypes=application/pdf,image/*&attachmentNamePattern=.*\\.pdf"
                + "&attachmentMaxSize=5");
        assertEquals(Map.of("a.pdf", "12345", "b.PDF", "123"), seen);
    }

    @Test
    void badOptionValuesAreRefusedAtStart() throws Exception {
        for (String bad : List.of("mapAttachments=true&generateMissingAttachmentNames=random",
                "mapAttachments=true&handleDuplicateAttachmentNames=rename",
                "mapAttachments=true&attachmentContentTypes=pdf", "mapAttachments=true&attachmentNamePattern=(",
                "mapAttachments=true&fetchContent=HEADERS", "fetchContent=PARTS")) {
            Exception e = assertThrows(Exception.class, () -> route(bad), bad);
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertInstanceOf(IllegalArgumentException.class, root, bad);
            if (context.getRoute("r") != null) {
                context.getRouteController().stopRoute("r");
                context.removeRoute("r");
            }
        }
    }

    @Test
    void attachmentsAreMappedIntoAnAttachmentMessage() throws Exception {
        mailbox.append("INBOX", mixed("invoice", pdf("invoice.pdf", "%PDF")));
        route("mapAttachments=true");
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        assertFalse(seen.isEmpty());
        Map<String, Object> headers = new LinkedHashMap<>(out.getReceivedExchanges().get(0).getMessage().getHeaders());
        assertNull(headers.get(Imap4Constants.RAW_MESSAGE));
    }
}
