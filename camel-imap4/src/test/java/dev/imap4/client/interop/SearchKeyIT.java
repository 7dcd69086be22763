package dev.imap4.client.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.camel.Imap4Component;
import dev.imap4.camel.Imap4Constants;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.SearchKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The typed search program and the consumer's searchWithin on each server: YOUNGER where the server
 * offers WITHIN (Dovecot does), SINCE elsewhere; nested groups with arguments, which GreenMail cannot
 * parse; non-ASCII values with CHARSET UTF-8.
 */
class SearchKeyIT {

    private static final ZonedDateTime NOW = ZonedDateTime.now(ZoneOffset.UTC);

    private static byte[] message(String subject, String from) {
        return ("From: " + from + "\r\nTo: joe@example.org\r\nSubject: " + subject + "\r\nMessage-ID: <"
                + Math.abs(subject.hashCode()) + "." + System.nanoTime() + "@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nBody of " + subject + ".\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A folder with messages a month, ten days, two days and a minute old; returns their UIDs in that order. */
    private static List<Long> fill(ImapClient c, String folder) {
        c.create(folder);
        List<Long> uids = new ArrayList<>();
        int[] ages = {30 * 24 * 60, 10 * 24 * 60, 2 * 24 * 60, 1};
        String[] subjects = {"old invoice", "older greeting", "=?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=", "new invoice"};
        for (int i = 0; i < ages.length; i++) {
            c.append(folder, List.of(), NOW.minusMinutes(ages[i]),
                    message(subjects[i], i % 2 == 0 ? "billing@example.org" : "ann@example.org"));
        }
        c.select(folder);
        uids.addAll(c.uidSearch(SearchKey.ALL).numbers());
        Collections.sort(uids);
        assertEquals(4, uids.size(), "appended " + uids);
        return uids;
    }

    /**
     * GNU Mailutils imap4d 3.15 sets the internal date to the time of APPEND whatever date-time the
     * command gives, and its SINCE then matched none of those messages: the date keys cannot be
     * checked there.
     */
    private static boolean keepsDates(ImapServer server) {
        return !server.is(ImapServer.Kind.MAILUTILS);
    }

    private static String dates(ImapClient c, List<Long> uids) {
        StringBuilder sb = new StringBuilder("internal dates:");
        c.uidFetch(dev.imap4.client.types.NumberSet.uids(uids), dev.imap4.client.types.FetchItems.of().withInternalDate(),
                r -> sb.append(' ').append(r.uid()).append('=').append(r.internalDate()));
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void typedKeysFindWhatTheyShould(ImapServer server) {
        ImapClient c = server.require().client();
        String f = server.folder("searchkey");
        try {
            List<Long> u = fill(c, f);
            assertEquals(List.of(u.get(0), u.get(2)), c.uidSearch(SearchKey.from("billing@example.org")).numbers());
            assertEquals(List.of(u.get(2)), c.uidSearch(SearchKey.subject("Köln")).numbers());
            assertEquals(List.of(u.get(1), u.get(3)), c.uidSearch(SearchKey.or(SearchKey.and(SearchKey.subject("greeting"),
                    SearchKey.from("ann@")), SearchKey.and(SearchKey.subject("invoice"), SearchKey.not(SearchKey.from("billing@"))))).numbers());
            if (!keepsDates(server)) {
                return;
            }
            LocalDate weekAgo = NOW.minusDays(7).toLocalDate();
            assertEquals(u.subList(2, 4), c.uidSearch(SearchKey.since(weekAgo)).numbers(), () -> dates(c, u));
            assertEquals(u.subList(0, 2), c.uidSearch(SearchKey.before(weekAgo)).numbers());
            // groups with arguments inside OR and NOT
            assertEquals(List.of(u.get(0), u.get(3)), c.uidSearch(SearchKey.or(
                    SearchKey.and(SearchKey.subject("invoice"), SearchKey.before(weekAgo)),
                    SearchKey.and(SearchKey.subject("invoice"), SearchKey.since(weekAgo)))).numbers());
            assertEquals(List.of(u.get(1), u.get(2), u.get(3)), c.uidSearch(SearchKey.not(
                    SearchKey.and(SearchKey.subject("invoice"), SearchKey.before(weekAgo)))).numbers());
            if (server.is(ImapServer.Kind.DOVECOT)) {
                assertTrue(c.hasCapability("WITHIN"), "Dovecot 2.3 offers WITHIN: " + c.capabilities());
            }
            if (c.hasCapability("WITHIN")) {
                assertEquals(u.subList(2, 4), c.uidSearch(SearchKey.younger(Duration.ofDays(7))).numbers());
                assertEquals(List.of(u.get(3)), c.uidSearch(SearchKey.younger(Duration.ofHours(1))).numbers());
                assertEquals(u.subList(0, 3), c.uidSearch(SearchKey.older(Duration.ofHours(1))).numbers());
            }
        } finally {
            Fixtures.drop(c, f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void theConsumerWindowDeliversOnlyRecentMessages(ImapServer server) throws Exception {
        ImapClient c = server.require().client();
        org.junit.jupiter.api.Assumptions.assumeTrue(keepsDates(server), "imap4d ignores APPEND's date-time");
        String f = server.folder("within");
        CamelContext ctx = new DefaultCamelContext();
        try {
            List<Long> u = fill(c, f);
            List<Long> delivered = Collections.synchronizedList(new ArrayList<>());
            Imap4Component imap4 = new Imap4Component();
            imap4.setClientFactory(new TrustingClientFactory(server));
            imap4.setAllowStreamCommandInUri(true);
            ctx.addComponent("imap4", imap4);
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(server.camelUri("folder=" + f + "&searchCriteria=ALL&searchWithin=7d&onSuccess=NONE&delay=200"))
                            .process(e -> delivered.add(e.getMessage().getHeader(Imap4Constants.UID, Long.class)));
                }
            });
            ctx.start();
            long end = System.currentTimeMillis() + 30_000;
            while (delivered.size() < 2 && System.currentTimeMillis() < end) {
                Thread.sleep(100);
            }
            Thread.sleep(1000);   // a few more polls: nothing older may follow
            assertEquals(u.subList(2, 4), List.copyOf(delivered));
        } finally {
            ctx.stop();
            Fixtures.drop(c, f);
        }
    }
}
