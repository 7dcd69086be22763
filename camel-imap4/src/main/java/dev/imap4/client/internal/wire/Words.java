package dev.imap4.client.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A fixed set of ASCII words that {@link ImapInput} recognises on the line, ASCII letters in any case,
 * and returns as constants instead of copying them into new strings: FETCH item names, media types,
 * parameter names, encodings. The lookup hashes the bytes as they are scanned ({@link #step}), so a
 * word costs one pass and one comparison whether it is known or not.
 */
public final class Words {

    private final String[] slots;
    private final byte[][] lower;
    private final byte[][] upper;
    private final boolean[] lowerCase;
    private final int mask;

    /** The words as the reader returns them (any case; matched with ASCII letters in any case). */
    public Words(String... words) {
        int size = Integer.highestOneBit(Math.max(4, words.length * 4) - 1) << 1;
        slots = new String[size];
        lower = new byte[size][];
        upper = new byte[size][];
        lowerCase = new boolean[size];
        mask = size - 1;
        for (String w : words) {
            byte[] lo = w.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            int h = 0;
            for (byte b : lo) {
                h = step(h, b);
            }
            int i = h & mask;
            while (slots[i] != null && !Arrays.equals(lower[i], lo)) {
                i = (i + 1) & mask;
            }
            slots[i] = w;
            lower[i] = lo;
            upper[i] = w.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            lowerCase[i] = w.equals(new String(lo, StandardCharsets.US_ASCII));
        }
    }

    /**
     * The hash after one more byte: the case bit is set first, so a word hashes alike in any case
     * (and, for lower-case letters, digits, '-' and '.', as {@link String#hashCode()} does).
     */
    static int step(int h, byte b) {
        return 31 * h + (b | 0x20);
    }

    /** The word that {@code a[from, from + n)} spells, whose {@link #step} hash is {@code h}, or null. */
    String find(byte[] a, int from, int n, int h) {
        for (int i = h & mask; slots[i] != null; i = (i + 1) & mask) {
            if (lower[i].length == n && matches(a, from, lower[i], upper[i])) {
                return slots[i];
            }
        }
        return null;
    }

    /**
     * Whether {@code s} is one of the words in lower case, as given (the same instance): such a word
     * is its own lower-case form. The string's cached hash finds the slot; a word whose hash differs
     * from it (one with characters other than lower-case letters, digits, '-' and '.') is not found,
     * which only costs the caller a case fold.
     */
    public boolean holdsLowerCase(String s) {
        for (int i = s.hashCode() & mask; slots[i] != null; i = (i + 1) & mask) {
            if (slots[i] == s) {
                return lowerCase[i];
            }
        }
        return false;
    }

    private static boolean matches(byte[] a, int from, byte[] lo, byte[] up) {
        for (int i = 0; i < lo.length; i++) {
            byte c = a[from + i];
            if (c != lo[i] && c != up[i]) {
                return false;
            }
        }
        return true;
    }
}
