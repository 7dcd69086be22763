package dev.imap4.client.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The examples of RFC 4013 §3, except the bidirectional one, which this SASLprep leaves out. */
class SaslPrepTest {

    @Test
    void softHyphenMapsToNothing() {
        assertEquals("IX", SaslPrep.prepare("I\u00ADX", "password"));
    }

    @Test
    void asciiIsUnchanged() {
        assertEquals("user", SaslPrep.prepare("user", "password"));
        assertEquals("USER", SaslPrep.prepare("USER", "password"));
    }

    @Test
    void compatibilityCharactersAreNormalised() {
        assertEquals("a", SaslPrep.prepare("\u00AA", "password"));
        assertEquals("IX", SaslPrep.prepare("\u2168", "password"));
    }

    @Test
    void nonAsciiSpaceBecomesSpace() {
        assertEquals("a b", SaslPrep.prepare("a\u00A0b", "password"));
    }

    @Test
    void controlCharacterIsProhibited() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SaslPrep.prepare("\u0007", "password"));
        assertEquals("password contains a character SASLprep (RFC 4013) prohibits: a control character",
                e.getMessage());
    }

    @Test
    void privateUseAndUnpairedSurrogatesAreProhibited() {
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("x\uE000", "user name"));
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("x\uD800", "user name"));
    }
}
