package dev.imap4.client.internal.parse;

import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.SearchResult;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.ArrayList;
import java.util.List;

/**
 * SEARCH and SORT response data (RFC 3501 §7.2.5, RFC 5256, RFC 7162 {@code (MODSEQ n)}) and ESEARCH
 * (RFC 4731), into one {@link SearchResult}.
 */
public final class SearchParser {

    private SearchParser() {
    }

    /**
     * Reads {@code *(SP nz-number) [SP "(" "MODSEQ" SP mod-sequence-value ")"]} to the end of the
     * line: {@code in} stands right after the word SEARCH.
     *
     * @param uid whether the command was UID SEARCH (the response does not say)
     */
    public static SearchResult parseSearch(ImapInput in, boolean uid) {
        List<Long> numbers = new ArrayList<>();
        Long modSeq = null;
        while (in.maybeSp() && !in.atLineEnd()) {
            if (in.peekIs('(')) {
                in.listStart("search-sort-mod-seq");
                if (!in.maybeKeyword("MODSEQ")) {
                    throw in.error("search-sort-mod-seq", "MODSEQ");
                }
                in.sp();
                modSeq = in.number();
                in.expectListEnd("search-sort-mod-seq");
            } else {
                numbers.add(in.nzNumber());
            }
        }
        return new SearchResult(uid, numbers, null, null, null, modSeq, null);
    }

    /** SORT response data (RFC 5256 §4), the same shape as SEARCH: {@code in} stands after the word SORT. */
    public static SearchResult parseSort(ImapInput in, boolean uid) {
        return parseSearch(in, uid);
    }

    /**
     * Reads {@code [search-correlator] [SP "UID"] *(SP search-return-data)} (RFC 4731 §3.1): {@code in}
     * stands right after the word ESEARCH. ALL is expanded into numbers, refused above
     * {@value Lex#MAX_EXPANDED}, RELEVANCY (RFC 6203) read as scores; return data this parser does not
     * know is skipped.
     */
    public static SearchResult parseEsearch(ImapInput in) {
        String tag = null;
        boolean uid = false;
        List<Long> numbers = new ArrayList<>();
        Long min = null;
        Long max = null;
        Long count = null;
        Long modSeq = null;
        List<Integer> relevancy = null; // made only when the server sends RELEVANCY
        int p = in.position();
        if (in.maybeSp() && in.peekIs('(')) {
            // search-correlator = SP "(" "TAG" SP tag-string ")"
            in.listStart("search-correlator");
            if (!in.maybeKeyword("TAG")) {
                throw in.error("search-correlator", "TAG");
            }
            in.sp();
            tag = in.astring("tag-string");
            in.expectListEnd("search-correlator");
        } else {
            in.reset(p);
        }
        while (in.maybeSp() && !in.atLineEnd()) {
            String name = Lex.upper(in.atom());
            if (name.equals("UID")) {
                uid = true;
                continue;
            }
            in.sp();
            switch (name) {
                case "MIN" -> min = in.nzNumber();
                case "MAX" -> max = in.nzNumber();
                case "COUNT" -> count = in.number();
                case "MODSEQ" -> modSeq = in.number();
                case "ALL" -> numbers.addAll(expand(in, uid));
                case "RELEVANCY" -> relevancy = relevancy(in, relevancy == null ? new ArrayList<>() : relevancy);
                default -> Lex.rawValue(in, "search-ret-data-ext");
            }
        }
        return new SearchResult(uid, numbers, min, max, count, modSeq, tag, relevancy);
    }

    /**
     * RFC 6203 §4 {@code "RELEVANCY" SP "(" relevancy-score *(SP relevancy-score) ")"}, each score
     * 1 to 100; refused past {@value Lex#MAX_EXPANDED} scores, as ALL is.
     */
    private static List<Integer> relevancy(ImapInput in, List<Integer> out) {
        in.listStart("search-ret-data-ext");
        if (!in.listEnd()) {
            do {
                if (out.size() >= Lex.MAX_EXPANDED) {
                    throw in.error("search-ret-data-ext", "at most " + Lex.MAX_EXPANDED + " relevancy scores");
                }
                int start = in.position();
                long score = in.nzNumber();
                if (score > 100) {
                    in.reset(start);
                    throw in.error("search-ret-data-ext", "a relevancy score from 1 to 100");
                }
                out.add((int) score);
            } while (in.listMore("search-ret-data-ext"));
            in.expectListEnd("search-ret-data-ext");
        }
        return out;
    }

    private static List<Long> expand(ImapInput in, boolean uid) {
        int start = in.position();
        NumberSet set = Lex.sequenceSet(in, "search-return-data", uid);
        long n = Lex.count(set);
        if (n < 0 || n > Lex.MAX_EXPANDED) {
            in.reset(start);
            throw in.error("search-return-data", "a sequence-set of at most " + Lex.MAX_EXPANDED
                    + " numbers without '*' after ALL");
        }
        return set.toList();
    }
}
