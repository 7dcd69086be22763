package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What goes over the wire: fetch batches, maxMessagesPerPoll, the cost of an empty poll, EXAMINE, servers without MOVE or UIDPLUS. */
class Imap4ConsumerBatchTest extends CamelTestSupport {

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS");

    private MockEndpoint route(String options) throws Exception {
        String uri = fake.uri(options);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("r").to("mock:out");
            }
        });
        return getMockEndpoint("mock:out");
    }

    private void addMessages(int n) {
        for (int i = 0; i < n; i++) {
            fake.server().add(TestMailbox.message("m" + i, "x"));
        }
    }

    private static List<Object> uids(MockEndpoint out) {
        return out.getReceivedExchanges().stream().map(e -> e.getMessage().getHeader(Imap4Constants.UID)).toList();
    }

    @Test
    void fetchesInBatchesOfFetchBatchSizeAndDeliversInUidOrderAsOneBatch() throws Exception {
        addMessages(10);
        MockEndpoint out = route("fetchBatchSize=3");
        out.expectedMessageCount(10);
        out.assertIsSatisfied(5000);
        context.getRouteController().stopRoute("r");

        assertEquals(4, fake.server().count("UID FETCH"), "10 messages in batches of 3: " + fake.server().commands());
        assertTrue(fake.server().commands().contains("UID FETCH 1:3 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])"),
                "BODY.PEEK, so fetching never sets \\Seen: " + fake.server().commands());
        assertEquals(LongStream.rangeClosed(1, 10).boxed().toList(), uids(out));
        List<Exchange> got = out.getReceivedExchanges();
        for (int i = 0; i < 10; i++) {
            assertEquals(i, got.get(i).getProperty(ExchangePropertyKey.BATCH_INDEX));
            assertEquals(10, got.get(i).getProperty(ExchangePropertyKey.BATCH_SIZE));
            assertEquals(i == 9, got.get(i).getProperty(ExchangePropertyKey.BATCH_COMPLETE));
        }
        List<String> commands = fake.server().commands();
        assertEquals(4, fake.server().count("UID STORE"), "\\Seen set once per fetch batch: " + commands);
        assertTrue(commands.contains("UID STORE 1:3 +FLAGS.SILENT (\\Seen)"), commands.toString());
        assertTrue(commands.indexOf("UID STORE 1:3 +FLAGS.SILENT (\\Seen)") > commands.indexOf(
                "UID FETCH 1:3 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])"), "after the fetch, never before");
    }

    @Test
    void maxMessagesPerPollLimitsEachPoll() throws Exception {
        addMessages(10);
        MockEndpoint out = route("maxMessagesPerPoll=4&fetchBatchSize=3");
        out.expectedMessageCount(10);
        out.assertIsSatisfied(5000);
        context.getRouteController().stopRoute("r");

        assertEquals(LongStream.rangeClosed(1, 10).boxed().toList(), uids(out));
        assertEquals(4, out.getReceivedExchanges().get(0).getProperty(ExchangePropertyKey.BATCH_SIZE));
        assertEquals(true, out.getReceivedExchanges().get(3).getProperty(ExchangePropertyKey.BATCH_COMPLETE));
        assertEquals(2, out.getReceivedExchanges().get(8).getProperty(ExchangePropertyKey.BATCH_SIZE));
        // polls of 4, 4 and 2 messages: (3 + 1) + (3 + 1) + 2
        assertEquals(5, fake.server().count("UID FETCH"), fake.server().commands().toString());
    }

    @Test
    void anEmptyPollIsOneSelectAndOneSearchWhateverTheFolderSize() throws Exception {
        addMessages(50);
        MockEndpoint out = route("");
        out.expectedMessageCount(50);
        out.assertIsSatisfied(5000);
        Thread.sleep(300);
        context.getRouteController().stopRoute("r");

        List<String> commands = fake.server().commands();
        int lastFetch = 0;
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).startsWith("UID FETCH")) {
                lastFetch = i;
            }
        }
        int firstEmptyPoll = lastFetch + 1;
        List<String> idle = commands.subList(firstEmptyPoll, commands.size()).stream()
                .filter(c -> !c.startsWith("UID STORE") && !c.equals("LOGOUT")).toList();
        long polls = idle.stream().filter(c -> c.startsWith("SELECT")).count();
        assertTrue(polls >= 3, "several empty polls ran: " + idle);
        assertEquals(2 * polls, idle.size(), "only SELECT + UID SEARCH per empty poll: " + idle);
        assertEquals(1, fake.server().count("LOGIN"), "one connection kept across polls");
    }

    @Test
    void readOnlyExaminesAndChangesNothing() throws Exception {
        addMessages(2);
        MockEndpoint out = route("readOnly=true&onSuccess=DELETE&expungeMode=IMMEDIATE");
        out.expectedMessageCount(2);
        out.assertIsSatisfied(5000);
        Thread.sleep(300);
        context.getRouteController().stopRoute("r");

        assertEquals(2, out.getReceivedCounter(), "still delivered only once");
        assertEquals(0, fake.server().count("SELECT"));
        assertTrue(fake.server().count("EXAMINE") >= 2);
        assertTrue(fake.server().commands().stream().noneMatch(c -> c.startsWith("UID STORE") || c.startsWith("UID EXPUNGE")
                || c.startsWith("UID COPY") || c.startsWith("UID MOVE")), fake.server().commands().toString());
        assertEquals(List.of(1L, 2L), fake.server().uids("INBOX"));
    }

    @Test
    void withoutMoveAMoveIsCopyDeletedAndOneBatchExpunge() throws Exception {
        addMessages(3);
        MockEndpoint out = route("onSuccess=MOVE&moveTo=Done&expungeMode=BATCH&createMissingFolders=true");
        out.expectedMessageCount(3);
        out.assertIsSatisfied(5000);
        long end = System.currentTimeMillis() + 5000;
        while (!fake.server().uids("INBOX").isEmpty() && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        context.getRouteController().stopRoute("r");
        assertEquals(List.of(), fake.server().uids("INBOX"));
        assertEquals(3, fake.server().uids("Done").size());
        assertEquals(1, fake.server().count("CREATE"), "created after NO [TRYCREATE]");
        assertEquals(1, fake.server().count("UID STORE"), "one batch, one \\Deleted STORE: " + fake.server().commands());
        assertEquals(1, fake.server().count("UID EXPUNGE"), "BATCH: one expunge for the poll: " + fake.server().commands());
    }

    @Test
    void withoutUidplusDeletedMessagesAreLeftFlaggedNeverPlainExpunged() throws Exception {
        fake.restart("");
        addMessages(1);
        MockEndpoint out = route("onSuccess=DELETE&expungeMode=IMMEDIATE");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        Thread.sleep(200);
        context.getRouteController().stopRoute("r");
        assertTrue(fake.server().flags(1).contains("\\Deleted"));
        assertTrue(fake.server().commands().stream().noneMatch(c -> c.contains("EXPUNGE")), fake.server().commands().toString());
    }

    @Test
    void withIdleButAServerWithoutItTheConsumerPolls() throws Exception {
        MockEndpoint out = route("idle=true");
        Thread.sleep(200);
        addMessages(1);
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        assertTrue(fake.server().commands().stream().noneMatch(c -> c.startsWith("IDLE")));
    }
}
