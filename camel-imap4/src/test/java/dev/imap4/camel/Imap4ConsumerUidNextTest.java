package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An incremental poll whose SELECT reports a UIDNEXT at most one above the watermark sends no
 * search (no message above the watermark exists); mail is still found when UIDNEXT moves, after a
 * UIDVALIDITY change that sets UIDNEXT below the old watermark, and, on a server whose UIDNEXT lags,
 * by the search that runs at least once per interval.
 */
class Imap4ConsumerUidNextTest extends CamelTestSupport {

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS");

    private MockEndpoint route(String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri(options)).routeId("r").to("mock:out");
            }
        });
        return getMockEndpoint("mock:out");
    }

    private List<String> commandsAfter(String command) {
        List<String> all = fake.server().commands();
        int at = all.lastIndexOf(command);
        assertTrue(at >= 0, "no '" + command + "' in " + all);
        return all.subList(at + 1, all.size());
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(done.getAsBoolean(), what);
    }

    private static final String FETCH_ITEMS = " (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])";

    @Test
    void emptyPollsSendOnlySelectUntilUidNextMoves() throws Exception {
        for (int i = 0; i < 3; i++) {
            fake.server().add(TestMailbox.message("m" + i, "x"));
        }
        MockEndpoint out = route("incremental=true&onSuccess=NONE");
        out.expectedMessageCount(3);
        out.assertIsSatisfied(20000);
        String first = "UID FETCH 1:3" + FETCH_ITEMS;
        await("five more polls", () -> commandsAfter(first).stream().filter("SELECT INBOX"::equals).count() >= 5);
        assertEquals(List.of(), commandsAfter(first).stream().filter(c -> !c.equals("SELECT INBOX")).toList(),
                "UIDNEXT 4 and everything up to UID 3 consumed: nothing but SELECT");

        out.reset();
        out.expectedBodiesReceived(TestMailbox.message("new", "x"));
        fake.server().add(TestMailbox.message("new", "x"));
        out.assertIsSatisfied(20000);
        assertTrue(fake.server().commands().contains("UID SEARCH UNSEEN UNDELETED UID 4:*"),
                fake.server().commands().toString());
    }

    @Test
    void aRecreatedFolderIsSearchedThoughItsUidNextIsBelowTheOldWatermark() throws Exception {
        for (int i = 0; i < 10; i++) {
            fake.server().add(TestMailbox.message("old" + i, "x"));
        }
        MockEndpoint out = route("incremental=true&onSuccess=NONE");
        out.expectedMessageCount(10);
        out.assertIsSatisfied(20000);
        String first = "UID FETCH 1:10" + FETCH_ITEMS;
        await("polls that skip the search", () -> commandsAfter(first).size() >= 3);

        // UIDVALIDITY 2000, UIDs 1..3, UIDNEXT 4: below the old watermark 10, which no longer counts
        out.reset();
        out.expectedBodiesReceived(TestMailbox.message("new0", "x"), TestMailbox.message("new1", "x"),
                TestMailbox.message("new2", "x"));
        synchronized (fake.server()) {
            fake.server().recreate(2000);
            for (int i = 0; i < 3; i++) {
                fake.server().add(TestMailbox.message("new" + i, "x"));
            }
        }
        out.assertIsSatisfied(20000);
    }

    @Test
    void aLaggingUidNextDelaysNewMailByAtMostTheSearchInterval() throws Exception {
        for (int i = 0; i < 3; i++) {
            fake.server().add(TestMailbox.message("m" + i, "x"));
        }
        fake.server().withUidNextFrozenAt(4);
        MockEndpoint out = route("incremental=true&onSuccess=NONE");
        out.expectedMessageCount(3);
        out.assertIsSatisfied(20000);
        ((Imap4Consumer) context.getRoute("r").getConsumer()).searchAtLeastEvery(Duration.ofMillis(1500));
        long searchesBefore = fake.server().count("UID SEARCH");

        // the server keeps saying UIDNEXT 4: only the search the interval forces finds UID 4
        out.reset();
        out.expectedBodiesReceived(TestMailbox.message("late", "x"));
        long added = System.nanoTime();
        fake.server().add(TestMailbox.message("late", "x"));
        out.assertIsSatisfied(20000);
        long searches = fake.server().count("UID SEARCH") - searchesBefore;
        assertTrue(searches >= 1 && searches <= 2 + (System.nanoTime() - added) / Duration.ofMillis(1500).toNanos(),
                "one search per interval, not one per poll (a poll every 50 ms): " + searches);

        // UIDNEXT hid a message: from now on every poll searches
        long after = fake.server().count("UID SEARCH");
        Thread.sleep(1200); // under a second of the 1.5 s interval: only per-poll searches count
        assertTrue(fake.server().count("UID SEARCH") >= after + 5, fake.server().commands().toString());
    }

    @Test
    void withoutIncrementalEveryPollSearches() throws Exception {
        fake.server().add(TestMailbox.message("m", "x"));
        MockEndpoint out = route("onSuccess=NONE&searchCriteria=ALL");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(20000);
        String first = "UID FETCH 1" + FETCH_ITEMS;
        await("three more polls", () -> commandsAfter(first).stream().filter(c -> c.startsWith("UID SEARCH")).count() >= 3);
        assertTrue(commandsAfter(first).stream().filter(c -> c.startsWith("UID SEARCH")).allMatch("UID SEARCH ALL UNDELETED"::equals),
                fake.server().commands().toString());
    }
}
