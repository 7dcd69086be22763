package dev.imap4.client.internal.parse;

import static dev.imap4.client.internal.parse.Wire.after;
import static dev.imap4.client.internal.parse.Wire.consumed;
import static dev.imap4.client.internal.parse.Wire.fails;
import static dev.imap4.client.internal.parse.Wire.in;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.imap4.client.types.BodyStructure;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.internal.wire.ImapInput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The general rules behind the server quirks, on shapes other servers send: a missing space next to
 * a parenthesis, redundant parentheses around FETCH items, a body section without value before ')',
 * spaces and a line break after a literal. Each also has a shape that stays an error.
 */
class ToleranceVariantsTest {

    private static final String ENVELOPE = "(NIL \"Hi\" ((NIL NIL \"a\" \"example.org\")) NIL NIL NIL NIL NIL NIL"
            + " \"<m@example.org>\")";

    private static FetchResponse fetch(String wire) {
        ImapInput in = after(wire, "FETCH");
        FetchResponse r = FetchParser.parse(1, in);
        consumed(in);
        return r;
    }

    private static BodyStructure body(String wire) {
        ImapInput in = in(wire);
        BodyStructure b = BodyStructureParser.parse(in);
        consumed(in);
        return b;
    }

    private static String text(FetchResponse r, String key) {
        return new String(r.section(key).bytes(), StandardCharsets.UTF_8);
    }

    // ---- no space next to a parenthesis ----

    @Test
    void messagePartGluedOnEverySideOfItsLists() {
        BodyStructure b = body("(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 300" + ENVELOPE
                + "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10 0)5)");
        assertEquals("message/rfc822", b.mimeType());
        assertEquals("Hi", b.envelope().subject());
        assertEquals("1.1", b.message().partNumber());
        assertEquals(5, b.lines());
    }

    @Test
    void extensionFieldsGluedToTheirLists() {
        BodyStructure b = body("((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10 1 NIL(\"INLINE\" NIL)NIL)"
                + "(\"TEXT\" \"HTML\" NIL NIL NIL \"7BIT\" 20 2)\"ALTERNATIVE\"(\"BOUNDARY\" \"b\")NIL NIL)");
        assertEquals("multipart/alternative", b.mimeType());
        assertEquals("b", b.param("boundary"));
        assertEquals("INLINE", b.parts().get(0).disposition().type());
        assertEquals("text/html", b.parts().get(1).mimeType());
        fails(in("(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10 1 NIL\"x\")"), BodyStructureParser::parse,
                "body-ext-1part");
    }

    @Test
    void fetchItemsGluedAfterAList() {
        FetchResponse r = fetch("* 1 FETCH (FLAGS (\\Seen)UID 5 ENVELOPE " + ENVELOPE + "RFC822.SIZE 44)");
        assertEquals(List.of("\\Seen"), r.flags());
        assertEquals(5L, r.uid());
        assertEquals(44L, r.size());
        assertEquals("Hi", r.envelope().subject());
        fails(after("* 1 FETCH (UID 5\"x\")", "FETCH"), in -> FetchParser.parse(1, in), "msg-att");
    }

    // ---- redundant parentheses around FETCH items ----

    @Test
    void itemsInRedundantParenthesesAnywhere() {
        FetchResponse r = fetch("* 1 FETCH ((UID 5) (FLAGS (\\Seen) RFC822.SIZE 44) ((ENVELOPE " + ENVELOPE
                + ")) BODY[1] {3}\r\nabc)");
        assertEquals(5L, r.uid());
        assertEquals(List.of("\\Seen"), r.flags());
        assertEquals(44L, r.size());
        assertEquals("Hi", r.envelope().subject());
        assertEquals("abc", text(r, "BODY[1]"));
        fails(after("* 1 FETCH (UID 5 (FLAGS (\\Seen))", "FETCH"), in -> FetchParser.parse(1, in), "msg-att");
        String deep = "(".repeat(200) + "UID 5" + ")".repeat(200);
        fails(after("* 1 FETCH (" + deep + ")", "FETCH"), in -> FetchParser.parse(1, in), "msg-att");
    }

    // ---- body data with no value before ')' ----

    @Test
    void sectionWithoutValueBeforeTheEndIsEmpty() {
        FetchResponse r = fetch("* 1 FETCH (UID 5 BODY[HEADER.FIELDS (SUBJECT)])");
        assertEquals(5L, r.uid());
        assertArrayEquals(new byte[0], r.section("BODY[HEADER.FIELDS (SUBJECT)]").bytes());
        FetchResponse partial = fetch("* 1 FETCH (BODY[]<0>   )");
        assertEquals(0, partial.section("BODY[]<0>").size());
        FetchResponse rfc822 = fetch("* 1 FETCH (RFC822.TEXT )");
        assertEquals(0, rfc822.section("RFC822.TEXT").size());
        fails(after("* 1 FETCH (BODY[1] BODY[2] \"x\")", "FETCH"), in -> FetchParser.parse(1, in), "nstring");
        FetchResponse binary = fetch("* 1 FETCH (BINARY[1] )");
        assertEquals(0, binary.section("BINARY[1]").size());
        // items whose value is not message data still need it
        fails(after("* 1 FETCH (UID 5 FLAGS )", "FETCH"), in -> FetchParser.parse(1, in), "flag-fetch");
        fails(after("* 1 FETCH (RFC822.SIZE )", "FETCH"), in -> FetchParser.parse(1, in), "RFC822.SIZE");
        fails(after("* 1 FETCH (BINARY.SIZE[1] )", "FETCH"), in -> FetchParser.parse(1, in), "msg-att");
    }

    // ---- spaces and a line break after a literal ----

    @Test
    void spacesAndLineBreaksAfterALiteralBeforeMoreItems() {
        FetchResponse r = fetch("* 1 FETCH (BODY[1] {3}\r\nabc  \r\n \r\n\r\nFLAGS (\\Seen) UID 5)");
        assertEquals("abc", text(r, "BODY[1]"));
        assertEquals(List.of("\\Seen"), r.flags());
        assertEquals(5L, r.uid());
        // outside any list, the spaces end the response (a LIST name in a literal, iCloud's trailing space)
        ImapInput list = after("* LIST () \"/\" {5}\r\nINBOX \r\n* 2 EXISTS", "LIST");
        assertEquals("INBOX", ListParser.parse(list).name());
        consumed(list);
        // what follows the spaces must go on the response
        fails(after("* 1 FETCH (BODY[1] {3}\r\nabc \r\n* 2 EXISTS", "FETCH"), i -> FetchParser.parse(1, i), "msg-att");
        ImapInput in = after("* 1 FETCH (BODY[1] {3}\r\nabc \r\n \r\n \r\n \r\n \r\n)", "FETCH");
        fails(in, i -> FetchParser.parse(1, i), "literal");
    }

    @Test
    void spaceLineAfterALiteralInsideABodyStructure() {
        FetchResponse r = fetch("* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL {4}\r\nnote \r\n\"7BIT\" 3 1))");
        assertEquals("note", r.bodyStructure().description());
        assertEquals(3, r.bodyStructure().size());
    }

    @Test
    void nilEnvelopeFieldAfterSpacesOnly() {
        FetchResponse r = fetch("* 1 FETCH (UID 5 ENVELOPE (NIL {2}\r\nHi \r\nNIL NIL NIL NIL NIL NIL NIL NIL))");
        assertEquals("Hi", r.envelope().subject());
        assertNull(r.envelope().messageId());
    }
}
