package dev.imap4.client.internal.parse;

import static dev.imap4.client.internal.parse.Wire.after;
import static dev.imap4.client.internal.parse.Wire.consumed;
import static dev.imap4.client.internal.parse.Wire.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.Vanished;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ID, ENABLED and VANISHED: one-line responses with little structure. */
class SmallResponsesParserTest {

    @Test
    void idResponse() {
        ImapInput in = after("* ID (\"name\" \"Cyrus\" \"version\" \"1.5\" \"os\" \"sunos\" \"support-url\""
                + " \"mailto:cyrus-bugs+@andrew.cmu.edu\")", "ID");
        Map<String, String> id = IdParser.parse(in);
        consumed(in);
        assertEquals(List.of("name", "version", "os", "support-url"), List.copyOf(id.keySet()));
        assertEquals("Cyrus", id.get("name"));
    }

    @Test
    void idNilIsEmpty() {
        assertEquals(Map.of(), IdParser.parse(after("* ID NIL", "ID")));
    }

    @Test
    void idNilValue() {
        Map<String, String> id = IdParser.parse(after("* ID (\"name\" NIL)", "ID"));
        assertTrue(id.containsKey("name"));
        assertNull(id.get("name"));
    }

    @Test
    void idAtomNamesTheRule() {
        fails(after("* ID (name \"x\")", "ID"), IdParser::parse, "id-params-list");
    }

    @Test
    void enabled() {
        ImapInput in = after("* ENABLED CONDSTORE qresync", "ENABLED");
        assertEquals(Set.of("CONDSTORE", "QRESYNC"), EnabledParser.parse(in));
        consumed(in);
        assertEquals(Set.of(), EnabledParser.parse(after("* ENABLED", "ENABLED")));
    }

    @Test
    void enabledJunkNamesAtom() {
        fails(after("* ENABLED (X)", "ENABLED"), EnabledParser::parse, "atom");
    }

    @Test
    void vanishedEarlier() {
        ImapInput in = after("* VANISHED (EARLIER) 41,43:116,118,120:211,214:540", "VANISHED");
        Vanished v = VanishedParser.parse(in);
        consumed(in);
        assertTrue(v.earlier());
        assertEquals(NumberSet.parse("41,43:116,118,120:211,214:540", true), v.uids());
    }

    @Test
    void vanishedNow() {
        Vanished v = VanishedParser.parse(after("* VANISHED 405,407,410,425", "VANISHED"));
        assertFalse(v.earlier());
        assertEquals(List.of(405L, 407L, 410L, 425L), v.uids().toList());
    }

    @Test
    void vanishedUnknownModifierNamesTheRule() {
        fails(after("* VANISHED (LATER) 1", "VANISHED"), VanishedParser::parse, "message-data");
    }

    @Test
    void vanishedWithStarNamesTheRule() {
        fails(after("* VANISHED 5:*", "VANISHED"), VanishedParser::parse, "known-uids");
    }
}
