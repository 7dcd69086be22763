package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModifiedUtf7Test {

    private static void roundTrip(String decoded, String encoded) {
        assertEquals(encoded, ModifiedUtf7.encode(decoded));
        assertEquals(decoded, ModifiedUtf7.decode(encoded));
    }

    @Test
    void germanUmlaut() {
        roundTrip("Entwürfe", "Entw&APw-rfe");
    }

    @Test
    void japanese() {
        roundTrip("日本語", "&ZeVnLIqe-");
    }

    @Test
    void ampersand() {
        roundTrip("&", "&-");
        roundTrip("Tom & Jerry", "Tom &- Jerry");
    }

    @Test
    void rfc3501Example() {
        roundTrip("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-");
    }

    @Test
    void astralPlaneSurrogatePairs() {
        roundTrip("😀", "&2D3eAA-");
        roundTrip("a😀b", "a&2D3eAA-b");
    }

    @Test
    void asciiIsUnchanged() {
        roundTrip("INBOX.Sent Items", "INBOX.Sent Items");
    }

    @Test
    void separateRunsAroundAscii() {
        roundTrip("Ü/Ä", "&ANw-/&AMQ-");
    }

    @Test
    void encodeRefusesUnpairedSurrogate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModifiedUtf7.encode("a\uD83D"));
        assertTrue(e.getMessage().contains("unpaired surrogate"), e.getMessage());
    }

    @Test
    void decodeRefusesUnterminatedRun() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModifiedUtf7.decode("a&ZeVn"));
        assertTrue(e.getMessage().contains("offset 1"), e.getMessage());
    }

    @Test
    void decodeRefusesBadBase64Character() {
        assertThrows(IllegalArgumentException.class, () -> ModifiedUtf7.decode("&Ze/n-"));
    }

    @Test
    void decodeRefusesEncodedPrintableAscii() {
        // "&AGE-" is BASE64 for "a", which must be written as itself
        assertThrows(IllegalArgumentException.class, () -> ModifiedUtf7.decode("&AGE-"));
    }

    @Test
    void decodeRefusesRawNonAscii() {
        assertThrows(IllegalArgumentException.class, () -> ModifiedUtf7.decode("Entwürfe"));
    }

    @Test
    void decodeRefusesPartialCodeUnit() {
        assertThrows(IllegalArgumentException.class, () -> ModifiedUtf7.decode("&AP-"));
    }

    @Test
    void decodeRefusesUnpairedSurrogate() {
        // 0xD83D alone
        assertThrows(IllegalArgumentException.class, () -> ModifiedUtf7.decode("&2D0-"));
    }

    @Test
    void lenientDecodeReturnsServerJunkUnchanged() {
        assertEquals("Entwürfe", ModifiedUtf7.decodeLenient("Entwürfe"));
        assertEquals("R&D", ModifiedUtf7.decodeLenient("R&D"));
        assertEquals("Entwürfe", ModifiedUtf7.decodeLenient("Entw&APw-rfe"));
    }
}
