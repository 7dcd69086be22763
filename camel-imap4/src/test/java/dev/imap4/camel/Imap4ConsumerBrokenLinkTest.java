package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.ImapProtocolException;
import dev.imap4.testing.Fault;
import dev.imap4.testing.Fault.Direction;
import dev.imap4.testing.FaultProxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ExceptionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenarios 2 and 3 of docs/reliability.md, on GreenMail through a {@link FaultProxy}: a server
 * that stops answering in the middle of a FETCH, and a FETCH response that arrives corrupted or
 * cut short. A lost connection fails the poll and the next poll recovers on a new one; a corrupted
 * response (a protocol error) is narrowed down within the poll on a new connection, where the
 * message parses again and is delivered, not parked. Every message completes exactly once (no
 * idempotent repository) and ends \Seen.
 */
@Timeout(120)
class Imap4ConsumerBrokenLinkTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    private final List<Exception> pollErrors = new CopyOnWriteArrayList<>();
    private final DefaultCamelContext context = new DefaultCamelContext();
    private FaultProxy proxy;

    @AfterEach
    void stop() throws Exception {
        context.close();
        proxy.close();
    }

    private Imap4Consumer start(MailCensus census, IntFunction<Fault> plan, String options) throws Exception {
        proxy = FaultProxy.start("127.0.0.1", MAIL.getImap().getPort(), plan);
        context.getRegistry().bind("errors", (ExceptionHandler) new ExceptionHandler() {
            @Override
            public void handleException(Throwable e) {
                pollErrors.add((Exception) e);
            }

            @Override
            public void handleException(String message, Throwable e) {
                pollErrors.add((Exception) e);
            }

            @Override
            public void handleException(String message, org.apache.camel.Exchange exchange, Throwable e) {
                pollErrors.add((Exception) e);
            }
        });
        String uri = "imap4:127.0.0.1:" + proxy.port() + "?security=PLAIN&username=joe&password=secret"
                + "&initialDelay=0&delay=100&fetchBatchSize=10&exceptionHandler=#errors&" + options;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("r").process(census::attempt).process(census::complete);
            }
        });
        context.start();
        return (Imap4Consumer) context.getRoute("r").getConsumer();
    }

    @Test
    void aStalledServerTimesOutTheHealthCheckGoesDownAndUpAndNothingIsLostOrRepeated() throws Exception {
        GreenMailUser user = MAIL.setUser("joe@example.org", "joe", "secret");
        MailCensus census = new MailCensus("stall", 30);
        census.seed(user, 0, 5);
        // the first connection stops forwarding the server's answer in the middle of message 15
        Imap4Consumer consumer = start(census, i -> i == 0 ? Fault.stallOn(Direction.TO_CLIENT, "Subject: stall-15")
                : Fault.none(), "readTimeout=1000&backoffErrorThreshold=1&backoffMultiplier=10");
        MailCensus.await(30, "the first five delivered", () -> census.completedMessages() == 5);
        awaitHealth(consumer, HealthCheck.State.UP);

        census.seed(user, 5, 30);
        HealthCheck.Result down = awaitHealth(consumer, HealthCheck.State.DOWN);
        assertEquals("timed out", down.getDetails().get("reason"), String.valueOf(down.getDetails()));
        assertInstanceOf(Imap4AbortException.class, down.getError().orElseThrow());
        awaitHealth(consumer, HealthCheck.State.UP);

        MailCensus.await(30, "all 30 completed", () -> census.completedMessages() == 30);
        context.stop();
        assertEquals(1, proxy.faultsFired(), "the stall happened");
        assertEquals(2, proxy.connections(), "one new connection after the timeout");
        assertEquals(1, pollErrors.size(), "one failed poll: " + pollErrors);
        census.assertEachCompletedOnceAndSeen(MAIL.getImap().getPort());
    }

    @Test
    void aCorruptedAndATruncatedResponseRaiseErrorsAndTheNextPollsRecoverEveryMessage() throws Exception {
        GreenMailUser user = MAIL.setUser("joe@example.org", "joe", "secret");
        MailCensus census = new MailCensus("broken", 40);
        census.seed(user);
        // connection 0: a byte of the FETCH response for UID 15 is replaced, so the grammar breaks;
        // connection 1 (opened within the same poll to narrow the batch down): the literal of
        // message 25 is cut short
        Imap4Consumer consumer = start(census, i -> switch (i) {
            case 0 -> Fault.corruptOn(Direction.TO_CLIENT, "UID 15 ", 'x');
            case 1 -> Fault.cutOn(Direction.TO_CLIENT, "Subject: broken-25");
            default -> Fault.none();
        }, "readTimeout=10000");

        MailCensus.await(30, "all 40 completed", () -> census.completedMessages() == 40);
        context.stop();
        assertEquals(2, proxy.faultsFired(), "both faults happened");
        assertEquals(3, proxy.connections(), "each broken connection was replaced once");
        assertEquals(1, pollErrors.size(), "the corruption is handled within its poll, the cut fails one: " + pollErrors);
        assertInstanceOf(Imap4AbortException.class, pollErrors.get(0), "a truncated response aborts the connection");
        assertTrue(!(pollErrors.get(0) instanceof ImapProtocolException), "the truncation is a lost connection");
        assertEquals(0, consumer.getUnparseableMessageCount(), "UID 15 parsed on the new connection: nothing parked");
        census.assertEachCompletedOnceAndSeen(MAIL.getImap().getPort());
    }

    /** Waits for UP, or for DOWN because a poll failed (not merely because none ran yet). */
    private static HealthCheck.Result awaitHealth(Imap4Consumer consumer, HealthCheck.State state) throws InterruptedException {
        HealthCheck.Result[] last = new HealthCheck.Result[1];
        MailCensus.await(30, "health " + state, () -> {
            HealthCheck.Result r = consumer.getHealthCheck().callReadiness();
            last[0] = r;
            Object errors = r.getDetails().get(HealthCheck.FAILURE_ERROR_COUNT);
            return r.getState() == state && (state == HealthCheck.State.UP || errors instanceof Number n && n.longValue() > 0);
        });
        return last[0];
    }
}
