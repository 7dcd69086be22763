package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** IDLE on GreenMail: new mail wakes the consumer long before the scheduler's delay. */
class Imap4ConsumerIdleTest extends Imap4ConsumerTestSupport {

    private static final String IDLE = "idle=true&delay=60000";

    /** Waits until the first poll is done and the consumer sits in IDLE. */
    private void awaitIdling() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!imapConsumer().isConsumerReady() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(imapConsumer().isConsumerReady());
        Thread.sleep(200);
    }

    @Test
    void newMailIsDeliveredAsSoonAsTheServerReportsItNotAfterTheDelay() throws Exception {
        mailbox.append("before");
        MockEndpoint out = consume(IDLE);
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        awaitIdling();

        out.reset();
        out.expectedHeaderReceived("Subject", "while idling");
        long start = System.nanoTime();
        mailbox.append("while idling");
        out.assertIsSatisfied(30000);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // the scheduler's delay is 60 s: arriving well inside it means EXISTS woke the consumer
        assertTrue(millis < 30000, "woken by EXISTS after " + millis + " ms, the delay is 60 s");
    }

    @Test
    void idleIsReissuedEveryIdleIntervalWithoutWaitingForTheScheduler() throws Exception {
        MockEndpoint out = consume(IDLE + "&idleInterval=200");
        awaitIdling();
        Thread.sleep(700);
        out.expectedMessageCount(1);
        mailbox.append("after several re-issues");
        out.assertIsSatisfied(3000);
    }

    @Test
    void stoppingTheRouteEndsIdleAtOnce() throws Exception {
        consume(IDLE + "&idleInterval=600000");
        awaitIdling();
        long start = System.nanoTime();
        context.getRouteController().stopRoute("r");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 2000, "stopped in " + millis + " ms");
    }

    @Test
    void suspendingEndsIdleAndResumingIdlesAgain() throws Exception {
        MockEndpoint out = consume("idle=true&delay=100");
        awaitIdling();
        long start = System.nanoTime();
        context.getRouteController().suspendRoute("r");
        // ends IDLE at once rather than at the 25-minute idle interval (the bound leaves room for load)
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 15_000);
        mailbox.append("while suspended");
        Thread.sleep(300);
        assertEquals(0, out.getReceivedCounter(), "a suspended consumer does not poll");
        out.expectedMessageCount(1);
        context.getRouteController().resumeRoute("r");
        out.assertIsSatisfied(5000);
    }

    @Test
    void anAsynchronousCompletionIsAppliedWhileIdlingNotAtTheNextInterval() throws Exception {
        long uid = mailbox.append("async");
        MockEndpoint out = consume(new RouteBuilder() {
            @Override
            public void configure() {
                // seda takes over the exchange's completions: it completes on the seda thread,
                // after the poll went back to IDLE
                from(uri(IDLE + "&idleInterval=600000")).routeId("r").to("seda:work");
                from("seda:work").delay(300).to("mock:out");
            }
        });
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (!mailbox.seen("INBOX", uid) && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertTrue(mailbox.seen("INBOX", uid), "\\Seen applied while the consumer idles");
        Thread.sleep(300);
        assertEquals(1, out.getReceivedCounter(), "not delivered again while in flight");
    }
}
