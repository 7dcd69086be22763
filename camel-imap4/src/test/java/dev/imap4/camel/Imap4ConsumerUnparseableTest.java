package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.types.BodyStructure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One message whose FETCH response cannot be parsed, on every poll, among fifteen good ones in a
 * single batch: every good one is delivered exactly once, the bad one is parked as onFailure says
 * and never fetched again, the FETCH commands stay within 1 + 2·⌈log2 16⌉ + 1, the health check
 * names it, and with bridgeErrorHandler the route's error handler gets it. Next to it, a message
 * that parses but fails in the route (UID 4) still takes the ordinary onFailure path. Each case
 * ran against the consumer before isolation existed fails: nothing was delivered at all.
 */
@Timeout(60)
class Imap4ConsumerUnparseableTest extends CamelTestSupport {

    private static final int MESSAGES = 16;
    private static final long BAD = 11;
    /** The first FETCH, two per halving of 16 (four), and BODY.PEEK[] alone. */
    private static final long MAX_FETCHES = 1 + 2 * 4 + 1;

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS");
    private final List<String> raw = new ArrayList<>();

    @BeforeEach
    void addMessages() throws Exception {
        for (int i = 1; i <= MESSAGES; i++) {
            String message = TestMailbox.message(i == 4 ? "fails in the route" : "message " + i, "body " + i);
            raw.add(message);
            assertEquals(i, fake.server().add(message));
        }
    }

