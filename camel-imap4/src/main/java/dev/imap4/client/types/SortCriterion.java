package dev.imap4.client.types;

import java.util.List;
import java.util.Objects;

/**
 * One SORT criterion (RFC 5256 §3 sort-key, with RFC 5957 DISPLAYFROM and DISPLAYTO), optionally
 * REVERSE, and RFC 6203 RELEVANCY. A criterion holds one of the names below, never protocol text:
 *
 * <pre>{@code
 * client.sort(true, List.of(SortCriterion.DISPLAYFROM, SortCriterion.DATE.reversed()), SearchKey.ALL);
 * }</pre>
 *
 * DISPLAYFROM and DISPLAYTO sort by the display name of the first From or To address (the address
 * itself when it has none); they need the server's SORT=DISPLAY, which the sort checks before
 * anything is sent. RELEVANCY (RFC 6203) orders by the score of a FUZZY search and needs
 * SEARCH=FUZZY.
 *
 * @param key     ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT, TO, DISPLAYFROM, DISPLAYTO or RELEVANCY
 * @param reverse whether the order is reversed
 */
public record SortCriterion(String key, boolean reverse) {

    private static final List<String> KEYS =
            List.of("ARRIVAL", "CC", "DATE", "FROM", "SIZE", "SUBJECT", "TO", "DISPLAYFROM", "DISPLAYTO", "RELEVANCY");

    public static final SortCriterion ARRIVAL = new SortCriterion("ARRIVAL", false);
    public static final SortCriterion CC = new SortCriterion("CC", false);
    public static final SortCriterion DATE = new SortCriterion("DATE", false);
    public static final SortCriterion FROM = new SortCriterion("FROM", false);
    public static final SortCriterion SIZE = new SortCriterion("SIZE", false);
    public static final SortCriterion SUBJECT = new SortCriterion("SUBJECT", false);
    public static final SortCriterion TO = new SortCriterion("TO", false);
    /** RFC 5957: the display name of the first From address; needs SORT=DISPLAY. */
    public static final SortCriterion DISPLAYFROM = new SortCriterion("DISPLAYFROM", false);
    /** RFC 5957: the display name of the first To address; needs SORT=DISPLAY. */
    public static final SortCriterion DISPLAYTO = new SortCriterion("DISPLAYTO", false);
    /**
     * RFC 6203 §5: by the relevancy score of a FUZZY search, lowest first (use {@link #reversed()}
     * for the best match first); needs SEARCH=FUZZY.
     */
    public static final SortCriterion RELEVANCY = new SortCriterion("RELEVANCY", false);

    public SortCriterion {
        Objects.requireNonNull(key, "sort key");
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("'" + key + "' is not a sort key; one of " + KEYS);
        }
    }

    /** The same key in the opposite order. */
    public SortCriterion reversed() {
        return new SortCriterion(key, !reverse);
    }

    /** Whether this criterion needs RFC 5957 SORT=DISPLAY. */
    public boolean needsDisplay() {
        return key.startsWith("DISPLAY");
    }

    /** Whether this criterion needs RFC 6203 SEARCH=FUZZY. */
    public boolean needsFuzzy() {
        return key.equals("RELEVANCY");
    }

    /** The criteria as RFC 5256 sort-criteria, e.g. {@code (DISPLAYFROM REVERSE DATE)}; at least one. */
    public static String wire(List<SortCriterion> criteria) {
        if (criteria == null || criteria.isEmpty()) {
            throw new IllegalArgumentException("SORT needs at least one sort criterion, e.g. SortCriterion.ARRIVAL");
        }
        StringBuilder sb = new StringBuilder("(");
        for (SortCriterion c : criteria) {
            Objects.requireNonNull(c, "sort criterion");
            if (sb.length() > 1) {
                sb.append(' ');
            }
            if (c.reverse) {
                sb.append("REVERSE ");
            }
            sb.append(c.key);
        }
        return sb.append(')').toString();
    }
}
