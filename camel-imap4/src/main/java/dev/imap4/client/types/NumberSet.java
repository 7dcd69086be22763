package dev.imap4.client.types;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * An RFC 3501 sequence-set that knows whether it holds UIDs or message sequence numbers, so a UID
 * can never be sent where a sequence number is meant. Ranges are inclusive; {@code *} is
 * {@link #STAR}. Values are 32-bit unsigned in the protocol, held as longs.
 */
public final class NumberSet {

    /** {@code *}: the largest number in use. */
    public static final long STAR = -1;

    /** One inclusive range; {@code from == to} for a single number. */
    public record Range(long from, long to) {
        @Override
        public String toString() {
            String f = from == STAR ? "*" : Long.toString(from);
            if (from == to) {
                return f;
            }
            return f + ":" + (to == STAR ? "*" : Long.toString(to));
        }
    }

    private final boolean uid;
    private final List<Range> ranges;
    private final boolean saved;

    private NumberSet(boolean uid, List<Range> ranges) {
        this(uid, ranges, false);
    }

    private NumberSet(boolean uid, List<Range> ranges, boolean saved) {
        this.uid = uid;
        this.ranges = List.copyOf(ranges);
        this.saved = saved;
    }

    /**
     * {@code $}: the result the last {@code SEARCH RETURN (SAVE)} kept on the server (RFC 5182
     * SEARCHRES), used without sending the numbers back. Only the server knows its members.
     */
    public static NumberSet savedResult(boolean uid) {
        return new NumberSet(uid, List.of(), true);
    }

    /** Whether this is {@code $}, the server's saved search result (RFC 5182). */
    public boolean isSavedResult() {
        return saved;
    }

    /** A UID set from individual UIDs, compressed into ranges. */
    public static NumberSet uids(Collection<Long> uids) {
        return new NumberSet(true, compress(uids));
    }

    public static NumberSet uids(long... uids) {
        List<Long> l = new ArrayList<>(uids.length);
        for (long u : uids) {
            l.add(u);
        }
        return uids(l);
    }

    /** {@code from:to} of UIDs; {@code to} may be {@link #STAR}. */
    public static NumberSet uidRange(long from, long to) {
        return new NumberSet(true, List.of(new Range(check(from), to == STAR ? STAR : check(to))));
    }

    /** A sequence-number set. */
    public static NumberSet seqs(Collection<Long> numbers) {
        return new NumberSet(false, compress(numbers));
    }

    public static NumberSet seqs(long... numbers) {
        List<Long> l = new ArrayList<>(numbers.length);
        for (long n : numbers) {
            l.add(n);
        }
        return seqs(l);
    }

    public static NumberSet seqRange(long from, long to) {
        return new NumberSet(false, List.of(new Range(check(from), to == STAR ? STAR : check(to))));
    }

    /** Parses {@code 1:3,7,9:*}; {@code uid} says what the numbers are. */
    public static NumberSet parse(String text, boolean uid) {
        Objects.requireNonNull(text, "sequence set");
        if (text.trim().equals("$")) {
            return savedResult(uid);
        }
        List<Range> out = new ArrayList<>();
        for (String part : text.trim().split(",")) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("empty element in sequence set '" + text + "'");
            }
            int colon = part.indexOf(':');
            long a = parseNumber(colon < 0 ? part : part.substring(0, colon), text);
            long b = colon < 0 ? a : parseNumber(part.substring(colon + 1), text);
            if (a != STAR && b != STAR && a > b) {
                long t = a;
                a = b;
                b = t;
            }
            out.add(new Range(a, b));
        }
        return new NumberSet(uid, out);
    }

    private static long parseNumber(String s, String whole) {
        if (s.equals("*")) {
            return STAR;
        }
        try {
            return check(Long.parseLong(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' in sequence set '" + whole + "' is not a number");
        }
    }

    private static long check(long n) {
        if (n < 1 || n > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("sequence numbers and UIDs run from 1 to 4294967295, got " + n);
        }
        return n;
    }

    private static List<Range> compress(Collection<Long> numbers) {
        TreeSet<Long> sorted = new TreeSet<>();
        for (Long n : numbers) {
            sorted.add(check(n));
        }
        List<Range> out = new ArrayList<>();
        long start = -1;
        long prev = -1;
        for (long n : sorted) {
            if (start < 0) {
                start = prev = n;
            } else if (n == prev + 1) {
                prev = n;
            } else {
                out.add(new Range(start, prev));
                start = prev = n;
            }
        }
        if (start >= 0) {
            out.add(new Range(start, prev));
        }
        return out;
    }

    public boolean isUid() {
        return uid;
    }

    /** The same numbers, as UIDs ({@code uid}) or as sequence numbers. */
    public NumberSet withUid(boolean uid) {
        return uid == this.uid ? this : new NumberSet(uid, ranges, saved);
    }

    public boolean isEmpty() {
        return !saved && ranges.isEmpty();
    }

    public List<Range> ranges() {
        return ranges;
    }

    /** Every number in the set, in order; refused for sets containing {@code *}. */
    public List<Long> toList() {
        if (saved) {
            throw new IllegalStateException("'$' is the server's saved search result; only the server knows its"
                    + " members");
        }
        List<Long> out = new ArrayList<>();
        for (Range r : ranges) {
            if (r.from() == STAR || r.to() == STAR) {
                throw new IllegalStateException("set " + this + " contains '*', which only the server can resolve");
            }
            for (long n = r.from(); n <= r.to(); n++) {
                out.add(n);
            }
        }
        return out;
    }

    /** Splits into sets whose text is at most {@code maxChars} long (servers limit command lines). */
    public List<NumberSet> split(int maxChars) {
        if (saved) {
            return List.of(this);
        }
        List<NumberSet> out = new ArrayList<>();
        List<Range> current = new ArrayList<>();
        int len = 0;
        for (Range r : ranges) {
            int l = r.toString().length() + (current.isEmpty() ? 0 : 1);
            if (!current.isEmpty() && len + l > maxChars) {
                out.add(new NumberSet(uid, current));
                current = new ArrayList<>();
                l = r.toString().length();
                len = 0;
            }
            current.add(r);
            len += l;
        }
        if (!current.isEmpty()) {
            out.add(new NumberSet(uid, current));
        }
        return out;
    }

    @Override
    public String toString() {
        if (saved) {
            return "$";
        }
        StringBuilder sb = new StringBuilder();
        for (Range r : ranges) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(r);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumberSet n && n.uid == uid && n.saved == saved && n.ranges.equals(ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode() * 31 + (uid ? 1 : 0) + (saved ? 2 : 0);
    }
}
