package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.types.SearchKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** searchWithin (a relative date) and a typed searchCriteria: the program built, then on the wire. */
@Timeout(60)
class Imap4ConsumerSearchWithinTest extends CamelTestSupport {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    /** A clock a test moves on between polls. */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(NOW);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private static Imap4Search search(Object criteria, long withinMillis) {
        Imap4Configuration c = new Imap4Configuration();
        c.setSearchCriteria(criteria);
        c.setSearchWithin(withinMillis);
        return new Imap4Search(c);
    }

    private static SearchKey program(String... args) {
        return SearchKey.program(List.of(args));
    }

    @Test
    void withinIsYoungerWhenTheServerOffersWithin() {
        Imap4Search s = search("UNSEEN", Duration.ofDays(7).toMillis());
        assertEquals(SearchKey.and(program("UNSEEN", "UNDELETED"), SearchKey.younger(Duration.ofDays(7))),
                s.key(0, true, NOW));
        // whole seconds, rounded up so the window is never shorter than asked
        assertEquals(SearchKey.and(program("ALL", "UNDELETED"), SearchKey.younger(Duration.ofSeconds(2))),
                search("ALL", 1500).key(0, true, NOW));
    }

    @Test
    void withoutWithinItIsSinceTheFirstDayInTheEarliestZone() {
        Imap4Search s = search("UNSEEN", Duration.ofDays(7).toMillis());
        // 2026-11-29T10:00Z is still 28 Nov in UTC-12: a message of the window dated there is kept
        assertEquals(SearchKey.and(program("UNSEEN", "UNDELETED"), SearchKey.since(LocalDate.of(2026, 11, 28))),
                s.key(0, false, NOW));
        assertEquals(SearchKey.and(program("UNSEEN", "UNDELETED"), SearchKey.since(LocalDate.of(2026, 11, 29))),
                s.key(0, false, Instant.parse("2026-12-06T12:00:00Z")));
    }

    @Test
    void withinCombinesWithTheIncrementalRange() {
        Imap4Configuration c = new Imap4Configuration();
        c.setSearchWithin(3_600_000);
        c.setIncremental(true);
        assertEquals(SearchKey.and(program("UNSEEN", "UNDELETED", "UID", "42:*"), SearchKey.younger(Duration.ofHours(1))),
                new Imap4Search(c).key(41, true, NOW));
    }

    @Test
    void noWindowLeavesTheProgramAsItWas() {
        assertEquals(program("UNSEEN", "UNDELETED"), search("UNSEEN", 0).key(0, true, NOW));
    }

    @Test
    void aTypedCriteriaGetsUndeletedUnlessItSpeaksOfDeleted() {
        SearchKey invoices = SearchKey.and(SearchKey.keyword("$Invoice"), SearchKey.from("billing@example.org"));
        assertEquals(SearchKey.and(invoices, program("UNDELETED")), search(invoices, 0).key(0, true, NOW));
        SearchKey trash = SearchKey.or(SearchKey.DELETED, SearchKey.SEEN);
        assertEquals(trash, search(trash, 0).key(0, true, NOW));
        assertEquals(SearchKey.and(trash, SearchKey.younger(Duration.ofDays(1))),
                search(trash, Duration.ofDays(1).toMillis()).key(0, true, NOW));
    }

    @Test
    void badValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> search("UNSEEN", -1));
        assertThrows(IllegalArgumentException.class, () -> search("UNSEEN", 0x1_0000_0000L * 1000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> search(42, 0));
        assertTrue(e.getMessage().contains("SearchKey"), e.getMessage());
    }

    // ---- on the wire, through the consumer ----

    private FakeImapServer server;

    private MockEndpoint route(String capabilities, String options, Clock clock) throws Exception {
        server = new FakeImapServer(capabilities);
        String uri = "imap4:127.0.0.1:" + server.port() + "?security=PLAIN&username=joe&password=secret"
                + "&initialDelay=0&delay=50&onSuccess=NONE&" + options;
        Imap4Endpoint endpoint = context.getEndpoint(uri, Imap4Endpoint.class);
        endpoint.useClock(clock);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(endpoint).routeId("r").to("mock:out");
            }
        });
        return getMockEndpoint("mock:out");
    }

    private List<String> searches() {
        return server.commands().stream().filter(c -> c.startsWith("UID SEARCH")).toList();
    }

    private void awaitSearch(String fragment) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (searches().stream().noneMatch(c -> c.contains(fragment)) && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertTrue(searches().stream().anyMatch(c -> c.contains(fragment)), "no search with '" + fragment + "' in "
                + searches());
    }

    @Override
    protected void doPostTearDown() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aServerWithWithinGetsYounger() throws Exception {
        MockEndpoint out = route("WITHIN", "searchWithin=7d", new MovableClock());
        server.add(TestMailbox.message("recent", "x"));
        out.expectedMessageCount(1);
        out.assertIsSatisfied(20_000);
        awaitSearch("UID SEARCH UNSEEN UNDELETED YOUNGER 604800");
    }

    @Test
    void aServerWithoutWithinGetsSinceRecomputedAtEveryPoll() throws Exception {
        MovableClock clock = new MovableClock();
        MockEndpoint out = route("", "searchWithin=P2D", clock);
        server.add(TestMailbox.message("recent", "x"));
        out.expectedMessageCount(1);
        out.assertIsSatisfied(20_000);
        awaitSearch("UID SEARCH UNSEEN UNDELETED SINCE 3-Dec-2026");
        clock.now.set(NOW.plus(Duration.ofDays(1)));
        awaitSearch("UID SEARCH UNSEEN UNDELETED SINCE 4-Dec-2026");
        assertTrue(searches().stream().noneMatch(c -> c.contains("YOUNGER")), searches().toString());
    }

    @Test
    void aSearchKeyBeanIsTheCriteria() throws Exception {
        context.getRegistry().bind("notSeen", SearchKey.not(SearchKey.SEEN));
        MockEndpoint out = route("", "searchCriteria=#bean:notSeen", new MovableClock());
        server.add(TestMailbox.message("one", "x"));
        out.expectedMessageCount(1);
        out.assertIsSatisfied(20_000);
        awaitSearch("UID SEARCH NOT SEEN UNDELETED");
    }
}
