package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder whose messages grow large just when the batches have: 1,270 small messages take the
 * batches of a poll from 10 to 640 (each judged by the one before), and the 1,000 after them hold
 * about 120 KB each, just under Camel's spool threshold, so they stay on the heap. Batches of 1,000
 * (fetchBatchSize) would hold 120 MB at once, two of them 240 MB; with a 64 MB heap the cap on
 * fetchBatchSize (two batches of such bodies within a quarter of the heap: 64) keeps them to a few
 * MB and every message arrives. Runs in the bounded-memory execution (argLine -Xmx64m).
 */
@Tag("bounded-memory")
@Timeout(300)
class Imap4ConsumerBatchCapBoundedMemoryTest extends CamelTestSupport {

    private static final int SMALL = 10 + 20 + 40 + 80 + 160 + 320 + 640;
    private static final int LARGE = 1000;
    private static final int BODY = 120_000;

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS", 100);

    @TempDir
    Path dir;

    @Test
    void bodiesThatGrowAfterTheBatchesDidStayWithinTheHeap() throws Exception {
        assumeTrue(Runtime.getRuntime().maxMemory() <= 96L * 1024 * 1024, "runs in the -Xmx64m execution only");
        for (int i = 0; i < SMALL; i++) {
            fake.server().add(TestMailbox.message("small " + i, "x".repeat(2000)));
        }
        Path large = dir.resolve("large.eml");
        Files.write(large, TestMailbox.message("large", "y".repeat(BODY)).getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < LARGE; i++) {
            fake.server().addFile(large);
        }
        AtomicLong bytes = new AtomicLong();
        CountDownLatch all = new CountDownLatch(SMALL + LARGE);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // counted, not kept (a mock endpoint would hold every body)
                from(fake.uri("onSuccess=NONE")).routeId("r").process(e -> {
                    bytes.addAndGet(e.getMessage().getBody(byte[].class).length);
                    all.countDown();
                });
            }
        });
        assertTrue(all.await(240, TimeUnit.SECONDS), all.getCount() + " messages not delivered");
        assertTrue(bytes.get() > (long) LARGE * BODY, "every body read whole: " + bytes.get());
        long largest = fake.server().commands().stream().filter(c -> c.startsWith("UID FETCH ")).map(c -> c.split(" ")[2])
                .mapToLong(r -> {
                    String[] ends = r.split(":");
                    return Long.parseLong(ends[ends.length - 1]) - Long.parseLong(ends[0]) + 1;
                }).max().orElse(0);
        assertEquals(Imap4MessageMapper.batchSizeCap(1000, Runtime.getRuntime().maxMemory(), 128 * 1024), largest,
                "no batch above the cap: " + largest);
    }
}
