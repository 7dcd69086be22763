package dev.imap4.client.types;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A typed search program (RFC 3501 §6.4.4 search-key), built with the static factories and
 * combined with {@link #and}, {@link #or} and {@link #not}:
 *
 * <pre>{@code
 * SearchKey key = SearchKey.and(SearchKey.UNSEEN, SearchKey.from("billing@example.org"),
 *         SearchKey.or(SearchKey.subject("invoice"), SearchKey.larger(100_000)));
 * client.uidSearch(key);
 * }</pre>
 *
 * A key holds values, never protocol text: the search command encodes each string as a quoted string
 * or a literal (and asks for {@code CHARSET UTF-8} when one is not ASCII), so no value can end the
 * command or inject another. Values that cannot be sent at all (a NUL byte, a header name that is
 * not one, a keyword that is not an atom) are refused when the key is built. Keys that need an
 * extension ({@link #younger}/{@link #older}: WITHIN, RFC 5032; {@link #modSeq}: CONDSTORE, RFC
 * 7162; {@link #fuzzy}: SEARCH=FUZZY, RFC 6203; {@link #filter}: FILTERS, RFC 5466) are refused by
 * the search when the server lacks it.
 */
public sealed interface SearchKey {

    /** A key without argument: ALL, SEEN, UNSEEN, DELETED, ... */
    record Flag(String name) implements SearchKey {
        private static final List<String> NAMES = List.of("ALL", "ANSWERED", "DELETED", "DRAFT", "FLAGGED", "NEW",
                "OLD", "RECENT", "SEEN", "UNANSWERED", "UNDELETED", "UNDRAFT", "UNFLAGGED", "UNSEEN");

        public Flag {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a search key without argument; one of " + NAMES);
            }
        }
    }

    /** KEYWORD flag or UNKEYWORD flag (RFC 3501 flag-keyword: an atom). */
    record Keyword(String keyword, boolean set) implements SearchKey {
        public Keyword {
            checkAtom(keyword, "keyword");
        }
    }

    /** FROM, TO, CC, BCC, SUBJECT, BODY or TEXT with a substring to look for. */
    record Text(String name, String value) implements SearchKey {
        private static final List<String> NAMES = List.of("FROM", "TO", "CC", "BCC", "SUBJECT", "BODY", "TEXT");

        public Text {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a text search key; one of " + NAMES);
            }
            checkString(value, name);
        }
    }

    /** HEADER field-name string: the field contains {@code value} (an empty value: the field exists). */
    record Header(String field, String value) implements SearchKey {
        public Header {
            Objects.requireNonNull(field, "header field name");
            // RFC 5322 §3.6.8 field-name = 1*ftext, ftext = %d33-57 / %d59-126
            if (field.isEmpty() || !field.chars().allMatch(c -> c >= 33 && c <= 126 && c != ':')) {
                throw new IllegalArgumentException("'" + printable(field) + "' is not a header field name"
                        + " (printable ASCII without space or colon)");
            }
            checkString(value, "HEADER " + field);
        }
    }

    /** SINCE, BEFORE, ON (internal date) or SENTSINCE, SENTBEFORE, SENTON (Date header), by day. */
    record Date(String name, LocalDate date) implements SearchKey {
        private static final List<String> NAMES = List.of("SINCE", "BEFORE", "ON", "SENTSINCE", "SENTBEFORE", "SENTON");

        public Date {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a date search key; one of " + NAMES);
            }
            Objects.requireNonNull(date, "date");
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw new IllegalArgumentException("IMAP dates have four-digit years, got " + date);
            }
        }

        /** The RFC 3501 date, e.g. {@code 7-Mar-2026}. */
        public String imapDate() {
            String month = date.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT);
            return date.getDayOfMonth() + "-" + month + "-" + String.format(Locale.ROOT, "%04d", date.getYear());
        }
    }

    /** YOUNGER or OLDER (RFC 5032 WITHIN): internal date within, or more than, {@code seconds} ago. */
    record Interval(String name, long seconds) implements SearchKey {
        public Interval {
            if (!name.equals("YOUNGER") && !name.equals("OLDER")) {
                throw new IllegalArgumentException("'" + name + "' is not YOUNGER or OLDER");
            }
            // RFC 5032 nz-number
            if (seconds < 1 || seconds > 0xFFFFFFFFL) {
                throw new IllegalArgumentException(name + " takes 1 to 4294967295 seconds, got " + seconds);
            }
        }
    }

    /** LARGER or SMALLER than {@code bytes} (RFC 822 size). */
    record Size(String name, long bytes) implements SearchKey {
        public Size {
            if (!name.equals("LARGER") && !name.equals("SMALLER")) {
                throw new IllegalArgumentException("'" + name + "' is not LARGER or SMALLER");
            }
            if (bytes < 0 || bytes > 0xFFFFFFFFL) {
                throw new IllegalArgumentException(name + " takes 0 to 4294967295 bytes, got " + bytes);
            }
        }
    }

    /** {@code UID set} for a UID set, a bare sequence-set for sequence numbers. */
    record Numbers(NumberSet set) implements SearchKey {
        public Numbers {
            Objects.requireNonNull(set, "number set");
            if (set.isEmpty()) {
                throw new IllegalArgumentException("an empty number set matches nothing and cannot be sent");
            }
        }
    }

    /** MODSEQ n (RFC 7162 §3.1.5): changed at or after mod-sequence {@code modSeq}. */
    record ModSeq(long modSeq) implements SearchKey {
        public ModSeq {
            if (modSeq < 0) {
                throw new IllegalArgumentException("MODSEQ takes a non-negative mod-sequence, got " + modSeq);
            }
        }
    }

    /**
     * FUZZY key (RFC 6203 SEARCH=FUZZY): {@code key} matched approximately, as the server sees fit
     * (typically a text key); the server may then score each match (ESEARCH RELEVANCY).
     */
    record Fuzzy(SearchKey key) implements SearchKey {
        public Fuzzy {
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * FILTER name (RFC 5466 FILTERS): the search program the user stored on the server under
     * {@code name}, in METADATA {@code /private/filters/values/<name>} (or {@code /shared/...}).
     */
    record Filter(String name) implements SearchKey {
        public Filter {
            checkAtom(name, "filter name");
            // RFC 5466 filter-name = 1*<any ATOM-CHAR except "/">
            if (name.indexOf('/') >= 0) {
                throw new IllegalArgumentException("'" + printable(name) + "' is not a filter name (no '/')");
            }
        }
    }

    /** Every key matches (keys side by side, parenthesised when nested). */
    record And(List<SearchKey> keys) implements SearchKey {
        public And {
            keys = List.copyOf(keys);
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("AND of no keys; use ALL");
            }
        }
    }

    /** OR key1 key2. */
    record Or(SearchKey left, SearchKey right) implements SearchKey {
        public Or {
            Objects.requireNonNull(left, "left key");
            Objects.requireNonNull(right, "right key");
        }
    }

    /** NOT key. */
    record Not(SearchKey key) implements SearchKey {
        public Not {
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * A program in IMAP syntax, split into arguments and each encoded by imaplib's rules, as the
     * client's text overloads do (for criteria that come as text, such as a configuration value).
     */
    record Program(List<String> arguments) implements SearchKey {
        public Program {
            arguments = List.copyOf(arguments);
            if (arguments.isEmpty()) {
                throw new IllegalArgumentException("empty search program; use ALL");
            }
            for (String a : arguments) {
                checkString(a, "search program");
            }
        }
    }

    SearchKey ALL = new Flag("ALL");
    SearchKey ANSWERED = new Flag("ANSWERED");
    SearchKey DELETED = new Flag("DELETED");
    SearchKey DRAFT = new Flag("DRAFT");
    SearchKey FLAGGED = new Flag("FLAGGED");
    SearchKey NEW = new Flag("NEW");
    SearchKey OLD = new Flag("OLD");
    SearchKey RECENT = new Flag("RECENT");
    SearchKey SEEN = new Flag("SEEN");
    SearchKey UNANSWERED = new Flag("UNANSWERED");
    SearchKey UNDELETED = new Flag("UNDELETED");
    SearchKey UNDRAFT = new Flag("UNDRAFT");
    SearchKey UNFLAGGED = new Flag("UNFLAGGED");
    SearchKey UNSEEN = new Flag("UNSEEN");

    static SearchKey and(SearchKey... keys) {
        return new And(List.of(keys));
    }

    static SearchKey and(List<SearchKey> keys) {
        return new And(keys);
    }

    static SearchKey or(SearchKey left, SearchKey right) {
        return new Or(left, right);
    }

    static SearchKey not(SearchKey key) {
        return new Not(key);
    }

    /**
     * Messages carrying {@code flag}: a system flag ({@code \Seen}, {@code \Answered}, {@code \Flagged},
     * {@code \Deleted}, {@code \Draft}, {@code \Recent}) becomes its own key, anything else KEYWORD.
     */
    static SearchKey flag(String flag) {
        String system = systemFlag(flag);
        return system != null ? new Flag(system) : new Keyword(flag, true);
    }

    /** Messages not carrying {@code flag}: UNSEEN for {@code \Seen}, ..., otherwise UNKEYWORD. */
    static SearchKey unflag(String flag) {
        String system = systemFlag(flag);
        if ("RECENT".equals(system)) {
            return new Flag("OLD");
        }
        return system != null ? new Flag("UN" + system) : new Keyword(flag, false);
    }

    static SearchKey keyword(String keyword) {
        return new Keyword(keyword, true);
    }

    static SearchKey unkeyword(String keyword) {
        return new Keyword(keyword, false);
    }

    static SearchKey from(String value) {
        return new Text("FROM", value);
    }

    static SearchKey to(String value) {
        return new Text("TO", value);
    }

    static SearchKey cc(String value) {
        return new Text("CC", value);
    }

    static SearchKey bcc(String value) {
        return new Text("BCC", value);
    }

    static SearchKey subject(String value) {
        return new Text("SUBJECT", value);
    }

    static SearchKey body(String value) {
        return new Text("BODY", value);
    }

    static SearchKey text(String value) {
        return new Text("TEXT", value);
    }

    static SearchKey header(String field, String value) {
        return new Header(field, value);
    }

    /** Internal date on or after {@code date} (the server's day, time and zone disregarded). */
    static SearchKey since(LocalDate date) {
        return new Date("SINCE", date);
    }

    static SearchKey before(LocalDate date) {
        return new Date("BEFORE", date);
    }

    static SearchKey on(LocalDate date) {
        return new Date("ON", date);
    }

    static SearchKey sentSince(LocalDate date) {
        return new Date("SENTSINCE", date);
    }

    static SearchKey sentBefore(LocalDate date) {
        return new Date("SENTBEFORE", date);
    }

    static SearchKey sentOn(LocalDate date) {
        return new Date("SENTON", date);
    }

    /** Internal date within the last {@code age} (whole seconds, at least one); needs WITHIN. */
    static SearchKey younger(Duration age) {
        return new Interval("YOUNGER", age.getSeconds());
    }

    /** Internal date more than {@code age} ago (whole seconds, at least one); needs WITHIN. */
    static SearchKey older(Duration age) {
        return new Interval("OLDER", age.getSeconds());
    }

    static SearchKey larger(long bytes) {
        return new Size("LARGER", bytes);
    }

    static SearchKey smaller(long bytes) {
        return new Size("SMALLER", bytes);
    }

    /** A UID set (sent as {@code UID set}) or a sequence set (sent bare): the set says which. */
    static SearchKey numbers(NumberSet set) {
        return new Numbers(set);
    }

    static SearchKey uids(NumberSet set) {
        return new Numbers(set.withUid(true));
    }

    static SearchKey seqs(NumberSet set) {
        return new Numbers(set.withUid(false));
    }

    /** Changed at or after {@code modSeq}; needs CONDSTORE. */
    static SearchKey modSeq(long modSeq) {
        return new ModSeq(modSeq);
    }

    /** {@code key} matched approximately (FUZZY, RFC 6203); needs SEARCH=FUZZY. */
    static SearchKey fuzzy(SearchKey key) {
        return new Fuzzy(key);
    }

    /** The filter stored on the server under {@code name} (FILTER, RFC 5466); needs FILTERS. */
    static SearchKey filter(String name) {
        return new Filter(name);
    }

    /** Criteria as separate imaplib-style arguments, e.g. {@code "UNSEEN", "FROM", "Ann Lee"}. */
    static SearchKey program(List<String> arguments) {
        return new Program(arguments);
    }

    /** Whether this key, or one inside it, holds text that is not ASCII (the search then sends CHARSET UTF-8). */
    default boolean needsUtf8() {
        for (SearchKey k : flatten()) {
            if (k instanceof Text t && !isAscii(t.value()) || k instanceof Header h && !isAscii(h.value())) {
                return true;
            }
            if (k instanceof Program p) {
                for (String a : p.arguments()) {
                    if (!isAscii(a)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Every key in this tree, this one first. */
    default List<SearchKey> flatten() {
        List<SearchKey> out = new ArrayList<>();
        out.add(this);
        if (this instanceof And a) {
            a.keys().forEach(k -> out.addAll(k.flatten()));
        } else if (this instanceof Or o) {
            out.addAll(o.left().flatten());
            out.addAll(o.right().flatten());
        } else if (this instanceof Not n) {
            out.addAll(n.key().flatten());
        } else if (this instanceof Fuzzy f) {
            out.addAll(f.key().flatten());
        }
        return out;
    }

    private static String systemFlag(String flag) {
        Objects.requireNonNull(flag, "flag");
        return switch (flag.toLowerCase(Locale.ROOT)) {
            case "\\seen" -> "SEEN";
            case "\\answered" -> "ANSWERED";
            case "\\flagged" -> "FLAGGED";
            case "\\deleted" -> "DELETED";
            case "\\draft" -> "DRAFT";
            case "\\recent" -> "RECENT";
            default -> null;
        };
    }

    private static void checkAtom(String value, String what) {
        Objects.requireNonNull(value, what);
        // RFC 3501 atom: no atom-specials "(){ %*\"\\]" nor CTL; a leading backslash would name a system flag
        if (value.isEmpty() || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f && "(){ %*\"\\]".indexOf(c) < 0)) {
            throw new IllegalArgumentException("'" + printable(value) + "' is not a valid IMAP " + what
                    + " (an atom such as $Invoice; use flag(\"\\\\Seen\") for system flags)");
        }
    }

    private static void checkString(String value, String what) {
        Objects.requireNonNull(value, what + " value");
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the " + what + " value holds a NUL character, which IMAP cannot carry"
                    + " in any string");
        }
    }

    // a loop, not a stream: this runs on every search the consumer sends
    private static boolean isAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format(Locale.ROOT, "\\x%02x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
