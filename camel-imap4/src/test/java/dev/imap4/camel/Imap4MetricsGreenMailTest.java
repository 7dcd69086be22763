package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.ImapClient;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Producer;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The meters GreenMail shows best: IDLE wake-ups, the producer's commands by verb and outcome, and
 * the pool's connections in use and idle.
 */
@Timeout(60)
class Imap4MetricsGreenMailTest extends Imap4ConsumerTestSupport {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void bindRegistry() {
        context.getRegistry().bind("meters", registry);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    @Test
    void anIdleEndedByNewMailCountsAsAWakeUp() throws Exception {
        MockEndpoint out = consume("idle=true&delay=60000");
        await(() -> imapConsumer().isConsumerReady(), "first poll done");
        Thread.sleep(300);
        assertEquals(0, registry.get("imap4.idle.wakeups").functionCounter().count());
        out.expectedMessageCount(1);
        mailbox.append("while idling");
        out.assertIsSatisfied(20000);
        assertTrue(registry.get("imap4.idle.wakeups").functionCounter().count() >= 1);
        assertEquals(imapConsumer().getIdleWakeUps(), (long) registry.get("imap4.idle.wakeups").functionCounter().count());
    }

    @Test
    void producerCommandsAreTimedByVerbAndOutcome() throws Exception {
        String uri = uri("") + "&poolSize=2";
        template.sendBodyAndHeader(uri, null, Imap4Constants.COMMAND, "NOOP");
        template.sendBodyAndHeader(uri, null, Imap4Constants.COMMAND, "NOOP");
        assertThrows(CamelExecutionException.class, () -> template.sendBodyAndHeaders(uri, null,
                java.util.Map.of(Imap4Constants.COMMAND, "STATUS", Imap4Constants.ARGUMENTS, "NoSuchFolder (MESSAGES)")));
        assertThrows(CamelExecutionException.class, () -> template.sendBodyAndHeaders(uri, null,
                java.util.Map.of(Imap4Constants.COMMAND, "SELECT", Imap4Constants.ARGUMENTS, "INBOX")));

        Timer ok = registry.get("imap4.producer.commands").tags("verb", "NOOP", "outcome", "ok").timer();
        assertEquals(2, ok.count());
        assertTrue(ok.totalTime(TimeUnit.NANOSECONDS) > 0);
        assertEquals(1, registry.get("imap4.producer.commands").tags("verb", "STATUS", "outcome", "no").timer().count());
        // SELECT is no operation of the producer: an extension verb, labelled RAW, and refused
        assertEquals(1, registry.get("imap4.producer.commands").tags("verb", "RAW", "outcome", "refused").timer().count());
        String server = "127.0.0.1:" + MAIL.getImap().getPort();
        assertEquals(server, ok.getId().getTag("server"));
        assertEquals("joe", ok.getId().getTag("user"));
        assertEquals(1.0, registry.get("imap4.pool.connections.idle").gauge().value(), "NOOP's connection kept");
        assertEquals(0.0, registry.get("imap4.pool.connections.in.use").gauge().value());
    }

    @Test
    void thePoolGaugesCountConnectionsInUseAndIdle() throws Exception {
        Imap4Endpoint endpoint = context.getEndpoint(uri("") + "&poolSize=3", Imap4Endpoint.class);
        Imap4ConnectionPool pool = new Imap4ConnectionPool(3,
                () -> endpoint.clientFactory().connect(endpoint.getConfiguration(), context));
        Imap4Metrics.Binding binding = Imap4Metrics.bindProducer(context, pool, endpoint.getServiceUrl(), "joe");
        try {
            ImapClient a = pool.borrow();
            ImapClient b = pool.borrow();
            assertEquals(2.0, registry.get("imap4.pool.connections.in.use").gauge().value());
            pool.release(a, true);
            assertEquals(1.0, registry.get("imap4.pool.connections.in.use").gauge().value());
            assertEquals(1.0, registry.get("imap4.pool.connections.idle").gauge().value());
            pool.release(b, true);
            assertEquals(0.0, registry.get("imap4.pool.connections.in.use").gauge().value());
            assertEquals(2.0, registry.get("imap4.pool.connections.idle").gauge().value());
        } finally {
            binding.close();
            pool.close();
        }
        assertTrue(registry.find("imap4.pool.connections.in.use").meters().isEmpty(), "removed with the last pool");
    }

    @Test
    void twoProducersOnOneServerAndUserShareSummedGauges() throws Exception {
        Producer first = context.getEndpoint(uri("") + "&poolSize=1").createProducer();
        Producer second = context.getEndpoint(uri("") + "&poolSize=2").createProducer();
        first.start();
        second.start();
        try {
            template.sendBodyAndHeader(uri("") + "&poolSize=1", null, Imap4Constants.COMMAND, "NOOP");
            assertEquals(1, registry.find("imap4.pool.connections.idle").gauges().size(), "one gauge per server and user");
            second.stop();
            assertTrue(registry.find("imap4.pool.connections.idle").gauge() != null, "still there for the other pools");
        } finally {
            first.stop();
            second.stop();
        }
    }

    @Test
    void stoppingTheProducerRemovesItsMeters() throws Exception {
        String uri = uri("");
        template.sendBodyAndHeader(uri, null, Imap4Constants.COMMAND, "NOOP");
        assertEquals(1, registry.find("imap4.producer.commands").meters().size());
        context.getEndpoint(uri).stop();
        template.stop();
        context.stop();
        assertTrue(registry.find("imap4.producer.commands").meters().isEmpty(), registry.getMetersAsString());
        assertTrue(registry.find("imap4.pool.connections.in.use").meters().isEmpty());
    }
}
