package dev.imap4.camel;

import static dev.imap4.camel.MimeSamples.attachment;
import static dev.imap4.camel.MimeSamples.mixed;
import static dev.imap4.camel.MimeSamples.pdf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The split expression from the Java DSL and the YAML DSL, against GreenMail. */
@Timeout(60)
class Imap4SplitAttachmentsExpressionTest extends Imap4ConsumerTestSupport {

    /** name -> "type|size|part|content|subject", read while each split exchange runs. */
    private final Map<String, String> parts = new TreeMap<>();
    private final List<Object> bodies = new ArrayList<>();

    private void record(Exchange e) throws Exception {
        Message m = e.getMessage();
        bodies.add(m.getBody());
        String content;
        try (InputStream in = m.getBody(InputStream.class)) {
            content = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        synchronized (parts) {
            parts.put(m.getHeader(Imap4Constants.ATTACHMENT_NAME, String.class),
                    m.getHeader(Imap4Constants.ATTACHMENT_CONTENT_TYPE) + "|" + m.getHeader(Imap4Constants.ATTACHMENT_SIZE)
                            + "|" + m.getHeader(Imap4Constants.ATTACHMENT_PART) + "|" + content + "|"
                            + m.getHeader("Subject") + "|" + m.getHeader(Exchange.FILE_NAME) + "|"
                            + m.getHeader(Imap4Constants.SPLIT_ATTACHMENT_ID));
        }
    }

    private static final Map<String, String> EXPECTED = Map.of(
            "invoice.pdf", "application/pdf|16|2|%PDF-1.4 invoice|invoice|invoice.pdf|invoice.pdf",
            "lines.csv", "text/csv|3|3|a,b|invoice|lines.csv|lines.csv");

    private static String invoice() {
        return mixed("invoice", pdf("invoice.pdf", "%PDF-1.4 invoice"),
                attachment("text/csv; name=lines.csv", "attachment", "a,b"));
    }

    private void awaitParts(MockEndpoint out) throws InterruptedException {
        out.expectedMessageCount(2);
        out.assertIsSatisfied(5000);
    }

    @Test
    void javaDslSplitsTheMappedAttachmentsIntoStreamedBodies() throws Exception {
        mailbox.append("INBOX", invoice());
        MockEndpoint out = consume(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("mapAttachments=true")).routeId("r")
                        .split(new Imap4SplitAttachmentsExpression()).process(e -> record(e)).to("mock:out");
            }
        });
        awaitParts(out);
        assertEquals(EXPECTED, parts);
        bodies.forEach(b -> assertInstanceOf(InputStream.class, b));
    }

    @Test
    void withoutMappedAttachmentsTheRawMessageIsRead() throws Exception {
        mailbox.append("INBOX", invoice());
        MockEndpoint out = consume(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("")).routeId("r").split(new Imap4SplitAttachmentsExpression()).process(e -> record(e))
                        .to("mock:out");
            }
        });
        awaitParts(out);
        assertEquals(EXPECTED, parts);
    }

    @Test
    void yamlDslSplitsWithTheExpressionAsABean() throws Exception {
        mailbox.append("INBOX", invoice());
        context.getRegistry().bind("record", (org.apache.camel.Processor) this::record);
        String yaml = """
                - beans:
                    - name: attachments
                      type: dev.imap4.camel.Imap4SplitAttachmentsExpression
                - route:
                    id: r
                    from:
                      uri: "%s"
                      steps:
                        - split:
                            ref: attachments
                            steps:
                              - process:
                                  ref: record
                              - to: mock:out
                """.formatted(uri("mapAttachments=true"));
        Resource resource = ResourceHelper.fromString("attachments.yaml", yaml);
        PluginHelper.getRoutesLoader(context).loadRoutes(resource);
        awaitParts(getMockEndpoint("mock:out"));
        assertEquals(EXPECTED, parts);
    }
}
