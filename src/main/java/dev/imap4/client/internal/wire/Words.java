package dev.imap4.client.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A fixed set of ASCII words that {@link ImapInput} recognises on the line, ASCII letters in any case,
 * and returns as constants instead of copying them into new strings: FETCH item names, media types,
 * parameter names, encodings. The lookup hashes the bytes as they are scanned, so a word costs one
 * pass whether it is known or not.
 */
public final class Words {

    private final String[] slots;
    private final byte[][] folded;
    private final boolean[] lowerCase;
    private final int mask;

    /** The words as the reader returns them (any case; matched with ASCII letters folded). */
    public Words(String... words) {
        int size = Integer.highestOneBit(Math.max(4, words.length * 4) - 1) << 1;
        slots = new String[size];
        folded = new byte[size][];
        lowerCase = new boolean[size];
        mask = size - 1;
        for (String w : words) {
            byte[] b = w.getBytes(StandardCharsets.US_ASCII);
            int h = 0;
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) fold(b[i]);
                h = step(h, b[i]);
            }
            int i = h & mask;
            while (slots[i] != null && !Arrays.equals(folded[i], b)) {
                i = (i + 1) & mask;
            }
            slots[i] = w;
            folded[i] = b;
            lowerCase[i] = w.equals(new String(b, StandardCharsets.US_ASCII));
        }
    }

    /** An ASCII upper-case letter in lower case; any other byte as it is. */
    static int fold(int b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    /** The hash after one more folded byte. */
    static int step(int h, int foldedByte) {
        return 31 * h + foldedByte;
    }

    /** The word that {@code a[from, from + n)} spells, whose {@link #step} hash is {@code h}, or null. */
    String find(byte[] a, int from, int n, int h) {
        for (int i = h & mask; slots[i] != null; i = (i + 1) & mask) {
            byte[] w = folded[i];
            if (w.length == n && matches(a, from, w)) {
                return slots[i];
            }
        }
        return null;
    }

    /**
     * Whether {@code s} is one of the words in lower case, as given (the same instance): such a
     * word is its own lower-case form. Words are hashed as {@link String#hashCode()} hashes
     * lower-case ASCII, so the string's cached hash finds its slot.
     */
    public boolean holdsLowerCase(String s) {
        for (int i = s.hashCode() & mask; slots[i] != null; i = (i + 1) & mask) {
            if (slots[i] == s) {
                return lowerCase[i];
            }
        }
        return false;
    }

    private static boolean matches(byte[] a, int from, byte[] w) {
        for (int i = 0; i < w.length; i++) {
            if (fold(a[from + i]) != w[i]) {
                return false;
            }
        }
        return true;
    }
}
