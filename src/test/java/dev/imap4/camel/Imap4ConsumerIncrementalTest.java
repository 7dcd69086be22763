package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Incremental mode and UIDVALIDITY against a server that answers UID n:* like Dovecot. */
class Imap4ConsumerIncrementalTest extends CamelTestSupport {

    private FakeImapServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new FakeImapServer("UIDPLUS");
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    private String uri(String options) {
        return "imap4:127.0.0.1:" + server.port() + "?security=PLAIN&username=joe&password=secret"
                + "&initialDelay=0&delay=50" + (options.isEmpty() ? "" : "&" + options);
    }

    private MockEndpoint route(String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(uri(options)).routeId("r").to("mock:out");
            }
        });
        return getMockEndpoint("mock:out");
    }

    private static List<Object> uids(MockEndpoint out) {
        return out.getReceivedExchanges().stream().map(e -> e.getMessage().getHeader(Imap4Constants.UID)).toList();
    }

    private void awaitSearches(String fragment, int atLeast) throws InterruptedException {
        long end = System.currentTimeMillis() + 5000;
        while (server.commands().stream().filter(c -> c.startsWith("UID SEARCH") && c.contains(fragment)).count() < atLeast
                && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertTrue(server.commands().stream().filter(c -> c.contains(fragment)).count() >= atLeast,
                "expected searches with '" + fragment + "' in " + server.commands());
    }

    @Test
    void dropsTheHighestUidThatDovecotReturnsForAnEmptyNStarRange() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.add(TestMailbox.message("m" + i, "x"));
        }
        MockEndpoint out = route("incremental=true&onSuccess=NONE");
        out.expectedMessageCount(3);
        out.assertIsSatisfied(20000);

        // the server answers "UID SEARCH ... UID 4:*" with 3, the highest UID; it must not come again
        awaitSearches("UID 4:*", 5);
        assertEquals(List.of(1L, 2L, 3L), uids(out));

        // expectations first: the consumer may deliver the new message at once
        out.reset();
        out.expectedMessageCount(1);
        server.add(TestMailbox.message("new", "x"));
        out.assertIsSatisfied(20000);
        awaitSearches("UID 5:*", 3);
        assertEquals(List.of(4L), uids(out));
    }

    @Test
    void aChangedUidValidityForgetsTheIncrementalStateSoNothingIsSkipped() throws Exception {
        server.add(TestMailbox.message("old 1", "x"));
        server.add(TestMailbox.message("old 2", "x"));
        MockEndpoint out = route("incremental=true&onSuccess=NONE");
        out.expectedMessageCount(2);
        out.assertIsSatisfied(20000);
        awaitSearches("UID 3:*", 2);

        // the folder is deleted and recreated: the new messages reuse UIDs 1 and 2
        out.reset();
        out.expectedBodiesReceivedInAnyOrder(TestMailbox.message("new 1", "x"), TestMailbox.message("new 2", "x"));
        server.recreate(2000);
        server.add(TestMailbox.message("new 1", "x"));
        server.add(TestMailbox.message("new 2", "x"));
        out.assertIsSatisfied(20000);
        for (Exchange e : out.getReceivedExchanges()) {
            assertEquals(2000L, e.getMessage().getHeader(Imap4Constants.UID_VALIDITY));
        }
        assertEquals(List.of(1L, 2L), uids(out));
    }

    @Test
    void aChangedUidValidityAlsoResetsWhatTheDefaultModeRemembers() throws Exception {
        server.add(TestMailbox.message("old", "x"));
        MockEndpoint out = route("onSuccess=NONE");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(20000);
        awaitSearches("UNSEEN", 3);

        out.reset();
        out.expectedBodiesReceived(TestMailbox.message("new", "x"));
        server.recreate(3000);
        server.add(TestMailbox.message("new", "x"));
        out.assertIsSatisfied(20000);
    }

    @Test
    void aFailedMessageIsRetriedAndTheWatermarkDoesNotSkipIt() throws Exception {
        server.add(TestMailbox.message("fails once", "x"));
        server.add(TestMailbox.message("fine", "x"));
        AtomicBoolean failed = new AtomicBoolean();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(uri("incremental=true&onSuccess=NONE")).routeId("r")
                        .to("mock:out")
                        .process(e -> {
                            if (e.getMessage().getHeader(Imap4Constants.UID, Long.class) == 1L && failed.compareAndSet(false, true)) {
                                throw new IllegalStateException("first attempt fails");
                            }
                        });
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(3);
        out.assertIsSatisfied(20000);
        awaitSearches("UID 3:*", 3);
        assertEquals(List.of(1L, 2L, 1L), uids(out), "UID 1 again, UID 2 only once");
    }

    @Test
    void setsModSeqUnderCondstore() throws Exception {
        server.close();
        server = new FakeImapServer("UIDPLUS CONDSTORE");
        server.add(TestMailbox.message("modseq", "x"));
        MockEndpoint out = route("");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(20000);
        assertTrue(out.getReceivedExchanges().get(0).getMessage().getHeader(Imap4Constants.MOD_SEQ, Long.class) > 0);
        assertTrue(server.commands().stream().anyMatch(c -> c.startsWith("UID FETCH") && c.contains("MODSEQ")));
    }
}
