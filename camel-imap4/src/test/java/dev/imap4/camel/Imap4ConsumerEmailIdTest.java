package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** idempotentKey=EMAILID (RFC 8474 OBJECTID): a message moved away and back is not processed twice. */
@Timeout(60)
class Imap4ConsumerEmailIdTest extends CamelTestSupport {

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS OBJECTID");

    private final IdempotentRepository repo = MemoryIdempotentRepository.memoryIdempotentRepository();

    private MockEndpoint route(String options) throws Exception {
        context.getRegistry().bind("repo", repo);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("idempotentRepository=#repo&onSuccess=NONE&" + options)).routeId("r").to("mock:out");
            }
        });
        return getMockEndpoint("mock:out");
    }

    @Test
    void aMessageMovedBackUnderANewUidIsSkippedByItsEmailId() throws Exception {
        String raw = TestMailbox.message("travelling", "x");
        fake.server().add(raw);
        MockEndpoint out = route("idempotentKey=EMAILID");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(10000);
        String emailId = out.getReceivedExchanges().get(0).getMessage().getHeader(Imap4Constants.EMAIL_ID, String.class);
        assertTrue(emailId != null && emailId.startsWith("M"), "header " + emailId);
        assertTrue(repo.contains("EMAILID/" + emailId));

        // moved to another folder and back: a new UID, the same EMAILID (the mock is reset before the
        // folder changes, or a poll in between could deliver before the reset and be forgotten)
        out.reset();
        out.expectedMessageCount(1);
        out.expectedHeaderReceived("Subject", "fresh");
        fake.server().expunge(1);
        long again = fake.server().add(raw);
        fake.server().add(TestMailbox.message("fresh", "y"));
        out.assertIsSatisfied(10000);
        Thread.sleep(300);
        assertEquals(1, out.getReceivedCounter(), "UID " + again + " was not delivered again");
        assertTrue(fake.server().commands().stream().anyMatch(c -> c.startsWith("UID FETCH") && c.contains("EMAILID THREADID")),
                fake.server().commands().toString());
    }

    @Test
    void keyedByUidTheSameMessageIsDeliveredAgain() throws Exception {
        String raw = TestMailbox.message("travelling", "x");
        fake.server().add(raw);
        MockEndpoint out = route("idempotentKey=UID");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(10000);
        out.reset();
        out.expectedMessageCount(1);
        fake.server().expunge(1);
        fake.server().add(raw);
        out.assertIsSatisfied(10000);
        assertEquals(List.of(2L), out.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(Imap4Constants.UID)).toList());
    }

    @Test
    void withoutObjectIdThePollFailsWithAReason() throws Exception {
        fake.restart("UIDPLUS").add(TestMailbox.message("m", "x"));
        MockEndpoint out = route("idempotentKey=EMAILID&bridgeErrorHandler=false");
        Thread.sleep(500);
        assertEquals(0, out.getReceivedCounter());
        Imap4Consumer consumer = (Imap4Consumer) context.getRoute("r").getConsumer();
        assertTrue(consumer.getErrorCounter() > 0, "polls fail");
        assertEquals(0, fake.server().count("UID FETCH"));
    }
}
