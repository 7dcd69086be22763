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
 */
public record SearchResult(boolean uid, List<Long> numbers, Long min, Long max, Long count, Long highestModSeq,
        String tag) {

    public SearchResult {
        numbers = List.copyOf(numbers);
    }
}
