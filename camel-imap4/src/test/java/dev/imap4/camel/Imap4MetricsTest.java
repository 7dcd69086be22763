package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The consumer's meters against the fake server, with a SimpleMeterRegistry in the Camel registry:
 * one message completes, one fails in the route on every poll, one cannot be parsed (parked, at the
 * cost of reconnections), one is already in the idempotent repository (skipped). Every count is
 * checked against what the route and the server saw, the tags are the bounded set, and stopping
 * the route removes the meters.
 */
@Timeout(60)
class Imap4MetricsTest extends CamelTestSupport {

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private double count(String name) {
        return registry.get(name).tags("route", "r", "folder", "INBOX").functionCounter().count();
    }

    @Test
    void eachConsumerMeterCountsWhatHappened() throws Exception {
        fake.server().add(TestMailbox.message("fine", "body one"));
        fake.server().add(TestMailbox.message("fails in the route", "body two"));
        long bad = fake.server().add(TestMailbox.message("cannot be parsed", "body three"));
        fake.server().add(TestMailbox.message("seen before", "body four"));
        fake.server().poison(bad, false);
        MemoryIdempotentRepository repo = new MemoryIdempotentRepository();
        repo.start();
        repo.add("INBOX/1000/4");
        context.getRegistry().bind("metricsRegistry", registry);
        context.getRegistry().bind("repo", repo);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("onFailure=NONE&idempotentRepository=#repo")).routeId("r")
                        .to("mock:out")
                        .filter(header("Subject").isEqualTo("fails in the route"))
                        .throwException(new IllegalStateException("the route cannot handle this one"));
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        Imap4Consumer consumer = (Imap4Consumer) context.getRoute("r").getConsumer();
        await(() -> out.getReceivedCounter() >= 4, "the failing message delivered again on later polls");
        assertEquals(1, count("imap4.messages.parked"));
        assertTrue(count("imap4.messages.skipped") >= 1);
        assertTrue(count("imap4.reconnects") >= 2);
        context.getRouteController().stopRoute("r");
        // stopping removes the meters (the counts stay on the consumer, for JMX)
        assertTrue(registry.find("imap4.messages.received").meters().isEmpty(), "meters removed on stop");
        long delivered = out.getReceivedCounter();
        long failed = out.getReceivedExchanges().stream()
                .filter(e -> "fails in the route".equals(e.getMessage().getHeader("Subject"))).count();
        long bytes = out.getReceivedExchanges().stream()
                .mapToLong(e -> e.getMessage().getHeader(Imap4Constants.SIZE, Long.class)).sum();
        assertEquals(delivered, consumer.getMessagesReceived());
        assertEquals(1, consumer.getMessagesCompleted());
        assertEquals(failed, consumer.getMessagesFailed());
        assertEquals(1, consumer.getUnparseableMessageCount());
        assertTrue(consumer.getMessagesSkipped() >= 1, "message 4 skipped on every poll");
        assertEquals(bytes, consumer.getBytesFetched());
        assertEquals(fake.server().count("LOGIN") - 1, consumer.getReconnects(), fake.server().commands().toString());
        assertTrue(consumer.getReconnects() >= 2, "isolating the bad message reconnects");
        assertEquals(0, consumer.getInFlightCount());
    }

    @Test
    void theMetersReadTheCountsWithBoundedTags() throws Exception {
        fake.server().add(TestMailbox.message("fine", "body one"));
        fake.server().add(TestMailbox.message("fails in the route", "body two"));
        context.getRegistry().bind("metricsRegistry", registry);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("onFailure=FLAG&failureFlag=$Failed")).routeId("r")
                        .to("mock:out")
                        .filter(header("Subject").isEqualTo("fails in the route"))
                        .throwException(new IllegalStateException("the route cannot handle this one"));
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(2);
        out.assertIsSatisfied(10000);
        await(() -> count("imap4.messages.completed") == 1 && count("imap4.messages.failed") == 1, "outcomes counted");
        await(() -> registry.get("imap4.poll").functionTimer().count() >= 2, "polls timed");

        assertEquals(2, count("imap4.messages.received"));
        assertEquals(0, count("imap4.messages.parked"));
        assertEquals(0, count("imap4.messages.skipped"));
        assertEquals(0, count("imap4.reconnects"));
        assertEquals(0, count("imap4.idle.wakeups"));
        long bytes = out.getReceivedExchanges().stream().mapToLong(Imap4MetricsTest::size).sum();
        assertEquals(bytes, count("imap4.bytes.fetched"));
        FunctionTimer poll = registry.get("imap4.poll").functionTimer();
        assertTrue(poll.totalTime(TimeUnit.NANOSECONDS) > 0);

        String server = "127.0.0.1:" + fake.server().port();
        for (Meter m : registry.getMeters()) {
            Set<String> keys = m.getId().getTags().stream().map(Tag::getKey).collect(Collectors.toSet());
            assertEquals(Set.of("route", "server", "folder"), keys, m.getId().toString());
            assertEquals(server, m.getId().getTag("server"));
        }
        FunctionCounter bytesMeter = registry.get("imap4.bytes.fetched").functionCounter();
        assertEquals("bytes", bytesMeter.getId().getBaseUnit());
    }

    private static long size(Exchange e) {
        return e.getMessage().getBody(String.class).getBytes(StandardCharsets.ISO_8859_1).length;
    }

    @Test
    void withoutARegistryNothingIsRegisteredAndTheCountsStillWork() throws Exception {
        fake.server().add(TestMailbox.message("fine", "body one"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("")).routeId("r").to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(10000);
        Imap4Consumer consumer = (Imap4Consumer) context.getRoute("r").getConsumer();
        await(() -> consumer.getMessagesCompleted() == 1, "completed counted");
        assertNull(context.getRegistry().findSingleByType(io.micrometer.core.instrument.MeterRegistry.class));
        assertTrue(registry.getMeters().isEmpty());
    }
}
