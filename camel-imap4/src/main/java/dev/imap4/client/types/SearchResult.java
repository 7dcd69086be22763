package dev.imap4.client.types;

import java.util.List;

/**
 * The result of SEARCH or SORT (RFC 3501 §7.2.5, RFC 5256, with RFC 7162 {@code (MODSEQ n)}) or of
 * ESEARCH (RFC 4731), in one shape.
 *
 * @param uid            whether the numbers are UIDs
 * @param numbers        the matching numbers in the server's order (ESEARCH ALL expanded); for
 *                       ESEARCH without ALL, empty
 * @param min            ESEARCH MIN, else {@code null}
 * @param max            ESEARCH MAX, else {@code null}
 * @param count          ESEARCH COUNT, else {@code null}
 * @param highestModSeq  the highest mod-sequence of the matches (RFC 7162), else {@code null}
 * @param tag            the ESEARCH correlator tag, else {@code null}
 * @param relevancy      ESEARCH RELEVANCY (RFC 6203, asked for with a FUZZY key): a score from 1
 *                       to 100 for each number of {@code numbers}, in the same order; else empty
 */
public record SearchResult(boolean uid, List<Long> numbers, Long min, Long max, Long count, Long highestModSeq,
        String tag, List<Integer> relevancy) {

    public SearchResult {
        numbers = List.copyOf(numbers);
        relevancy = relevancy == null ? List.of() : List.copyOf(relevancy);
    }

    /** A result without relevancy scores. */
    public SearchResult(boolean uid, List<Long> numbers, Long min, Long max, Long count, Long highestModSeq,
            String tag) {
        this(uid, numbers, min, max, count, highestModSeq, tag, List.of());
    }

    /**
     * This result followed by {@code later}, another untagged SEARCH, SORT or ESEARCH line of the
     * same command: a server may split one answer over several lines, and each adds to it. Numbers
     * keep the server's order; MIN and MAX are the extremes of both, COUNTs add up, the highest
     * mod-sequence is the greater, the correlator tag is the first one given, and relevancy scores
     * follow their numbers.
     */
    public SearchResult plus(SearchResult later) {
        List<Long> all = new java.util.ArrayList<>(numbers.size() + later.numbers.size());
        all.addAll(numbers);
        all.addAll(later.numbers);
        List<Integer> scores = relevancy;
        if (!later.relevancy.isEmpty()) {
            scores = new java.util.ArrayList<>(relevancy.size() + later.relevancy.size());
            scores.addAll(relevancy);
            scores.addAll(later.relevancy);
        }
        return new SearchResult(uid || later.uid, all, pick(min, later.min, Math::min), pick(max, later.max, Math::max),
                pick(count, later.count, Long::sum), pick(highestModSeq, later.highestModSeq, Math::max),
                tag != null ? tag : later.tag, scores);
    }

    private static Long pick(Long a, Long b, java.util.function.BinaryOperator<Long> both) {
        if (a == null) {
            return b;
        }
        return b == null ? a : both.apply(a, b);
    }
}
