package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** deliverFlagChanges: the FETCH responses of each QRESYNC resynchronisation routed as one exchange per message. */
@Timeout(60)
class Imap4ConsumerFlagChangesTest extends CamelTestSupport {

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS ENABLE CONDSTORE QRESYNC");

    private final AtomicInteger failFlags = new AtomicInteger();

    private void route(String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(fake.uri(options)).routeId("r")
                        .choice().when(header(Imap4Constants.FLAGS_CHANGED).isNotNull())
                            .process(e -> {
                                if (failFlags.getAndDecrement() > 0) {
                                    throw new IllegalStateException("mirror down");
                                }
                            })
                            .to("mock:flags")
                        .when(header(Imap4Constants.VANISHED).isNotNull()).to("mock:vanished")
                        .otherwise().to("mock:out");
            }
        });
    }

    private static String event(Exchange e) {
        return e.getMessage().getHeader(Imap4Constants.UID) + "=" + e.getMessage().getHeader(Imap4Constants.FLAGS);
    }

    private static List<String> events(MockEndpoint flags) {
        return flags.getReceivedExchanges().stream().map(Imap4ConsumerFlagChangesTest::event).toList();
    }

    @Test
    void reportsTheFlagsAnotherClientChangedButNotTheMessagesDeliveredAsNew() throws Exception {
        for (int i = 1; i <= 3; i++) {
            fake.server().add(TestMailbox.message("m" + i, "x"));
        }
        MockEndpoint out = getMockEndpoint("mock:out");
        MockEndpoint flags = getMockEndpoint("mock:flags");
        out.expectedMessageCount(3);
        route("deliverFlagChanges=true&onSuccess=NONE&incremental=true");
        out.assertIsSatisfied(10000);

        out.reset();
        out.expectedBodiesReceivedInAnyOrder();
        out.expectedMessageCount(1);
        flags.expectedMessageCount(1);
        synchronized (fake.server()) { // one poll sees both: the flags of 2, and m4, new
            fake.server().setFlags(2, "\\Flagged", "$Label1");
            fake.server().add(TestMailbox.message("m4", "x"));
        }
        flags.assertIsSatisfied(10000);
        out.assertIsSatisfied(10000);
        Thread.sleep(300);
        assertEquals(List.of("2=[\\Flagged, $Label1]"), events(flags), "m4, delivered as new, is no flag change");
        var m = flags.getReceivedExchanges().get(0).getMessage();
        assertEquals(Boolean.TRUE, m.getHeader(Imap4Constants.FLAGS_CHANGED));
        assertEquals("INBOX", m.getHeader(Imap4Constants.FOLDER));
        assertEquals(1000L, m.getHeader(Imap4Constants.UID_VALIDITY));
        assertTrue(m.getHeader(Imap4Constants.MOD_SEQ, Long.class) > 0);
        assertNull(m.getBody());
        assertEquals("m4", out.getReceivedExchanges().get(0).getMessage().getHeader("Subject"));
        assertTrue(fake.server().commands().stream().anyMatch(c -> c.matches("SELECT INBOX \\(QRESYNC \\(1000 \\d+\\)\\)")),
                fake.server().commands().toString());
    }

    @Test
    void theConsumersOwnSeenIsReportedAtTheNextPoll() throws Exception {
        fake.server().add(TestMailbox.message("m1", "x"));
        MockEndpoint out = getMockEndpoint("mock:out");
        MockEndpoint flags = getMockEndpoint("mock:flags");
        out.expectedMessageCount(1);
        flags.expectedMessageCount(1);
        route("deliverFlagChanges=true&onSuccess=SEEN");
        out.assertIsSatisfied(10000);
        flags.assertIsSatisfied(10000);
        Thread.sleep(300);
        assertEquals(List.of("1=[\\Seen]"), events(flags));
    }

    @Test
    void reportsWhatChangedWhileTheConsumerWasStoppedFromTheSavedState() throws Exception {
        MemoryStateRepository repo = new MemoryStateRepository();
        context.getRegistry().bind("state", repo);
        for (int i = 1; i <= 4; i++) {
            fake.server().add(TestMailbox.message("m" + i, "x"));
        }
        MockEndpoint out = getMockEndpoint("mock:out");
        MockEndpoint flags = getMockEndpoint("mock:flags");
        out.expectedMessageCount(4);
        route("stateRepository=#state&deliverFlagChanges=true&deliverVanished=true&onSuccess=NONE&incremental=true");
        out.assertIsSatisfied(10000);
        context.getRouteController().stopRoute("r");
        String key = Imap4StateStore.key("127.0.0.1:" + fake.server().port(), "joe", "INBOX");
        assertTrue(repo.getState(key).contains(";modseq:"), "the mark is saved");

        fake.server().setFlags(1, "\\Answered");
        fake.server().setFlags(3, "\\Seen", "\\Flagged");
        fake.server().expunge(4);
        out.reset();
        flags.expectedMessageCount(2);
        getMockEndpoint("mock:vanished").expectedMessageCount(1);
        context.getRouteController().startRoute("r");
        flags.assertIsSatisfied(10000);
        getMockEndpoint("mock:vanished").assertIsSatisfied(10000);
        Thread.sleep(300);
        assertEquals(List.of("1=[\\Answered]", "3=[\\Seen, \\Flagged]"), events(flags));
        assertEquals(0, out.getReceivedCounter(), "nothing delivered again");
        assertEquals(List.of(0, 1), flags.getReceivedExchanges().stream()
                .map(e -> e.getProperty(Exchange.BATCH_INDEX, Integer.class)).toList());
        assertEquals(Boolean.TRUE, flags.getReceivedExchanges().get(1).getProperty(Exchange.BATCH_COMPLETE));
    }

    @Test
    void aFailedReportComesAgainAtTheNextPollAndTheMarkWaitsForIt() throws Exception {
        MemoryStateRepository repo = new MemoryStateRepository();
        context.getRegistry().bind("state", repo);
        fake.server().add(TestMailbox.message("m1", "x"));
        fake.server().add(TestMailbox.message("m2", "x"));
        MockEndpoint out = getMockEndpoint("mock:out");
        MockEndpoint flags = getMockEndpoint("mock:flags");
        out.expectedMessageCount(2);
        route("stateRepository=#state&deliverFlagChanges=true&onSuccess=NONE&incremental=true");
        out.assertIsSatisfied(10000);
        String key = Imap4StateStore.key("127.0.0.1:" + fake.server().port(), "joe", "INBOX");
        String before = repo.getState(key);

        failFlags.set(1); // the report of UID 1 fails once; the one of UID 2 goes through
        flags.expectedMessageCount(3);
        fake.server().setFlags(1, "\\Flagged");
        fake.server().setFlags(2, "\\Draft");
        flags.assertIsSatisfied(10000);
        Thread.sleep(300);
        // the first poll: 1 failed, 2 taken; the next: both again, taken; then nothing more
        assertEquals(List.of("2=[\\Draft]", "1=[\\Flagged]", "2=[\\Draft]"), events(flags));
        assertFalse(repo.getState(key).equals(before), "the mark moved once all were taken");
    }
}
