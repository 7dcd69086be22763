package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** deliverVanished: QRESYNC resynchronisation at each SELECT, against a server that reports VANISHED (EARLIER). */
@Timeout(60)
class Imap4ConsumerVanishedTest extends CamelTestSupport {

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS ENABLE QRESYNC");

    private final AtomicInteger failVanished = new AtomicInteger();

    private void route(String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(fake.uri(options)).routeId("r")
                        .choice().when(header(Imap4Constants.VANISHED).isNotNull())
                            .process(e -> {
                                if (failVanished.getAndDecrement() > 0) {
                                    throw new IllegalStateException("mirror down");
                                }
                            })
                            .to("mock:vanished")
                        .otherwise().to("mock:out");
            }
        });
    }

    @Test
    void reportsWhatAnotherClientExpungedAtTheNextPoll() throws Exception {
        for (int i = 1; i <= 3; i++) {
            fake.server().add(TestMailbox.message("m" + i, "x"));
        }
        MockEndpoint out = getMockEndpoint("mock:out");
        MockEndpoint vanished = getMockEndpoint("mock:vanished");
        out.expectedMessageCount(3);
        route("deliverVanished=true&onSuccess=NONE&incremental=true");
        out.assertIsSatisfied(10000);

        vanished.expectedMessageCount(1);
        fake.server().expunge(2);
        vanished.assertIsSatisfied(10000);
        var m = vanished.getReceivedExchanges().get(0).getMessage();
        assertEquals("2", m.getHeader(Imap4Constants.VANISHED));
        assertEquals("INBOX", m.getHeader(Imap4Constants.FOLDER));
        assertEquals(1000L, m.getHeader(Imap4Constants.UID_VALIDITY));
        assertNull(m.getHeader(Imap4Constants.UID));
        assertNull(m.getBody());
        Thread.sleep(300);
        assertEquals(1, vanished.getReceivedCounter(), "reported once");
        assertEquals(1, fake.server().count("ENABLE QRESYNC"), "ENABLE once on the kept connection");
        assertTrue(fake.server().commands().stream().anyMatch(c -> c.matches("SELECT INBOX \\(QRESYNC \\(1000 \\d+\\)\\)")),
                fake.server().commands().toString());
    }

    @Test
    void reportsWhatWasExpungedWhileTheConsumerWasStoppedFromTheSavedState() throws Exception {
        MemoryStateRepository repo = new MemoryStateRepository();
        context.getRegistry().bind("state", repo);
        for (int i = 1; i <= 4; i++) {
            fake.server().add(TestMailbox.message("m" + i, "x"));
        }
        MockEndpoint out = getMockEndpoint("mock:out");
        MockEndpoint vanished = getMockEndpoint("mock:vanished");
        out.expectedMessageCount(4);
        route("stateRepository=#state&deliverVanished=true&onSuccess=NONE&incremental=true");
        out.assertIsSatisfied(10000);
        context.getRouteController().stopRoute("r");
        assertTrue(repo.getState(Imap4StateStore.key("127.0.0.1:" + fake.server().port(), "joe", "INBOX"))
                .contains(";modseq:"), "the mark is saved");

        fake.server().expunge(1);
        fake.server().expunge(3);
        out.reset();
        vanished.expectedMessageCount(1);
        context.getRouteController().startRoute("r");
        vanished.assertIsSatisfied(10000);
        assertEquals("1,3", vanished.getReceivedExchanges().get(0).getMessage().getHeader(Imap4Constants.VANISHED));
        assertEquals(0, out.getReceivedCounter(), "nothing delivered again");
    }

    @Test
    void aFailedReportIsSentAgainAtTheNextPoll() throws Exception {
        fake.server().add(TestMailbox.message("m1", "x"));
        fake.server().add(TestMailbox.message("m2", "x"));
        MockEndpoint out = getMockEndpoint("mock:out");
        MockEndpoint vanished = getMockEndpoint("mock:vanished");
        out.expectedMessageCount(2);
        route("deliverVanished=true&onSuccess=NONE&incremental=true");
        out.assertIsSatisfied(10000);

        failVanished.set(1);
        vanished.expectedMessageCount(1);
        fake.server().expunge(1);
        vanished.assertIsSatisfied(10000);
        Thread.sleep(300);
        assertEquals(List.of("1"), vanished.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(Imap4Constants.VANISHED, String.class)).toList());
        assertEquals(-1, Math.min(failVanished.get(), -1), "the first report failed");
    }

    @Test
    void withoutQresyncNothingIsReportedAndThePollsGoOn() throws Exception {
        FakeImapServer plain = fake.restart("UIDPLUS");
        plain.add(TestMailbox.message("m1", "x"));
        plain.add(TestMailbox.message("m2", "x"));
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(2);
        route("deliverVanished=true&onSuccess=NONE&incremental=true");
        out.assertIsSatisfied(10000);
        plain.expunge(1);
        plain.add(TestMailbox.message("m3", "x"));
        out.reset();
        out.expectedMessageCount(1);
        out.assertIsSatisfied(10000);
        assertEquals(0, getMockEndpoint("mock:vanished").getReceivedCounter());
        assertEquals(0, plain.count("ENABLE"));
    }
}
