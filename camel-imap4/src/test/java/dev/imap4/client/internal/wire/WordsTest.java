package dev.imap4.client.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The word table the reader returns constants from: found in any ASCII case, never by a near miss. */
class WordsTest {

    private static String find(Words w, String text) {
        byte[] b = ("x" + text).getBytes(StandardCharsets.ISO_8859_1);
        int h = 0;
        for (int i = 1; i < b.length; i++) {
            h = Words.step(h, b[i]);
        }
        return w.find(b, 1, b.length - 1, h);
    }

    @Test
    void findsEachWordInAnyAsciiCaseAsTheConstant() {
        String text = "text";
        String body = "BODY";
        Words w = new Words(text, body, "rfc822.size");
        assertSame(text, find(w, "TEXT"));
        assertSame(text, find(w, "tExT"));
        assertSame(body, find(w, "body"));
        assertEquals("rfc822.size", find(w, "RFC822.SIZE"));
    }

    @Test
    void nearMissesAndOtherBytesAreNotWords() {
        Words w = new Words("text", "body", "a[");
        assertNull(find(w, "tex"));
        assertNull(find(w, "texts"));
        assertNull(find(w, "te\u00d8t")); // 0xd8 and 0xf8: 'X' and 'x' with the high bit
        assertNull(find(w, "te\u00f8t"));
        assertNull(find(w, "a{")); // '[' and '{' differ in the case bit only: not letters
        assertNull(find(w, "A{"));
        assertNull(find(w, ""));
    }

    @Test
    void manyWordsSharingSlotsAreAllFound() {
        String[] words = new String[40];
        for (int i = 0; i < words.length; i++) {
            words[i] = "w" + i;
        }
        Words w = new Words(words);
        for (String s : words) {
            assertSame(s, find(w, s.toUpperCase()));
        }
        assertNull(find(w, "w40"));
    }

    @Test
    void holdsLowerCaseOnlyForTheLowerCaseConstantsThemselves() {
        String text = "text";
        Words w = new Words(text, "BODY");
        assertTrue(w.holdsLowerCase(text));
        assertFalse(w.holdsLowerCase(new String("text"))); // equal, but not the constant
        assertFalse(w.holdsLowerCase("BODY")); // a constant, not in lower case
        assertFalse(w.holdsLowerCase("other"));
    }
}
