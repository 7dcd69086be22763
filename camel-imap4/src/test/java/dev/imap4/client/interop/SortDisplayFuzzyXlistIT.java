package dev.imap4.client.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.ListEntry;
import dev.imap4.client.types.SearchKey;
import dev.imap4.client.types.SearchResult;
import dev.imap4.client.types.SortCriterion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SORT=DISPLAY (RFC 5957), SEARCH=FUZZY (RFC 6203) and XLIST typed, on each server: used where
 * offered (Dovecot 2.3 and Cyrus 3.6 offer SORT=DISPLAY, Cyrus 3.6 SEARCH=FUZZY and XLIST), refused
 * before anything is sent where not.
 */
class SortDisplayFuzzyXlistIT {

    private static byte[] message(String from, String to, String subject) {
        return ("From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMessage-ID: <"
                + System.nanoTime() + "@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nHello.\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Two messages whose display names sort the other way round from their addresses; their UIDs in order. */
    private static List<Long> fill(ImapClient c, String folder) {
        c.create(folder);
        c.append(folder, List.of(), null, message("\"Zed Zimmer\" <aaa@example.org>", "\"Bob\" <aaa@example.org>", "one"));
        c.append(folder, List.of(), null, message("\"Adam Abel\" <zzz@example.org>", "\"Ann\" <zzz@example.org>", "two"));
        c.select(folder);
        List<Long> uids = new ArrayList<>(c.uidSearch(SearchKey.ALL).numbers());
        Collections.sort(uids);
        assertEquals(2, uids.size(), "appended " + uids);
        return uids;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void sortByDisplayNameWhereOffered(ImapServer server) {
        ImapClient c = server.require().client();
        String f = server.folder("sortdisplay");
        try {
            List<Long> u = fill(c, f);
            if (server.is(ImapServer.Kind.DOVECOT) || server.is(ImapServer.Kind.CYRUS)) {
                assertTrue(c.hasCapability("SORT=DISPLAY"), "Dovecot 2.3 and Cyrus 3.6 offer SORT=DISPLAY: "
                        + c.capabilities());
            }
            if (!c.hasCapability("SORT=DISPLAY")) {
                Imap4Exception e = assertThrows(Imap4Exception.class,
                        () -> c.sort(true, List.of(SortCriterion.DISPLAYFROM), SearchKey.ALL));
                assertTrue(e.getMessage().contains("SORT"), e.getMessage());
                c.noop();
                return;
            }
            List<Long> reversed = List.of(u.get(1), u.get(0));
            assertEquals(reversed, c.sort(true, List.of(SortCriterion.DISPLAYFROM), SearchKey.ALL).numbers());
            assertEquals(u, c.sort(true, List.of(SortCriterion.FROM), SearchKey.ALL).numbers(), "FROM sorts by address");
            assertEquals(reversed, c.sort(true, List.of(SortCriterion.DISPLAYTO), SearchKey.ALL).numbers());
            assertEquals(u, c.sort(true, List.of(SortCriterion.DISPLAYTO.reversed()), SearchKey.ALL).numbers());
        } finally {
            Fixtures.drop(c, f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void fuzzySearchWithRelevancyWhereOffered(ImapServer server) {
        ImapClient c = server.require().client();
        String f = server.folder("fuzzy");
        try {
            List<Long> u = fill(c, f);
            if (server.is(ImapServer.Kind.CYRUS)) {
                assertTrue(c.hasCapability("SEARCH=FUZZY"), "Cyrus 3.6 offers SEARCH=FUZZY: " + c.capabilities());
            }
            if (!c.hasCapability("SEARCH=FUZZY")) {
                Imap4Exception e = assertThrows(Imap4Exception.class,
                        () -> c.uidSearch(SearchKey.fuzzy(SearchKey.subject("one"))));
                assertTrue(e.getMessage().contains("SEARCH=FUZZY"), e.getMessage());
                c.noop();
                return;
            }
            // without a full-text index Cyrus matches FUZZY text keys against nothing, but FUZZY ALL is scored
            SearchResult all = c.uidSearch(SearchKey.fuzzy(SearchKey.ALL));
            assertEquals(u, all.numbers().stream().sorted().toList());
            if (c.hasCapability("ESEARCH")) {
                assertEquals(2, all.relevancy().size(), "a score per match: " + all);
                assertTrue(all.relevancy().stream().allMatch(s -> s >= 1 && s <= 100), all.toString());
            }
            if (c.hasCapability("SORT")) {
                List<Long> sorted = c.sort(true, List.of(SortCriterion.RELEVANCY.reversed(), SortCriterion.ARRIVAL),
                        SearchKey.fuzzy(SearchKey.ALL)).numbers();
                assertEquals(u, sorted, "equal scores, then arrival");
            }
            SearchResult text = c.uidSearch(SearchKey.and(SearchKey.fuzzy(SearchKey.subject("one")), SearchKey.UNDELETED));
            assertTrue(u.containsAll(text.numbers()), text.toString());
            assertEquals(c.hasCapability("ESEARCH") ? text.numbers().size() : 0, text.relevancy().size(), text.toString());
        } finally {
            Fixtures.drop(c, f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void xlistWhereOffered(ImapServer server) {
        ImapClient c = server.require().client();
        try {
            if (server.is(ImapServer.Kind.CYRUS)) {
                assertTrue(c.hasCapability("XLIST"), "Cyrus 3.6 offers XLIST: " + c.capabilities());
            }
            if (!c.hasCapability("XLIST")) {
                Imap4Exception e = assertThrows(Imap4Exception.class, () -> c.xlist("", "*"));
                assertTrue(e.getMessage().contains("XLIST"), e.getMessage());
                c.noop();
                return;
            }
            List<ListEntry> xlist = c.xlist("", "*");
            Map<String, ListEntry> listed = c.list("", "*").stream()
                    .collect(Collectors.toMap(ListEntry::name, e -> e, (a, b) -> a));
            assertTrue(xlist.stream().anyMatch(e -> e.name().equals("INBOX") && e.hasAttribute("\\Inbox")), xlist.toString());
            for (ListEntry e : xlist) {
                assertTrue(listed.containsKey(e.name()), e.name() + " in LIST too: " + listed.keySet());
            }
            // the special-use folders XLIST names are the ones LIST (SPECIAL-USE) names
            for (ListEntry e : xlist) {
                if (e.specialUse() != null && c.hasCapability("SPECIAL-USE")) {
                    assertEquals(e.name(), c.findSpecialUse(e.specialUse()).map(ListEntry::name).orElse(null),
                            e.specialUse());
                }
            }
        } finally {
            Fixtures.quietly(c);
        }
    }
}
