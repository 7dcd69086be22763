package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With stream caching disabled on the context, bodies are still stream caches and large ones still go to disk. */
class Imap4ConsumerStreamCachingOffTest extends CamelTestSupport {

    /** Camel's own polling delay: each test consumes what it added, once. */
    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS", 0);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.setStreamCaching(false);
        return context;
    }

    @Test
    void withNoBatchMemoryALargeBodyIsSpooledToAFileThatIsDeletedWhenTheExchangeIsDone() throws Exception {
        String big = TestMailbox.message("big", "y".repeat(300_000));
        String small = TestMailbox.message("small", "z");
        fake.server().add(big);
        fake.server().add(small);
        AtomicReference<Path> spool = new AtomicReference<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("batchMemoryLimit=0"))
                        .process(e -> {
                            if (e.getMessage().getBody() instanceof Imap4SpooledBody b) {
                                spool.set(b.file());
                                assertTrue(Files.exists(b.file()));
                            }
                        })
                        .to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(2);
        out.assertIsSatisfied(5000);

        assertFalse(context.getStreamCachingStrategy().isEnabled());
        StreamCache first = assertInstanceOf(StreamCache.class, out.getReceivedExchanges().get(0).getMessage().getBody());
        assertFalse(first.inMemory(), "above the spool threshold");
        StreamCache second = assertInstanceOf(StreamCache.class, out.getReceivedExchanges().get(1).getMessage().getBody());
        assertTrue(second.inMemory(), "a small body stays in memory");
        assertEquals(small, out.getReceivedExchanges().get(1).getMessage().getBody(String.class));
        assertTrue(spool.get() != null && !Files.exists(spool.get()), "spool file deleted once the exchange is done");
        context.stop();
    }

    @Test
    void aBodyInAFileKeepsOnlyItsHeaderSectionOnTheHeapAndReadsBackInOneArray() throws Exception {
        String big = TestMailbox.message("big", "y".repeat(300_000));
        fake.server().add(big);
        AtomicReference<String> seen = new AtomicReference<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("batchMemoryLimit=0"))
                        .process(e -> {
                            Imap4Message m = (Imap4Message) e.getIn();
                            String held = m.heldHeaderBytes() + " bytes held";
                            byte[] body = e.getMessage().getBody(byte[].class);
                            seen.set(held + ", " + (e.getMessage().getBody() instanceof Imap4SpooledBody)
                                    + ", " + new String(body, java.nio.charset.StandardCharsets.UTF_8).equals(big)
                                    + ", " + e.getMessage().getHeader("Subject"));
                        })
                        .to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        int headerSection = big.indexOf("\r\n\r\n") + 4;
        assertEquals(headerSection + " bytes held, true, true, big", seen.get(),
                "only the header section is kept for the headers, not the 300 KB in the file");
        assertTrue(context.getTypeConverterRegistry().lookup(byte[].class, Imap4SpooledBody.class) != null);
        context.stop();
    }

    @Test
    void largeBodiesStayOnTheHeapUntilTheBatchAllowanceIsUsedUp() throws Exception {
        for (int i = 1; i <= 3; i++) {
            fake.server().add(TestMailbox.message("big " + i, String.valueOf(i).repeat(300_000)));
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("batchMemoryLimit=700000"))
                        .process(e -> e.setProperty("text", e.getMessage().getBody(String.class)))
                        .to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(3);
        out.assertIsSatisfied(5000);

        // one batch of three: 2 x 300 KB fit in 700,000 bytes, the third goes to a file
        for (int i = 0; i < 3; i++) {
            Object body = out.getReceivedExchanges().get(i).getMessage().getBody();
            Class<?> expected = i < 2 ? Imap4MemoryBody.class : Imap4SpooledBody.class;
            assertEquals(expected, body.getClass(), "body " + (i + 1));
            assertEquals(TestMailbox.message("big " + (i + 1), String.valueOf(i + 1).repeat(300_000)),
                    out.getReceivedExchanges().get(i).getProperty("text"), "body " + (i + 1) + " read whole");
        }
        context.stop();
    }

    @Test
    void aLargeBodyBeyondTheAllowanceIsTheFileTheClientWroteItToNeverAnArrayFirst() throws Exception {
        for (int i = 1; i <= 3; i++) {
            fake.server().add(TestMailbox.message("big " + i, String.valueOf(i).repeat(300_000)));
        }
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("batchMemoryLimit=700000"))
                        .process(e -> {
                            Object body = e.getMessage().getBody();
                            String where = body instanceof Imap4SpooledBody b
                                    ? (b.file().getFileName().toString().startsWith("imap4-literal-")
                                            ? "the client's spool file" : "a copy in a file")
                                    : body.getClass().getSimpleName();
                            seen.add(where + ", " + e.getMessage().getBody(String.class).equals(
                                    TestMailbox.message(e.getMessage().getHeader("Subject", String.class),
                                            e.getMessage().getHeader("Subject", String.class).substring(4).repeat(300_000))));
                        })
                        .to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(3);
        out.assertIsSatisfied(5000);
        // two fit in the allowance and stay as the client read them; once it cannot take another, the
        // client writes the next literal straight to a file, which becomes the body: no 300 KB array
        assertEquals(java.util.List.of("Imap4MemoryBody, true", "Imap4MemoryBody, true", "the client's spool file, true"),
                seen);
        context.stop();
    }

    @Test
    void theAllowanceCoversTheBatchRoutedAndTheOneFetchedMeanwhile() throws Exception {
        for (int i = 1; i <= 3; i++) {
            fake.server().add(TestMailbox.message("big " + i, "x".repeat(300_000)));
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("batchMemoryLimit=400000&fetchBatchSize=1")).to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(3);
        out.assertIsSatisfied(5000);
        // the second batch is fetched while the first, on the heap, is routed: it gets what is left
        // (100,000 bytes) and goes to a file; the third is fetched while the second (a file) is routed
        assertInstanceOf(Imap4MemoryBody.class, out.getReceivedExchanges().get(0).getMessage().getBody());
        assertInstanceOf(Imap4SpooledBody.class, out.getReceivedExchanges().get(1).getMessage().getBody());
        assertInstanceOf(Imap4MemoryBody.class, out.getReceivedExchanges().get(2).getMessage().getBody());
        context.stop();
    }
}
