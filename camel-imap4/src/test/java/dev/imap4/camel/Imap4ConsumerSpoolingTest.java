package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.apache.camel.CamelContext;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.converter.stream.FileInputStreamCache;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With Camel's spooling on, Camel's own stream cache (its threshold, directory and cipher) holds the body. */
class Imap4ConsumerSpoolingTest extends CamelTestSupport {

    /** Camel's own polling delay: each test consumes what it added, once. */
    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS", 0);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getStreamCachingStrategy().setSpoolEnabled(true);
        context.getStreamCachingStrategy().setSpoolThreshold(10_000);
        return context;
    }

    @Test
    void aBodyAboveCamelsThresholdIsCamelsFileStreamCache() throws Exception {
        String raw = TestMailbox.message("spooled by camel", "w".repeat(50_000));
        fake.server().add(raw);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("")).convertBodyTo(String.class).to("mock:out");
                // ALL: the other route may mark the message \Seen before this one first polls
                from(fake.uri("readOnly=true&searchCriteria=ALL")).to("mock:raw");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        MockEndpoint rawOut = getMockEndpoint("mock:raw");
        out.expectedBodiesReceived(raw);
        rawOut.expectedMinimumMessageCount(1);
        MockEndpoint.assertIsSatisfied(20, java.util.concurrent.TimeUnit.SECONDS, out, rawOut);
        Object body = rawOut.getReceivedExchanges().get(0).getMessage().getBody();
        assertInstanceOf(FileInputStreamCache.class, body);
        assertFalse(((StreamCache) body).inMemory());
        assertEquals(raw.length(), ((StreamCache) body).length());
        context.stop();
    }
}
