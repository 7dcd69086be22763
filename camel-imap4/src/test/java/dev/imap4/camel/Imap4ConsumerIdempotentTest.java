package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

/** The idempotent repository, keyed folder/UIDVALIDITY/UID. */
class Imap4ConsumerIdempotentTest extends Imap4ConsumerTestSupport {

    private final IdempotentRepository repo = MemoryIdempotentRepository.memoryIdempotentRepository();

    @Test
    void skipsMessagesAlreadyInTheRepositoryAndConfirmsTheOthersUnderFolderUidValidityUid() throws Exception {
        long done = mailbox.append("processed elsewhere");
        long fresh = mailbox.append("fresh");
        long validity = mailbox.uidValidity("INBOX");
        repo.add("INBOX/" + validity + "/" + done);
        context.getRegistry().bind("repo", repo);

        MockEndpoint out = consume("idempotentRepository=#repo");
        out.expectedMessageCount(1);
        out.expectedHeaderReceived("Subject", "fresh");
        out.assertIsSatisfied(5000);
        Thread.sleep(300);
        assertEquals(1, out.getReceivedCounter());
        assertTrue(repo.contains("INBOX/" + validity + "/" + fresh), "key is folder/UIDVALIDITY/UID");
        assertFalse(mailbox.seen("INBOX", done), "a skipped message is left alone");
    }

    @Test
    void aFailureRemovesTheKeySoTheMessageIsDeliveredAgain() throws Exception {
        long uid = mailbox.append("fails");
        long validity = mailbox.uidValidity("INBOX");
        context.getRegistry().bind("repo", repo);
        MockEndpoint out = consume(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(uri("idempotentRepository=#repo")).routeId("r").to("mock:out")
                        .throwException(new IllegalStateException("no"));
            }
        });
        out.expectedMinimumMessageCount(3);
        out.assertIsSatisfied(5000);
        context.getRouteController().stopRoute("r");
        assertFalse(repo.contains("INBOX/" + validity + "/" + uid));
    }

    @Test
    void notEagerTheKeyIsAddedOnlyOnceTheExchangeCompletedAndBeforeTheMessageIsMarkedSeen() throws Exception {
        long done = mailbox.append("processed elsewhere");
        long uid = mailbox.append("lazy");
        long validity = mailbox.uidValidity("INBOX");
        String key = "INBOX/" + validity + "/" + uid;
        repo.add("INBOX/" + validity + "/" + done);
        context.getRegistry().bind("repo", repo);
        List<Boolean> keyDuringRoute = new CopyOnWriteArrayList<>();
        MockEndpoint out = consume(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("idempotentRepository=#repo&idempotentEager=false")).routeId("r")
                        .process(e -> keyDuringRoute.add(repo.contains(key))).to("mock:out");
            }
        });
        out.expectedMessageCount(1);
        out.expectedHeaderReceived("Subject", "lazy");
        out.assertIsSatisfied(5000);
        awaitSeen(uid);
        assertEquals(List.of(false), keyDuringRoute, "no key while the route ran");
        assertTrue(repo.contains(key), "the key once the exchange completed");
        assertFalse(mailbox.seen("INBOX", done), "a message whose key exists is skipped and left alone");
    }

    @Test
    void notEagerAFailedExchangeAddsNoKeyAndTheMessageIsDeliveredAgain() throws Exception {
        long uid = mailbox.append("fails");
        long validity = mailbox.uidValidity("INBOX");
        context.getRegistry().bind("repo", repo);
        MockEndpoint out = consume(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(uri("idempotentRepository=#repo&idempotentEager=false")).routeId("r").to("mock:out")
                        .throwException(new IllegalStateException("no"));
            }
        });
        out.expectedMinimumMessageCount(3);
        out.assertIsSatisfied(5000);
        context.getRouteController().stopRoute("r");
        assertFalse(repo.contains("INBOX/" + validity + "/" + uid));
        assertFalse(mailbox.seen("INBOX", uid));
    }

    private void awaitSeen(long uid) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!mailbox.seen("INBOX", uid) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(mailbox.seen("INBOX", uid), "UID " + uid + " \\Seen");
    }

    @Test
    void withNoneAndARepositoryTheMessageIsNotDeliveredAgainAfterARestart() throws Exception {
        mailbox.append("once");
        context.getRegistry().bind("repo", repo);
        MockEndpoint out = consume("idempotentRepository=#repo&onSuccess=NONE");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        context.getRouteController().stopRoute("r");
        context.getRouteController().startRoute("r");
        Thread.sleep(400);
        assertEquals(1, out.getReceivedCounter(), "the in-memory state is gone, the repository is not");
    }
}
