package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.apache.camel.CamelContext;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The next fetch batch is requested while the current one is routed, so the server is not idle
 * while the route runs; memory stays bounded: large bodies kept on the heap by the routed and the
 * prefetched batch together stay within batchMemoryLimit.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Imap4ConsumerPrefetchTest extends CamelTestSupport {

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS");

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.setStreamCaching(false); // large bodies stay on the heap while batchMemoryLimit allows
        return context;
    }

    @Test
    void theNextBatchIsFetchedWhileTheCurrentOneIsRouted() throws Exception {
        for (int i = 0; i < 9; i++) {
            fake.server().add(TestMailbox.message("m" + i, "x"));
        }
        AtomicBoolean overlapped = new AtomicBoolean();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("fetchBatchSize=3")).routeId("r")
                        .process(e -> {
                            if (e.getMessage().getHeader(Imap4Constants.UID, Long.class) == 1L) {
                                // the first message of the first batch waits (bounded) for the second batch's FETCH
                                long end = System.currentTimeMillis() + 5000;
                                while (fake.server().count("UID FETCH 4:6") == 0 && System.currentTimeMillis() < end) {
                                    Thread.sleep(10);
                                }
                                overlapped.set(fake.server().count("UID FETCH 4:6") == 1);
                            }
                        })
                        .to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(9);
        out.assertIsSatisfied(20000);
        long end = System.currentTimeMillis() + 5000;
        while (fake.server().withFlag("\\Seen").size() < 9 && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        context.getRouteController().stopRoute("r");
        assertTrue(overlapped.get(), "UID FETCH 4:6 was sent while UID 1 was routed: " + fake.server().commands());
        assertEquals(LongStream.rangeClosed(1, 9).boxed().toList(),
                out.getReceivedExchanges().stream().map(e -> e.getMessage().getHeader(Imap4Constants.UID)).toList(),
                "in UID order, each once");
        assertEquals(3, fake.server().count("UID FETCH"), fake.server().commands().toString());
        assertEquals(9, fake.server().withFlag("\\Seen").size());
        assertEquals(3, fake.server().count("UID STORE"), "one per batch: " + fake.server().commands());
    }

    @Test
    void largeBodiesOnTheHeapOfTheRoutedAndThePrefetchedBatchStayWithinBatchMemoryLimit() throws Exception {
        int size = 200_000; // above Camel's spool threshold (128 KiB): a large body
        for (int i = 0; i < 8; i++) {
            fake.server().add(TestMailbox.message("big " + i, String.valueOf(i).repeat(size)));
        }
        Map<Long, Boolean> inMemory = new ConcurrentHashMap<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // room for three large bodies at once; a batch holds two
                from(fake.uri("fetchBatchSize=2&batchMemoryLimit=" + (3 * size + 3 * 1000))).routeId("r")
                        .process(e -> {
                            long uid = e.getMessage().getHeader(Imap4Constants.UID, Long.class);
                            inMemory.put(uid, e.getMessage().getBody(StreamCache.class).inMemory());
                            String expected = TestMailbox.message("big " + (uid - 1), String.valueOf(uid - 1).repeat(size));
                            e.setProperty("intact", expected.equals(e.getMessage().getBody(String.class)));
                        })
                        .to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(8);
        out.assertIsSatisfied(20000);
        context.getRouteController().stopRoute("r");
        List<Boolean> pattern = LongStream.rangeClosed(1, 8).mapToObj(inMemory::get).toList();
        // the batches as fetched: UID FETCH a:b (or a single UID)
        List<long[]> batches = fake.server().commands().stream().filter(c -> c.startsWith("UID FETCH "))
                .map(c -> c.split(" ")[2].split(":")).map(r -> new long[] {Long.parseLong(r[0]),
                        Long.parseLong(r[r.length - 1])}).toList();
        assertEquals(8, batches.stream().mapToLong(b -> b[1] - b[0] + 1).sum(), "each UID fetched once: " + fake.server().commands());
        for (int b = 0; b + 1 < batches.size(); b++) {
            // batch b is routed while b + 1 is held: together at most three on the heap
            long held = LongStream.rangeClosed(batches.get(b)[0], batches.get(b + 1)[1]).filter(u -> inMemory.get(u)).count();
            assertTrue(held <= 3, "batches " + b + " and " + (b + 1) + " hold " + held + " on the heap: " + pattern);
        }
        assertTrue(pattern.get(0) && pattern.get(1), "the first batch had the whole allowance: " + pattern);
        assertTrue(batches.stream().allMatch(b -> b[1] - b[0] < 2), "batches of fetchBatchSize at most: " + fake.server().commands());
        for (int i = 0; i < 8; i++) {
            assertEquals(true, out.getReceivedExchanges().get(i).getProperty("intact"), "body of UID " + (i + 1));
        }
    }
}
