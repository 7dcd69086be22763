package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A message's headers are read from its header section only when the route first touches a
 * header: a route that reads only the body costs no header parsing, and every documented header
 * is there as soon as one is read.
 */
@Timeout(60)
class Imap4ConsumerLazyHeadersTest extends CamelTestSupport {

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS");

    /** Counts the mail header fields offered to it: each one was parsed out of a header section. */
    static final class Counting extends Imap4HeaderFilterStrategy {
        final AtomicInteger offered = new AtomicInteger();

        @Override
        public boolean applyFilterToExternalHeaders(String name, Object value, Exchange exchange) {
            offered.incrementAndGet();
            return super.applyFilterToExternalHeaders(name, value, exchange);
        }
    }

    @Test
    void aRouteThatReadsOnlyTheBodyCostsNoHeaderParsing() throws Exception {
        for (int i = 0; i < 5; i++) {
            fake.server().add(TestMailbox.message("m" + i, "x"));
        }
        fake.server().add("Received: from a\r\nReceived: from b\r\n (folded)\r\nSubject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\n\r\nbody\r\n");
        Counting filter = new Counting();
        context.getRegistry().bind("counting", filter);
        List<Message> seen = new CopyOnWriteArrayList<>();
        // before the route starts: a mock that copies exchanges copies (and so fills) their headers
        MockEndpoint done = getMockEndpoint("mock:done");
        done.setCopyOnExchange(false);
        done.expectedMessageCount(6);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("headerFilterStrategy=#counting")).routeId("r")
                        .process(e -> {
                            e.getMessage().getBody(byte[].class);
                            seen.add(e.getMessage());
                        })
                        .to("mock:done");
            }
        });
        done.assertIsSatisfied(20000);
        long end = System.currentTimeMillis() + 5000;
        while (fake.server().withFlag("\\Seen").size() < 6 && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        context.getRouteController().stopRoute("r");
        assertEquals(6, fake.server().withFlag("\\Seen").size(), "completed and marked as usual");
        assertEquals(0, filter.offered.get(), "no header section was parsed");

        // read now, every header is there: the consumer's and the mail's own
        Message last = seen.get(5);
        assertEquals(6L, last.getHeader(Imap4Constants.UID));
        assertEquals(1000L, last.getHeader(Imap4Constants.UID_VALIDITY));
        assertEquals("INBOX", last.getHeader(Imap4Constants.FOLDER));
        assertTrue(last.getHeader(Imap4Constants.SIZE, Long.class) > 0);
        assertEquals("Grüße", last.getHeader("Subject"));
        assertEquals(List.of("from a", "from b (folded)"), last.getHeader("Received"));
        assertEquals(3, filter.offered.get(), "parsed once, when first read");
        assertEquals("m0", seen.get(0).getHeader("subject"), "case-insensitive, as Camel's headers are");
    }

    @Test
    void headersTheRouteSetsStillDecideTheOutcome() throws Exception {
        fake.server().add(TestMailbox.message("keep", "x"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("onSuccess=DELETE&expungeMode=IMMEDIATE")).routeId("r")
                        .setHeader(Imap4Constants.DELETE, constant(false))
                        .to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(20000);
        long end = System.currentTimeMillis() + 5000;
        while (fake.server().withFlag("\\Seen").isEmpty() && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        context.getRouteController().stopRoute("r");
        assertEquals(List.of(1L), fake.server().uids("INBOX"), "CamelImap4Delete=false kept it: " + fake.server().commands());
        assertEquals(java.util.Set.of(1L), fake.server().withFlag("\\Seen"));
    }
}
