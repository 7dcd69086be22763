package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** A failed exchange leaves its message as it was; FLAG parks it; MOVE takes a poison message out after N attempts. */
class Imap4ConsumerFailureTest extends Imap4ConsumerTestSupport {

    /** Route "r": every message goes to mock:out, and those with subject "bad" then fail. */
    private MockEndpoint consumeFailingBad(String options) throws Exception {
        return consume(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(uri(options)).routeId("r")
                        .to("mock:out")
                        .filter(header("Subject").isEqualTo("bad"))
                        .throwException(new IllegalStateException("cannot handle this one"));
            }
        });
    }

    private static long received(MockEndpoint out, String subject) {
        return out.getReceivedExchanges().stream().filter(e -> subject.equals(e.getMessage().getHeader("Subject"))).count();
    }

    @Test
    void aFailedMessageStaysExactlyAsItWasAndTheNextPollDeliversItAgain() throws Exception {
        long bad = mailbox.append("bad");
        long good = mailbox.append("good");
        MockEndpoint out = consumeFailingBad("");
        out.expectedMinimumMessageCount(4);
        out.assertIsSatisfied(5000);
        context.getRouteController().stopRoute("r");

        assertTrue(received(out, "bad") >= 3, "redelivered on every poll");
        assertEquals(1, received(out, "good"));
        Map<Long, List<String>> flags = mailbox.flags("INBOX");
        assertEquals(List.of(), flags.get(bad), "not seen, not deleted, not flagged");
        assertTrue(flags.get(good).contains("\\Seen"));
    }

    @Test
    void theMessageIsDeliveredAgainAfterAFailureAndMarkedSeenOnceItSucceeds() throws Exception {
        long uid = mailbox.append("flaky");
        AtomicInteger attempts = new AtomicInteger();
        MockEndpoint out = consume(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(uri("")).routeId("r").process(e -> {
                    if (attempts.incrementAndGet() < 3) {
                        throw new IllegalStateException("attempt " + attempts.get());
                    }
                }).to("mock:out");
            }
        });
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        assertEquals(3, attempts.get());
        Thread.sleep(300);
        assertEquals(3, attempts.get(), "no further delivery once it succeeded");
        assertTrue(mailbox.seen("INBOX", uid));
    }

    @Test
    void flagSetsTheFailureFlagAndParksTheMessage() throws Exception {
        long bad = mailbox.append("bad");
        long good = mailbox.append("good");
        MockEndpoint out = consumeFailingBad("onFailure=FLAG&failureFlag=$Broken");
        out.expectedMessageCount(2);
        out.assertIsSatisfied(5000);
        Thread.sleep(400);
        assertEquals(1, received(out, "bad"), "a flagged message is left out of the search");
        Map<Long, List<String>> flags = mailbox.flags("INBOX");
        assertEquals(List.of("$Broken"), flags.get(bad), "flagged, still unseen");
        assertTrue(flags.get(good).contains("\\Seen"));
    }

    @Test
    void moveTakesAPoisonMessageToTheErrorFolderAfterMaxFailedAttempts() throws Exception {
        mailbox.append("bad");
        mailbox.append("good");
        MockEndpoint out = consumeFailingBad("onFailure=MOVE&errorFolder=Poison&maxFailedAttempts=3&createMissingFolders=true");
        out.expectedMessageCount(4);
        out.assertIsSatisfied(5000);
        long end = System.currentTimeMillis() + 5000;
        while (!mailbox.subjects("Poison").equals(List.of("bad")) && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        assertEquals(List.of("bad"), mailbox.subjects("Poison"));
        assertEquals(List.of("good"), mailbox.subjects("INBOX"));
        Thread.sleep(300);
        assertEquals(3, received(out, "bad"), "exactly maxFailedAttempts deliveries");
        assertEquals(1, received(out, "good"));
    }
}
