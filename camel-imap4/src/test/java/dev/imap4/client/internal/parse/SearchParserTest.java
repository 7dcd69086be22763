package dev.imap4.client.internal.parse;

import static dev.imap4.client.internal.parse.Wire.after;
import static dev.imap4.client.internal.parse.Wire.consumed;
import static dev.imap4.client.internal.parse.Wire.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.types.SearchResult;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchParserTest {

    private static SearchResult search(String wire, boolean uid) {
        ImapInput in = after(wire, "SEARCH");
        SearchResult r = SearchParser.parseSearch(in, uid);
        consumed(in);
        return r;
    }

    private static SearchResult esearch(String wire) {
        ImapInput in = after(wire, "ESEARCH");
        SearchResult r = SearchParser.parseEsearch(in);
        consumed(in);
        return r;
    }

    @Test
    void rfc3501Search() {
        SearchResult r = search("* SEARCH 2 3 6", false);
        assertEquals(List.of(2L, 3L, 6L), r.numbers());
        assertFalse(r.uid());
        assertNull(r.highestModSeq());
    }

    @Test
    void emptySearchWithTrailingSpace() {
        assertEquals(List.of(), search("* SEARCH", true).numbers());
        assertEquals(List.of(), search("* SEARCH ", true).numbers());
    }

    @Test
    void condstoreModSeq() {
        SearchResult r = search("* SEARCH 2 5 6 7 11 12 18 19 20 23 (MODSEQ 917162500)", true);
        assertEquals(10, r.numbers().size());
        assertEquals(917162500L, r.highestModSeq());
        assertTrue(r.uid());
    }

    @Test
    void sortKeepsTheServerOrder() {
        ImapInput in = after("* SORT 5 3 4 1 2", "SORT");
        assertEquals(List.of(5L, 3L, 4L, 1L, 2L), SearchParser.parseSort(in, false).numbers());
    }

    @Test
    void esearchMinCountWithTag() {
        SearchResult r = esearch("* ESEARCH (TAG \"A282\") MIN 2 COUNT 3");
        assertEquals("A282", r.tag());
        assertEquals(2L, r.min());
        assertEquals(3L, r.count());
        assertNull(r.max());
        assertEquals(List.of(), r.numbers());
        assertFalse(r.uid());
    }

    @Test
    void esearchAllIsExpanded() {
        SearchResult r = esearch("* ESEARCH (TAG \"A283\") ALL 2,10:11");
        assertEquals(List.of(2L, 10L, 11L), r.numbers());
    }

    @Test
    void esearchUidMaxAndModSeq() {
        SearchResult r = esearch("* ESEARCH (TAG \"A284\") UID MIN 4 MAX 10 ALL 4:5,10 MODSEQ 12345678901");
        assertTrue(r.uid());
        assertEquals(10L, r.max());
        assertEquals(List.of(4L, 5L, 10L), r.numbers());
        assertEquals(12345678901L, r.highestModSeq());
    }

    @Test
    void esearchWithoutCorrelatorAndUnknownDataSkipped() {
        SearchResult r = esearch("* ESEARCH UID PARTIAL (-1:-100 200:250,252:300) COUNT 60");
        assertNull(r.tag());
        assertEquals(60L, r.count());
    }

    @Test
    void esearchAllBombIsRefused() {
        fails(after("* ESEARCH ALL 1:4294967295", "ESEARCH"), SearchParser::parseEsearch, "search-return-data");
    }

    @Test
    void esearchAllWithStarIsRefused() {
        fails(after("* ESEARCH ALL 1:*", "ESEARCH"), SearchParser::parseEsearch, "search-return-data");
    }

    @Test
    void nonNumberInSearchNamesNzNumber() {
        fails(after("* SEARCH 2 x", "SEARCH"), in -> SearchParser.parseSearch(in, false), "number");
        fails(after("* SEARCH 0", "SEARCH"), in -> SearchParser.parseSearch(in, false), "nz-number");
    }

    @Test
    void badModSeqNamesTheRule() {
        fails(after("* SEARCH 1 (NOTMODSEQ 3)", "SEARCH"), in -> SearchParser.parseSearch(in, false),
                "search-sort-mod-seq");
    }

    @Test
    void badCorrelatorNamesTheRule() {
        fails(after("* ESEARCH (LABEL \"x\") MIN 1", "ESEARCH"), SearchParser::parseEsearch, "search-correlator");
    }
}
