package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.imap4.client.types.Address;
import dev.imap4.client.types.Envelope;
import java.util.List;
import java.util.Map;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A mail's header fields become Camel headers without CR, LF or NUL in their values (a route that
 * forwards them to SMTP or HTTP must not be open to header injection), and without the names that
 * Camel or common components read as instructions.
 */
@Timeout(60)
class Imap4ConsumerHeaderHygieneTest extends CamelTestSupport {

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS");

    private Message consumeOne(String raw) throws Exception {
        fake.server().add(raw);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("onSuccess=NONE")).routeId("r").to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMinimumMessageCount(1);
        out.assertIsSatisfied(10000);
        return out.getReceivedExchanges().get(0).getMessage();
    }

    @Test
    void anEncodedLineBreakInTheSubjectBecomesSpaces() throws Exception {
        Message m = consumeOne("Subject: =?utf-8?q?hello=0D=0ACamelImap4Delete:_true?=\r\nTo: joe@example.org\r\n\r\nbody\r\n");
        assertEquals("hello  CamelImap4Delete: true", m.getHeader("Subject"));
        assertEquals("joe@example.org", m.getHeader("To"));
    }

    @Test
    void aBareCarriageReturnOrNulInAHeaderLineBecomesASpace() throws Exception {
        Message m = consumeOne("X-Note: a\rBcc: victim@example.org\r\nX-Nul: a\u0000b\r\n\r\nbody\r\n");
        assertEquals("a Bcc: victim@example.org", m.getHeader("X-Note"));
        assertEquals("a b", m.getHeader("X-Nul"));
        assertNull(m.getHeader("Bcc"));
    }

    @Test
    void controlHeadersOfCamelAndCommonComponentsAreDropped() throws Exception {
        Message m = consumeOne("""
                Subject: kept\r
                CamelFileName: /etc/passwd\r
                org.apache.camel.Foo: x\r
                kafka.OVERRIDE_TOPIC: other-topic\r
                KAFKA.KEY: k\r
                JMSReplyTo: queue:evil\r
                JMSCorrelationID: c\r
                breadcrumbId: b\r
                X-Kafka-Note: kept too\r
                \r
                body\r
                """);
        assertEquals("kept", m.getHeader("Subject"));
        assertEquals("kept too", m.getHeader("X-Kafka-Note"));
        for (String name : List.of("CamelFileName", "org.apache.camel.Foo", "kafka.OVERRIDE_TOPIC", "kafka.KEY",
                "JMSReplyTo", "JMSCorrelationID", "breadcrumbId")) {
            assertNull(m.getHeader(name), name);
        }
    }

    @Test
    void envelopeFieldsAreCleanedToo() {
        Envelope e = new Envelope("Mon, 1 Jan 2026 10:00:00 +0000", "=?utf-8?q?hello=0D=0ABcc:_x?=",
                List.of(new Address("=?UTF-8?Q?Zo=0A=C3=AB?=", null, "zoe", "example.org")), List.of(), List.of(),
                List.of(), List.of(), List.of(), null, "<id@example.org>\r\nBcc: x");
        for (Map.Entry<String, String> f : Imap4MailHeaders.fromEnvelope(e)) {
            assertFalse(f.getValue().matches("(?s).*[\r\n\u0000].*"), f.toString());
        }
        assertEquals("hello  Bcc: x", Imap4MailHeaders.fromEnvelope(e).get(1).getValue());
    }
}
