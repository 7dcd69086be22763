package dev.imap4.client;

/**
 * The modified UTF-7 of RFC 3501 §5.1.3 for mailbox names: printable US-ASCII stands for itself
 * except {@code &}, written {@code &-}; every other run of characters is {@code &}, the modified
 * BASE64 of its UTF-16BE code units ({@code ,} instead of {@code /}, no padding), then {@code -}.
 */
public final class ModifiedUtf7 {

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".toCharArray();
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = i;
        }
    }

    private ModifiedUtf7() {
    }

    /**
     * Encodes a mailbox name for the wire.
     *
     * @throws IllegalArgumentException if the name holds an unpaired surrogate, which has no UTF-16
     *                                  encoding a server could decode
     */
    public static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == '&') {
                out.append("&-");
                i++;
            } else if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
                i++;
            } else {
                int end = i;
                while (end < name.length() && (name.charAt(end) < 0x20 || name.charAt(end) > 0x7e)) {
                    checkSurrogate(name, end);
                    end++;
                }
                out.append('&');
                base64(name, i, end, out);
                out.append('-');
                i = end;
            }
        }
        return out.toString();
    }

    private static void checkSurrogate(String s, int i) {
        char c = s.charAt(i);
        boolean ok = !Character.isSurrogate(c)
                || (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
        if (!ok) {
            throw new IllegalArgumentException("mailbox name has an unpaired surrogate U+"
                    + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + " at index " + i
                    + "; it cannot be encoded in modified UTF-7");
        }
    }

    private static void base64(String s, int from, int to, StringBuilder out) {
        int bits = 0;
        int nbits = 0;
        for (int i = from; i < to; i++) {
            bits = (bits << 16) | s.charAt(i);
            nbits += 16;
            while (nbits >= 6) {
                nbits -= 6;
                out.append(ALPHABET[(bits >> nbits) & 0x3f]);
            }
            bits &= (1 << nbits) - 1;
        }
        if (nbits > 0) {
            out.append(ALPHABET[(bits << (6 - nbits)) & 0x3f]);
        }
    }

    /**
     * Decodes a modified UTF-7 mailbox name, strictly.
     *
     * @throws IllegalArgumentException naming the offset and the fault when {@code encoded} is not valid
     *                                  modified UTF-7
     */
    public static String decode(String encoded) {
        StringBuilder out = new StringBuilder(encoded.length());
        int i = 0;
        while (i < encoded.length()) {
            char c = encoded.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw invalid(encoded, i, "a character outside printable US-ASCII must be BASE64-encoded");
            }
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int end = encoded.indexOf('-', i + 1);
            if (end < 0) {
                throw invalid(encoded, i, "'&' starts a BASE64 run that no '-' ends");
            }
            if (end == i + 1) {
                out.append('&');
            } else {
                unbase64(encoded, i + 1, end, out);
            }
            i = end + 1;
        }
        return out.toString();
    }

    /**
     * Decodes a mailbox name sent by a server, returning it unchanged when it is not valid modified
     * UTF-7: servers send raw 8-bit or UTF-8 names, and a name we cannot decode is still a name.
     */
    public static String decodeLenient(String encoded) {
        if (encoded == null || encoded.indexOf('&') < 0) {
            return encoded;
        }
        try {
            return decode(encoded);
        } catch (IllegalArgumentException e) {
            return encoded;
        }
    }

    private static void unbase64(String s, int from, int to, StringBuilder out) {
        int bits = 0;
        int nbits = 0;
        int start = out.length();
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int v = c < 128 ? VALUES[c] : -1;
            if (v < 0) {
                throw invalid(s, i, "'" + c + "' is not a modified BASE64 character");
            }
            bits = (bits << 6) | v;
            nbits += 6;
            if (nbits >= 16) {
                nbits -= 16;
                out.append((char) ((bits >> nbits) & 0xffff));
                bits &= (1 << nbits) - 1;
            }
        }
        if (nbits >= 6 || bits != 0) {
            throw invalid(s, from, "the BASE64 run does not end on a whole UTF-16 code unit");
        }
        for (int i = start; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c >= 0x20 && c <= 0x7e) {
                throw invalid(s, from, "printable US-ASCII '" + c + "' must not be BASE64-encoded");
            }
            boolean paired = !Character.isSurrogate(c)
                    || (Character.isHighSurrogate(c) && i + 1 < out.length() && Character.isLowSurrogate(out.charAt(i + 1)))
                    || (Character.isLowSurrogate(c) && i > start && Character.isHighSurrogate(out.charAt(i - 1)));
            if (!paired) {
                throw invalid(s, from, "the BASE64 run holds an unpaired UTF-16 surrogate");
            }
        }
    }

    private static IllegalArgumentException invalid(String s, int at, String why) {
        return new IllegalArgumentException("not valid modified UTF-7 (RFC 3501 §5.1.3) at offset " + at + " of '"
                + s + "': " + why);
    }
}
