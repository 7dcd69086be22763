package dev.imap4.client.typed;

import static dev.imap4.client.scripted.ScriptedClientTestSupport.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.SearchKey;
import dev.imap4.client.types.SearchResult;
import dev.imap4.client.types.SortCriterion;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RFC 6203 SEARCH=FUZZY: the typed FUZZY key, the ESEARCH RELEVANCY scores, and the client-side refusal. */
@Timeout(30)
class FuzzySearchScriptedTest {

    private static String preauth(String caps) {
        return "S: * PREAUTH [CAPABILITY IMAP4rev1 " + caps + "] ready\n"
                + "C: {tag} SELECT INBOX\nS: {tag} OK [READ-WRITE] done\n";
    }

    // RFC 6203 §4's example, split over two ESEARCH lines: scores follow their numbers
    @Test
    void fuzzyKeyAsksForRelevancyScores() {
        try (ScriptedServer server = ScriptedServer.start(preauth("ESEARCH SEARCH=FUZZY") + """
                C: {tag} UID SEARCH RETURN (ALL RELEVANCY) FUZZY SUBJECT "Rechnung" UNSEEN
                S: * ESEARCH (TAG "{tag}") UID ALL 1,5:6 RELEVANCY (4 99 42)
                S: * ESEARCH (TAG "{tag}") UID ALL 9 RELEVANCY (100)
                S: {tag} OK done
                C: {tag} UID SEARCH RETURN (ALL RELEVANCY) OR FLAGGED NOT FUZZY (TEXT "x" SMALLER 10)
                S: * ESEARCH (TAG "{tag}") UID
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            SearchResult r = c.uidSearch(SearchKey.and(SearchKey.fuzzy(SearchKey.subject("Rechnung")), SearchKey.UNSEEN));
            assertEquals(List.of(1L, 5L, 6L, 9L), r.numbers());
            assertEquals(List.of(4, 99, 42, 100), r.relevancy());
            // a fuzzy key anywhere asks for scores; nested, its group is parenthesised; no match, no scores
            SearchResult none = c.uidSearch(SearchKey.or(SearchKey.FLAGGED, SearchKey.not(SearchKey.fuzzy(
                    SearchKey.and(SearchKey.text("x"), SearchKey.smaller(10))))));
            assertEquals(List.of(), none.relevancy());
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void withoutEsearchTheFuzzyKeyGoesAloneAndScoresAreEmpty() {
        try (ScriptedServer server = ScriptedServer.start(preauth("SEARCH=FUZZY") + """
                C: {tag} SEARCH FUZZY BODY "colour"
                S: * SEARCH 3 4
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            SearchResult r = c.search(SearchKey.fuzzy(SearchKey.body("colour")));
            assertEquals(List.of(3L, 4L), r.numbers());
            assertEquals(List.of(), r.relevancy());
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void fuzzyIsRefusedBeforeSendingWithoutSearchFuzzy() {
        try (ScriptedServer server = ScriptedServer.start(preauth("ESEARCH") + """
                C: {tag} UID SEARCH RETURN (ALL) SUBJECT "Rechnung"
                S: * ESEARCH (TAG "{tag}") UID ALL 2
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            Imap4Exception e = assertThrows(Imap4Exception.class,
                    () -> c.uidSearch(SearchKey.not(SearchKey.fuzzy(SearchKey.subject("Rechnung")))));
            assertTrue(e.getMessage().contains("FUZZY") && e.getMessage().contains("SEARCH=FUZZY"), e.getMessage());
            assertEquals(List.of(2L), c.uidSearch(SearchKey.subject("Rechnung")).numbers());
            c.shutdown();
            server.verify();
        }
    }

    // RFC 6203 §5: SORT by RELEVANCY, best first, and refused without SEARCH=FUZZY
    @Test
    void sortByRelevancyNeedsSearchFuzzy() {
        try (ScriptedServer server = ScriptedServer.start(preauth("SORT SEARCH=FUZZY") + """
                C: {tag} UID SORT (REVERSE RELEVANCY DATE) UTF-8 FUZZY SUBJECT "Rechnung"
                S: * SORT 9 1 5
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            assertEquals(List.of(9L, 1L, 5L), c.sort(true, List.of(SortCriterion.RELEVANCY.reversed(), SortCriterion.DATE),
                    SearchKey.fuzzy(SearchKey.subject("Rechnung"))).numbers());
            c.shutdown();
            server.verify();
        }
        try (ScriptedServer server = ScriptedServer.start(preauth("SORT") + """
                C: {tag} NOOP
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            Imap4Exception e = assertThrows(Imap4Exception.class,
                    () -> c.sort(true, List.of(SortCriterion.RELEVANCY), SearchKey.ALL));
            assertTrue(e.getMessage().contains("SEARCH=FUZZY"), e.getMessage());
            c.noop();
            c.shutdown();
            server.verify();
        }
    }

    // a hostile server: a score outside 1..100 is a protocol error, not a number passed on
    @Test
    void aScoreOutOfRangeIsAProtocolError() {
        for (String bad : List.of("RELEVANCY (101)", "RELEVANCY (0)", "RELEVANCY (5 x)", "RELEVANCY 5")) {
            try (ScriptedServer server = ScriptedServer.start(preauth("ESEARCH SEARCH=FUZZY")
                    + "C: {tag} UID SEARCH RETURN (ALL RELEVANCY) FUZZY TEXT \"a\"\n"
                    + "S: * ESEARCH (TAG \"{tag}\") UID ALL 1 " + bad + "\n"
                    + "S: {tag} OK done\n")) {
                ImapClient c = connect(server);
                c.select("INBOX");
                assertThrows(ImapProtocolException.class, () -> c.uidSearch(SearchKey.fuzzy(SearchKey.text("a"))), bad);
            }
        }
    }
}