    /** Route "r" to mock:out; with bridgeErrorHandler the unparseable message goes to mock:unparseable. */
    private MockEndpoint route(String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Imap4UnparseableMessageException.class).handled(true).to("mock:unparseable");
                from(fake.uri("fetchBatchSize=" + MESSAGES + "&" + options)).routeId("r")
                        .to("mock:out")
                        .filter(header("Subject").isEqualTo("fails in the route"))
                        .throwException(new IllegalStateException("the route cannot handle this one"));
            }
        });
        return getMockEndpoint("mock:out");
    }

    private Imap4Consumer imapConsumer() {
        return (Imap4Consumer) context.getRoute("r").getConsumer();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    /**
     * Waits for every message but the bad one, then for several more polls, and checks each came
     * exactly once (UID 4, which fails in the route, as often as its onFailure lets it).
     */
    private void assertEveryOtherMessageDeliveredOnce(MockEndpoint out) throws Exception {
        await(() -> out.getReceivedCounter() >= MESSAGES - 1, "the " + (MESSAGES - 1) + " other messages delivered");
        long searches = fake.server().count("UID SEARCH");
        await(() -> fake.server().count("UID SEARCH") >= searches + 5, "more polls");
        List<Long> uids = out.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(Imap4Constants.UID, Long.class))
                .filter(uid -> uid != 4).sorted().toList();
        List<Long> expected = new ArrayList<>();
        for (long uid = 1; uid <= MESSAGES; uid++) {
            if (uid != BAD && uid != 4) {
                expected.add(uid);
            }
        }
        assertEquals(expected, uids, "every good message exactly once, the bad one never");
    }

    private void assertFetchesBounded() {
        // UID 4 alone is the message failing in the route, fetched again as often as onFailure lets it
        long fetches = fake.server().commands().stream().filter(c -> c.startsWith("UID FETCH ") && !c.startsWith("UID FETCH 4 "))
                .count();
        assertTrue(fetches <= MAX_FETCHES, fetches + " FETCH commands: " + fake.server().commands());
        assertEquals(1, fake.server().commands().stream().filter(c -> c.equals("UID FETCH " + BAD + " (UID BODY.PEEK[])")).count(),
                "the bad message alone as raw bytes, once: " + fake.server().commands());
    }

    private HealthCheck.Result health() {
        return imapConsumer().getHealthCheck().callReadiness();
    }

    @Test
    void fullContentOnFailureNoneSkipsTheBadMessageForGoodAndLeavesItAsItWas() throws Exception {
        fake.server().poison(BAD, false);
        MockEndpoint out = route("onFailure=NONE");
        assertEveryOtherMessageDeliveredOnce(out);
        assertFetchesBounded();
        assertEquals(Set.of(), fake.server().withFlag("$Failed"), "NONE sets no flag");
        assertTrue(fake.server().flags(BAD).isEmpty(), "left exactly as it was: " + fake.server().flags(BAD));
        assertEquals(1, imapConsumer().getUnparseableMessageCount());

        HealthCheck.Result h = health();
        assertEquals(HealthCheck.State.UP, h.getState(), "one bad message does not make the consumer DOWN");
        assertTrue(String.valueOf(h.getDetails().get("reason")).contains("UID " + BAD + " "), h.getDetails().toString());
        assertEquals(1L, h.getDetails().get("imap4.unparseable.count"));
    }

    @Test
    void envelopeContentOnFailureFlagFlagsItAndTheErrorHandlerGetsItsRawBytes() throws Exception {
        fake.server().poison(BAD, false);
        MockEndpoint out = route("fetchContent=ENVELOPE&onFailure=FLAG&bridgeErrorHandler=true");
        MockEndpoint unparseable = getMockEndpoint("mock:unparseable");
        assertEveryOtherMessageDeliveredOnce(out);
        assertFetchesBounded();
        assertInstanceOf(BodyStructure.class, out.getReceivedExchanges().get(0).getMessage().getBody());

        unparseable.expectedMessageCount(1);
        unparseable.assertIsSatisfied(5000);
        Exchange e = unparseable.getReceivedExchanges().get(0);
        assertEquals(BAD, e.getMessage().getHeader(Imap4Constants.UID));
        assertEquals(1000L, e.getMessage().getHeader(Imap4Constants.UID_VALIDITY));
        assertEquals("INBOX", e.getMessage().getHeader(Imap4Constants.FOLDER));
        assertArrayEquals(raw.get((int) BAD - 1).getBytes(StandardCharsets.ISO_8859_1),
                e.getMessage().getBody(byte[].class), "the raw message, fetched as BODY.PEEK[] alone");
        Imap4UnparseableMessageException error = assertInstanceOf(Imap4UnparseableMessageException.class,
                e.getProperty(Exchange.EXCEPTION_CAUGHT));
        assertEquals(BAD, error.getUid());
        assertInstanceOf(ImapProtocolException.class, error.getCause());

        await(() -> fake.server().flags(BAD).contains("$Failed"), "the bad message flagged");
        // the message failing in the route is parked by the same onFailure, through its exchange
        await(() -> fake.server().flags(4).contains("$Failed"), "the route's failure flagged");
        assertEquals(Set.of(4L, BAD), fake.server().withFlag("$Failed"));
        assertEquals(1, imapConsumer().getUnparseableMessageCount(), "only the unparseable one is counted as such");
    }

    @Test
    void evenTheRawBytesUnreadableOnFailureMoveMovesItAndTheErrorHandlerGetsNoBody() throws Exception {
        fake.server().poison(BAD, true);
        MockEndpoint out = route("onFailure=MOVE&errorFolder=Unparseable&createMissingFolders=true"
                + "&maxFailedAttempts=2&bridgeErrorHandler=true");
        MockEndpoint unparseable = getMockEndpoint("mock:unparseable");
        await(() -> fake.server().uids("Unparseable").size() == 2, "both failures moved: " + fake.server().commands());
        // without MOVE the server sees COPY, then STORE \Deleted and UID EXPUNGE: the copy lands first
        await(() -> !fake.server().uids("INBOX").contains(BAD) && !fake.server().uids("INBOX").contains(4L),
                "moved out of INBOX: " + fake.server().commands());
        assertTrue(fake.server().count("UID FETCH") <= MAX_FETCHES + 2 + 2, "FETCH commands: " + fake.server().commands());

        unparseable.expectedMessageCount(1);
        unparseable.assertIsSatisfied(5000);
        Exchange e = unparseable.getReceivedExchanges().get(0);
        assertEquals(BAD, e.getMessage().getHeader(Imap4Constants.UID));
        assertNull(e.getMessage().getBody(), "no bytes could be read");
        // the route failure is retried maxFailedAttempts times, then moved; good messages come once
        long routeFailures = out.getReceivedExchanges().stream()
                .filter(x -> Long.valueOf(4).equals(x.getMessage().getHeader(Imap4Constants.UID))).count();
        assertEquals(2, routeFailures);
        assertEquals(MESSAGES - 2 + 2, out.getReceivedCounter(), "14 good ones once, the failing one twice");
    }

    @Test
    void incrementalModeMovesTheWatermarkPastTheBadMessageAndNeverFetchesItAgain() throws Exception {
        fake.server().withoutUidNext(); // every poll searches: its key shows the watermark
        fake.server().poison(BAD, false);
        MockEndpoint out = route("onFailure=FLAG&incremental=true&onSuccess=NONE&searchCriteria=ALL");
        assertEveryOtherMessageDeliveredOnce(out);
        assertFetchesBounded();
        assertTrue(fake.server().commands().stream().anyMatch(c -> c.startsWith("UID SEARCH") && c.endsWith("UID 17:*")),
                "the watermark passed every message, the bad one too: " + fake.server().commands());
        long before = fake.server().count("UID FETCH");
        long after = fake.server().add(TestMailbox.message("after the bad one", "x"));
        await(() -> out.getReceivedExchanges().stream()
                .anyMatch(e -> Long.valueOf(after).equals(e.getMessage().getHeader(Imap4Constants.UID))), "new mail");
        assertEquals(before + 1, fake.server().count("UID FETCH"), "only the new message fetched: " + fake.server().commands());
    }

    @Test
    void aNewUidValidityForgetsTheBadUidSoTheMessageNowUnderItIsFetched() throws Exception {
        fake.server().poison(BAD, false);
        MockEndpoint out = route("onFailure=NONE&onSuccess=NONE&searchCriteria=ALL");
        await(() -> imapConsumer().getUnparseableMessageCount() == 1, "the bad message parked");
        long fetchesOfBad = fake.server().count("UID FETCH " + BAD + " ");

        // the folder is recreated: UID 11 now names another message, which must not be skipped
        fake.server().recreate(2000);
        fake.server().add(TestMailbox.message("new one", "x"));
        await(() -> out.getReceivedExchanges().stream()
                .anyMatch(e -> Long.valueOf(2000).equals(e.getMessage().getHeader(Imap4Constants.UID_VALIDITY))), "new mail");
        for (int i = 2; i <= BAD; i++) {
            fake.server().add(TestMailbox.message("new " + i, "x"));
        }
        await(() -> imapConsumer().getUnparseableMessageCount() == 2, "the new UID " + BAD + " tried and parked too");
        assertTrue(fake.server().count("UID FETCH " + BAD + " ") > fetchesOfBad, "UID " + BAD + " fetched again under 2000");
    }

    @Test
    void withoutTheBridgeTheConsumersExceptionHandlerGetsTheExchangeWithTheRawBytes() throws Exception {
        fake.server().poison(BAD, false);
        List<Object[]> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.getRegistry().bind("handler", (org.apache.camel.spi.ExceptionHandler) new org.apache.camel.spi.ExceptionHandler() {
            @Override
            public void handleException(Throwable e) {
                handled.add(new Object[] {null, null, e});
            }

            @Override
            public void handleException(String message, Throwable e) {
                handled.add(new Object[] {message, null, e});
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable e) {
                // read now: the body's stream cache is released once the handler returns
                handled.add(new Object[] {message, exchange.getMessage().getBody(byte[].class), e,
                        exchange.getMessage().getHeader(Imap4Constants.UID)});
            }
        });
        MockEndpoint out = route("onFailure=FLAG&exceptionHandler=#handler");
        assertEveryOtherMessageDeliveredOnce(out);
        assertEquals(1, handled.size(), "one call, for the unparseable message only");
        Object[] call = handled.get(0);
        assertTrue(String.valueOf(call[0]).startsWith("message UID " + BAD + " (UIDVALIDITY 1000) in 'INBOX' cannot be parsed"),
                String.valueOf(call[0]));
        assertArrayEquals(raw.get((int) BAD - 1).getBytes(StandardCharsets.ISO_8859_1), (byte[]) call[1]);
        assertInstanceOf(Imap4UnparseableMessageException.class, call[2]);
        assertEquals(BAD, call[3]);
        assertEquals(0, getMockEndpoint("mock:unparseable").getReceivedCounter(), "not bridged to the route");
    }

    @Test
    void withoutThePoisonNothingIsCountedAndTheHealthHasNoReason() throws Exception {
        MockEndpoint out = route("onFailure=NONE");
        await(() -> out.getReceivedCounter() >= MESSAGES, "all delivered");
        await(() -> health().getState() == HealthCheck.State.UP, "UP");
        // message 4 fails in the route and stays unseen, so later polls fetch it again: what shows
        // that nothing was narrowed down is the first poll's FETCHes taking its batches (a first one of
        // 10, then the rest) whole on one connection
        List<String> commands = fake.server().commands();
        assertEquals(List.of("UID FETCH 1:10", "UID FETCH 11:" + MESSAGES), commands.stream()
                .filter(c -> c.startsWith("UID FETCH")).limit(2).map(c -> c.substring(0, c.indexOf(" (")))
                .toList(), "the poll's batches, none split: " + commands);
        assertEquals(1, fake.server().count("LOGIN"), "no reconnection to narrow a batch down: " + commands);
        assertEquals(0, imapConsumer().getUnparseableMessageCount());
        assertNull(health().getDetails().get("reason"));
    }
}
