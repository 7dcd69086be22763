package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Incremental mode and UIDVALIDITY against a server that answers UID n:* like Dovecot. */
class Imap4ConsumerIncrementalTest extends CamelTestSupport {

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS");

    // without UIDNEXT every poll searches (an empty one is skipped only on a UIDNEXT): the search keys
    // show the watermark; Imap4ConsumerUidNextTest covers the polls that skip the search
    private MockEndpoint route(String options) throws Exception {
        fake.server().withoutUidNext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(fake.uri(options)).routeId("r").to("mock:out");
            }
        });
        return getMockEndpoint("mock:out");
    }

    private static List<Object> uids(MockEndpoint out) {
        return out.getReceivedExchanges().stream().map(e -> e.getMessage().getHeader(Imap4Constants.UID)).toList();
    }

    private void awaitSearches(String fragment, int atLeast) throws InterruptedException {
        long end = System.currentTimeMillis() + 5000;
        while (fake.server().commands().stream().filter(c -> c.startsWith("UID SEARCH") && c.contains(fragment)).count() < atLeast
                && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertTrue(fake.server().commands().stream().filter(c -> c.contains(fragment)).count() >= atLeast,
                "expected searches with '" + fragment + "' in " + fake.server().commands());
    }

    @Test
    void dropsTheHighestUidThatDovecotReturnsForAnEmptyNStarRange() throws Exception {
        for (int i = 0; i < 3; i++) {
            fake.server().add(TestMailbox.message("m" + i, "x"));
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
        fake.server().add(TestMailbox.message("new", "x"));
        out.assertIsSatisfied(20000);
        awaitSearches("UID 5:*", 3);
        assertEquals(List.of(4L), uids(out));
    }

    /** The UID SEARCH commands that followed the first one containing {@code after}. */
    private List<String> searchesAfter(String after) {
        List<String> commands = fake.server().commands();
        int from = commands.indexOf(after);
        assertTrue(from >= 0, "no '" + after + "' in " + commands);
        return commands.subList(from + 1, commands.size()).stream().filter(c -> c.startsWith("UID SEARCH")).toList();
    }

    private void awaitSearchesAfter(String after, int n) throws InterruptedException {
        long end = System.currentTimeMillis() + 5000;
        while (searchesAfter(after).size() < n && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
    }

    @Test
    void theWatermarkIsExactFromTheSecondPollOn() throws Exception {
        for (int i = 0; i < 3; i++) {
            fake.server().add(TestMailbox.message("m" + i, "x"));
        }
        MockEndpoint out = route("incremental=true&onSuccess=NONE");
        out.expectedMessageCount(3);
        out.assertIsSatisfied(20000);
        String firstFetch = "UID FETCH 1:3 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])";
        awaitSearchesAfter(firstFetch, 2);
        // the poll right after the one that consumed 1..3 asks only for what came after them
        assertEquals("UID SEARCH UNSEEN UNDELETED UID 4:*", searchesAfter(firstFetch).get(0), fake.server().commands().toString());

        out.reset();
        out.expectedMessageCount(10);
        synchronized (fake.server()) { // all ten at once: the server answers no search meanwhile
            for (int i = 0; i < 10; i++) {
                fake.server().add(TestMailbox.message("n" + i, "x"));
            }
        }
        out.assertIsSatisfied(20000);
        String secondFetch = "UID FETCH 4:13 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])";
        awaitSearchesAfter(secondFetch, 2);
        // everything up to 13 was consumed: the next search starts past it, not from 4
        assertEquals("UID SEARCH UNSEEN UNDELETED UID 14:*", searchesAfter(secondFetch).get(0), fake.server().commands().toString());
        assertTrue(searchesAfter(secondFetch).stream().allMatch(c -> c.endsWith("UID 14:*")), fake.server().commands().toString());
    }

    @Test
    void aChangedUidValidityForgetsTheIncrementalStateSoNothingIsSkipped() throws Exception {
        fake.server().add(TestMailbox.message("old 1", "x"));
        fake.server().add(TestMailbox.message("old 2", "x"));
        MockEndpoint out = route("incremental=true&onSuccess=NONE");
        out.expectedMessageCount(2);
        out.assertIsSatisfied(20000);
        awaitSearches("UID 3:*", 2);

        // the folder is deleted and recreated: the new messages reuse UIDs 1 and 2
        out.reset();
        out.expectedBodiesReceivedInAnyOrder(TestMailbox.message("new 1", "x"), TestMailbox.message("new 2", "x"));
        fake.server().recreate(2000);
        fake.server().add(TestMailbox.message("new 1", "x"));
        fake.server().add(TestMailbox.message("new 2", "x"));
        out.assertIsSatisfied(20000);
        for (Exchange e : out.getReceivedExchanges()) {
            assertEquals(2000L, e.getMessage().getHeader(Imap4Constants.UID_VALIDITY));
        }
        assertEquals(List.of(1L, 2L), uids(out));
    }

    @Test
    void aChangedUidValidityAlsoResetsWhatTheDefaultModeRemembers() throws Exception {
        fake.server().add(TestMailbox.message("old", "x"));
        MockEndpoint out = route("onSuccess=NONE");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(20000);
        awaitSearches("UNSEEN", 3);

        out.reset();
        out.expectedBodiesReceived(TestMailbox.message("new", "x"));
        fake.server().recreate(3000);
        fake.server().add(TestMailbox.message("new", "x"));
        out.assertIsSatisfied(20000);
    }

    @Test
    void aFailedMessageIsRetriedAndTheWatermarkDoesNotSkipIt() throws Exception {
        fake.server().withoutUidNext();
        fake.server().add(TestMailbox.message("fails once", "x"));
        fake.server().add(TestMailbox.message("fine", "x"));
        AtomicBoolean failed = new AtomicBoolean();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(fake.uri("incremental=true&onSuccess=NONE")).routeId("r")
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
        fake.restart("UIDPLUS CONDSTORE");
        fake.server().add(TestMailbox.message("modseq", "x"));
        MockEndpoint out = route("");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(20000);
        assertTrue(out.getReceivedExchanges().get(0).getMessage().getHeader(Imap4Constants.MOD_SEQ, Long.class) > 0);
        assertTrue(fake.server().commands().stream().anyMatch(c -> c.startsWith("UID FETCH") && c.contains("MODSEQ")));
    }
}
