package dev.imap4.client.sasl;

import java.text.Normalizer;

/**
 * SASLprep (RFC 4013, a profile of stringprep, RFC 3454) for SCRAM user names and passwords, as a
 * query (unassigned code points allowed). Implemented: the mapping of non-ASCII spaces to SPACE
 * (C.1.2) and of the "commonly mapped to nothing" characters to nothing (B.1), NFKC normalisation,
 * and every prohibition of RFC 4013 §2.3 (controls, private use, non-characters, surrogates,
 * characters inappropriate for plain text or canonical form, display-changing and tagging
 * characters). Not implemented: the bidirectional-text rules of RFC 3454 §6, and normalisation
 * uses the JDK's current Unicode version instead of Unicode 3.2. Plain ASCII and ordinary Unicode
 * passwords therefore come out as their NFKC form, which is what servers store.
 */
final class SaslPrep {

    private SaslPrep() {
    }

    /**
     * Prepares {@code value}; {@code what} names it in errors ("password", "user name"), which
     * never quote the value or the offending character.
     */
    static String prepare(String value, String what) {
        StringBuilder mapped = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            if (mapsToNothing(cp)) {
                return;
            }
            mapped.appendCodePoint(isNonAsciiSpace(cp) ? ' ' : cp);
        });
        String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
        normalized.codePoints().forEach(cp -> {
            String category = prohibition(cp);
            if (category != null) {
                throw new IllegalArgumentException(what + " contains a character SASLprep (RFC 4013) prohibits: "
                        + category);
            }
        });
        return normalized;
    }

    /** RFC 3454 table B.1. */
    private static boolean mapsToNothing(int cp) {
        return cp == 0x00AD || cp == 0x034F || cp == 0x1806 || (cp >= 0x180B && cp <= 0x180D)
                || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || (cp >= 0xFE00 && cp <= 0xFE0F)
                || cp == 0xFEFF;
    }

    /** RFC 3454 table C.1.2. */
    private static boolean isNonAsciiSpace(int cp) {
        return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F
                || cp == 0x3000;
    }

    /** The RFC 3454 table (C.2 to C.9) that prohibits {@code cp}, described; {@code null} when allowed. */
    private static String prohibition(int cp) {
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
            return "a control character";
        }
        if (cp == 0x06DD || cp == 0x070F || cp == 0x180E || cp == 0x200C || cp == 0x200D || cp == 0x2028
                || cp == 0x2029 || (cp >= 0x2060 && cp <= 0x2063) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFC)
                || (cp >= 0x1D173 && cp <= 0x1D17A)) {
            return "a control character";
        }
        if ((cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xF0000 && cp <= 0xFFFFD) || (cp >= 0x100000 && cp <= 0x10FFFD)) {
            return "a private-use character";
        }
        if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
            return "a non-character code point";
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            return "an unpaired surrogate";
        }
        if (cp == 0xFFFD || (cp >= 0x2FF0 && cp <= 0x2FFB)) {
            return "a character inappropriate for plain text";
        }
        if (cp == 0x0340 || cp == 0x0341 || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x206A && cp <= 0x206F)) {
            return "a display-changing character";
        }
        if (cp == 0xE0001 || (cp >= 0xE0020 && cp <= 0xE007F)) {
            return "a tagging character";
        }
        return null;
    }
}
