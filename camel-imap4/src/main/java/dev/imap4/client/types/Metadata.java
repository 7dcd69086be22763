package dev.imap4.client.types;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Annotations of a mailbox or of the server (RFC 5464 METADATA): entry names such as
 * {@code /private/comment} or {@code /shared/vendor/acme/x} and their values.
 *
 * @param mailbox     the mailbox, decoded from modified UTF-7; {@code ""} for server annotations
 * @param entries     value by entry name, in the order sent; {@code null} for an entry the server
 *                    has no value for (NIL)
 * @param longEntries with GETMETADATA's MAXSIZE, the size of the largest value left out for being
 *                    larger ({@code [METADATA LONGENTRIES n]}); {@code null} when none was
 */
public record Metadata(String mailbox, Map<String, String> entries, Long longEntries) {

    /** RFC 5464 §4.2.2 DEPTH: the entry alone, its children too, or every descendant. */
    public enum Depth {
        ZERO("0"), ONE("1"), INFINITY("infinity");

        private final String wire;

        Depth(String wire) {
            this.wire = wire;
        }

        /** The depth as sent. */
        public String wire() {
            return wire;
        }
    }

    public Metadata {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The value of an entry, or {@code null} when it has none or was not sent. */
    public String get(String entry) {
        return entries.get(entry);
    }

    /**
     * Refuses an entry name RFC 5464 §3.2 does not allow: it must be {@code /private} or
     * {@code /shared}, or start with one of them and a slash, and hold no {@code *}, {@code %},
     * two slashes in a row, a trailing slash or a control character.
     */
    public static String checkEntry(String entry) {
        boolean root = entry != null && (entry.equalsIgnoreCase("/private") || entry.equalsIgnoreCase("/shared")
                || entry.regionMatches(true, 0, "/private/", 0, 9) || entry.regionMatches(true, 0, "/shared/", 0, 8));
        boolean clean = root && !entry.contains("//") && !entry.endsWith("/") && entry.chars()
                .noneMatch(c -> c < 0x20 || c == 0x7f || c == '*' || c == '%');
        if (!clean) {
            throw new IllegalArgumentException("a METADATA entry is /private/... or /shared/... without *, %, //,"
                    + " a trailing / or control characters: '" + entry + "'");
        }
        return entry;
    }
}
