package dev.imap4.client.types;

import static dev.imap4.client.types.EncodedWords.decodeEncodedWords;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class EncodedWordsTest {

    @Test
    void quotedPrintableWord() {
        assertEquals("André Pirard", decodeEncodedWords("=?ISO-8859-1?Q?Andr=E9?= Pirard"));
    }

    @Test
    void underscoreIsSpaceInQ() {
        assertEquals("a b", decodeEncodedWords("=?us-ascii?q?a_b?="));
    }

    @Test
    void base64Word() {
        assertEquals("日本語", decodeEncodedWords("=?UTF-8?B?5pel5pys6Kqe?="));
        assertEquals("日本語", decodeEncodedWords("=?utf-8?b?5pel5pys6Kqe?="));
    }

    @Test
    void whitespaceBetweenAdjacentWordsIsDropped() {
        assertEquals("ab", decodeEncodedWords("=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?="));
        assertEquals("ab", decodeEncodedWords("=?ISO-8859-1?Q?a?=\r\n =?ISO-8859-1?Q?b?="));
    }

    @Test
    void whitespaceBetweenWordAndTextIsKept() {
        assertEquals("(a b)", decodeEncodedWords("(=?ISO-8859-1?Q?a?= b)"));
    }

    @Test
    void multiByteCharacterSplitAcrossWords() {
        // the three UTF-8 bytes of 日 spread over two words
        assertEquals("日", decodeEncodedWords("=?UTF-8?B?5pc=?= =?UTF-8?B?pQ==?="));
    }

    @Test
    void adjacentWordsInDifferentCharsets() {
        assertEquals("éé", decodeEncodedWords("=?ISO-8859-1?Q?=E9?= =?UTF-8?Q?=C3=A9?="));
    }

    @Test
    void rfc2231LanguageIsIgnored() {
        assertEquals("Keith", decodeEncodedWords("=?US-ASCII*EN?Q?Keith?="));
    }

    @Test
    void malformedWordsAreLeftAsTheyAre() {
        assertEquals("=?no-such-charset?Q?x?=", decodeEncodedWords("=?no-such-charset?Q?x?="));
        assertEquals("=?UTF-8?B?***?=", decodeEncodedWords("=?UTF-8?B?***?="));
        assertEquals("=?UTF-8?Q?=G1?= ok", decodeEncodedWords("=?UTF-8?Q?=G1?= ok"));
        assertEquals("=?UTF-8?X?abc?=", decodeEncodedWords("=?UTF-8?X?abc?="));
    }

    @Test
    void plainTextAndNull() {
        assertEquals("hello", decodeEncodedWords("hello"));
        assertNull(decodeEncodedWords(null));
    }
}
