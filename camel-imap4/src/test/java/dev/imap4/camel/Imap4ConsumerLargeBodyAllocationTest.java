package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the heap pays for large bodies that go to files: about one array per body (the route's own
 * {@code byte[]}), not the client's array, a copy to the file and a read-back gathered in buffers
 * (about three). Counted in bytes allocated by the JVM's threads, not in time.
 */
@Timeout(60)
class Imap4ConsumerLargeBodyAllocationTest extends CamelTestSupport {

    private static final int SIZE = 1_000_000;
    private static final int COUNT = 12;

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS", 50);

    @Test
    void aBodyInAFileCostsTheHeapOneArrayOfItsSize() throws Exception {
        String warmUp = TestMailbox.message("warm-up", "w");
        fake.server().add(warmUp);
        long expected = warmUp.length();
        AtomicLong bytes = new AtomicLong();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("batchMemoryLimit=0&fetchBatchSize=4"))
                        .process(e -> bytes.addAndGet(e.getMessage().getBody(byte[].class).length))
                        .to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000); // the first poll loads the classes; what follows is steady

        long before = allocatedOutsideTheServer();
        for (int i = 0; i < COUNT; i++) {
            String big = TestMailbox.message("big " + i, "x".repeat(SIZE));
            fake.server().add(big);
            expected += big.length();
        }
        out.reset();
        out.expectedMessageCount(COUNT);
        out.assertIsSatisfied(TimeUnit.SECONDS.toMillis(30));
        long allocated = allocatedOutsideTheServer() - before;

        assertEquals(expected, bytes.get(), "every body read whole");
        // the route's arrays are COUNT * SIZE; the old path allocated about three times that
        assertTrue(allocated < COUNT * (long) SIZE * 3 / 2,
                "allocated " + allocated + " bytes for " + COUNT + " bodies of " + SIZE);
        context.stop();
    }

    // every live thread but the fake server's, which sends the messages, and this one, which makes them
    private static long allocatedOutsideTheServer() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != Thread.currentThread() && !t.getName().startsWith("fake-imap")) {
                sum += Math.max(0, threads.getThreadAllocatedBytes(t.getId()));
            }
        }
        return sum;
    }
}
