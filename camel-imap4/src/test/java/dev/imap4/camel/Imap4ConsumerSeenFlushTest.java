package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With the default options (onSuccess=SEEN, a synchronous route) \Seen is flushed once per fetch
 * batch, never before the exchange completed, and a crash between completion and flush leaves the
 * message unseen: delivered again, never seen but unprocessed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Imap4ConsumerSeenFlushTest extends CamelTestSupport {

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS");

    private void addMessages(int n) {
        for (int i = 0; i < n; i++) {
            fake.server().add(TestMailbox.message("m" + i, "x"));
        }
    }

    private void awaitSeen(int n) throws InterruptedException {
        long end = System.currentTimeMillis() + 10000;
        while (fake.server().withFlag("\\Seen").size() < n && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
    }

    @Test
    void aSlowRouteGetsBatchesOfAboutASecondSoItsOutcomesAreAppliedThatOften() throws Exception {
        addMessages(50);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("")).routeId("r").delay(50).to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(50);
        out.assertIsSatisfied(20000);
        awaitSeen(50);
        context.getRouteController().stopRoute("r");

        List<String> commands = fake.server().commands();
        List<Integer> sizes = commands.stream().filter(c -> c.startsWith("UID FETCH ")).map(c -> c.split(" ")[2].split(":"))
                .map(r -> (int) (Long.parseLong(r[r.length - 1]) - Long.parseLong(r[0]) + 1)).toList();
        // 10, then 20 (fetched ahead before any batch was routed), then no more than a second of
        // routing at 50 ms an exchange instead of 40
        assertEquals(List.of(10, 20), sizes.subList(0, 2), commands.toString());
        assertTrue(sizes.get(2) <= 20, "the third batch held back by the route's pace: " + commands);
        assertEquals(50, fake.server().withFlag("\\Seen").size(), commands.toString());
    }

    @Test
    void defaultOptionsSendOneUidStorePerFetchBatch() throws Exception {
        addMessages(250);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("")).routeId("r").to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(250);
        out.assertIsSatisfied(20000);
        awaitSeen(250);
        context.getRouteController().stopRoute("r");

        List<String> commands = fake.server().commands();
        long stores = fake.server().count("UID STORE");
        assertEquals(250, fake.server().withFlag("\\Seen").size(), commands.toString());
        // batches of 10, 20, 40, 80 and 100 (the first small, each after it doubled up to fetchBatchSize):
        // one STORE each, at most 0.05 per message
        assertEquals(List.of("1:10", "11:30", "31:70", "71:150", "151:250"), commands.stream()
                .filter(c -> c.startsWith("UID FETCH ")).map(c -> c.split(" ")[2]).toList(), commands.toString());
        assertEquals(5, stores, commands.toString());
        assertTrue(stores <= 0.05 * 250, "at most 0.05 UID STORE per message: " + stores);
        // each batch's STORE comes after its own FETCH (and after the next one, fetched while it was
        // routed) and before the FETCH after that
        int firstFetch = commands.indexOf("UID FETCH 1:10 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])");
        int firstStore = commands.indexOf("UID STORE 1:10 +FLAGS.SILENT (\\Seen)");
        int thirdFetch = commands.indexOf("UID FETCH 31:70 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])");
        assertTrue(firstFetch >= 0 && firstStore > firstFetch && thirdFetch > firstStore, commands.toString());
    }

    @Test
    void aMessageIsSeenOnlyAfterItsExchangeCompleted() throws Exception {
        addMessages(5);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(fake.uri("")).routeId("r")
                        .process(e -> {
                            long uid = e.getMessage().getHeader(Imap4Constants.UID, Long.class);
                            // never \Seen while it is routed
                            if (fake.server().withFlag("\\Seen").contains(uid)) {
                                throw new AssertionError("UID " + uid + " is \\Seen while it is routed");
                            }
                            if (uid == 3) {
                                throw new IllegalStateException("fails");
                            }
                        })
                        .to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(4);
        out.assertIsSatisfied(20000);
        assertEquals(List.of(1L, 2L, 4L, 5L),
                out.getReceivedExchanges().stream().map(e -> e.getMessage().getHeader(Imap4Constants.UID)).toList());
        awaitSeen(4);
        context.getRouteController().stopRoute("r");
        assertEquals(Set.of(1L, 2L, 4L, 5L), fake.server().withFlag("\\Seen"), fake.server().commands().toString());
    }

    /**
     * The server goes away (as a crash of the consumer's process would leave things) after every
     * exchange of the batch completed and before their outcomes were flushed: no message is \Seen,
     * so each one is delivered again by the next consumer, and none is seen but unprocessed.
     */
    @Test
    void aCrashBetweenCompletionAndFlushLeavesTheMessagesUnseen() throws Exception {
        addMessages(10);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("")).routeId("r")
                        .to("mock:out")
                        .process(e -> {
                            if (e.getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class)) {
                                // the last exchange of the batch: the nine before it completed. The
                                // server goes away: a STORE that still reaches it is not carried out
                                fake.server().dropConnectionOn("UID STORE");
                                fake.server().close();
                            }
                        });
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(10);
        out.assertIsSatisfied(20000);
        context.stop();

        assertEquals(LongStream.rangeClosed(1, 10).boxed().toList(),
                out.getReceivedExchanges().stream().map(e -> e.getMessage().getHeader(Imap4Constants.UID)).toList());
        assertEquals(Set.of(), fake.server().withFlag("\\Seen"),
                "completed but not flushed: unseen, so delivered again: " + fake.server().commands());
        assertTrue(fake.server().count("UID STORE") <= 1, fake.server().commands().toString());
    }
}
