package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reconnect operation on a consumer sitting in IDLE (GreenMail): the IDLE ends, the connection
 * is replaced at once (the scheduler's delay is a minute), and mail arriving afterwards is
 * delivered once, over the new connection's IDLE.
 */
@Timeout(60)
class Imap4ConsumerReconnectIdleTest extends Imap4ConsumerTestSupport {

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    @Test
    void reconnectWhileIdlingReplacesTheConnectionNow() throws Exception {
        mailbox.append("before");
        MockEndpoint out = consume("idle=true&delay=60000&idleInterval=600000");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(10000);
        await(() -> imapConsumer().isConsumerReady(), "idling");
        Thread.sleep(300);
        assertEquals(0, imapConsumer().getReconnects());

        imapConsumer().reconnect();
        await(() -> imapConsumer().getReconnects() == 1, "a new connection long before the delay or idleInterval");
        Thread.sleep(300);

        out.reset();
        out.expectedMessageCount(1);
        out.expectedHeaderReceived("Subject", "after the reconnection");
        mailbox.append("after the reconnection");
        out.assertIsSatisfied(20000);
        Thread.sleep(300);
        out.assertIsSatisfied();
        assertEquals(1, imapConsumer().getReconnects());
        assertEquals(2, imapConsumer().getMessagesCompleted());
    }
}
