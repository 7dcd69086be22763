package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.testing.TrickleServer;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * commandTimeout: a server that keeps a command going a line at a time, each within the read
 * timeout, gives the producer's caller and the consumer's polling thread back when it passes.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class Imap4CommandTimeoutTest {

    private static final String OPTIONS = "?security=PLAIN&readTimeout=5000&commandTimeout=1000";

    @Test
    void theProducerGetsItsThreadBackWithTheDeadlineError() throws Exception {
        try (TrickleServer server = TrickleServer.start("NOOP", "* OK working on it\r\n", 100, 400);
                DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            Exchange result = template.request("imap4:127.0.0.1:" + server.port() + OPTIONS,
                    e -> e.getMessage().setHeader(Imap4Constants.COMMAND, "NOOP"));
            Imap4AbortException e = assertInstanceOf(Imap4AbortException.class, result.getException());
            assertTrue(e.getMessage().startsWith("command NOOP exceeded its deadline of 1 s"), e.getMessage());
            await(() -> server.cutShort() == 1, "the connection was closed mid-trickle");
        }
    }

    @Test
    void theConsumerGetsItsThreadBackAndPollsAgain() throws Exception {
        try (TrickleServer server = TrickleServer.start("UID SEARCH", "* OK still searching\r\n", 100, 400);
                DefaultCamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("imap4:127.0.0.1:" + server.port() + OPTIONS + "&initialDelay=0&delay=100")
                            .to("mock:out");
                }
            });
            context.start();
            // each poll's search is cut off after a second and the next poll reconnects; without a
            // deadline the first poll would hold its thread for the whole 40 s trickle
            await(() -> server.cutShort() >= 2 && server.connections() >= 2,
                    "two searches cut short on two connections: " + server.commands());
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), what);
    }
}
