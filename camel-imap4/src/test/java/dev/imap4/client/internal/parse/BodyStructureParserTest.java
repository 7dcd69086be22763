package dev.imap4.client.internal.parse;

import static dev.imap4.client.internal.parse.Wire.consumed;
import static dev.imap4.client.internal.parse.Wire.fails;
import static dev.imap4.client.internal.parse.Wire.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.types.BodyStructure;
import dev.imap4.client.internal.wire.ImapInput;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyStructureParserTest {

    private static BodyStructure parse(String wire) {
        ImapInput in = in(wire);
        BodyStructure b = BodyStructureParser.parse(in);
        consumed(in);
        return b;
    }

    private static List<String> numbers(List<BodyStructure> parts) {
        return parts.stream().map(BodyStructure::partNumber).toList();
    }

    @Test
    void rfc3501SinglePartText() {
        BodyStructure b = parse("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92)");
        assertEquals("text/plain", b.mimeType());
        assertEquals(Map.of("charset", "US-ASCII"), b.params());
        assertEquals("7BIT", b.encoding());
        assertEquals(3028, b.size());
        assertEquals(92, b.lines());
        assertEquals("1", b.partNumber());
        assertFalse(b.isMultipart());
        assertNull(b.disposition());
    }

    @Test
    void rfc3501MultipartWithParamsAndIds() {
        BodyStructure b = parse("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 23)"
                + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\")"
                + " \"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73) \"MIXED\")");
        assertTrue(b.isMultipart());
        assertEquals("mixed", b.subtype());
        assertEquals("", b.partNumber());
        assertEquals(List.of("1", "2"), numbers(b.parts()));
        BodyStructure diff = b.parts().get(1);
        assertEquals("<960723163407.20117h@cac.washington.edu>", diff.id());
        assertEquals("Compiler diff", diff.description());
        assertEquals("cc.diff", diff.filename());
    }

    @Test
    void extensionDataOfSinglePart() {
        BodyStructure b = parse("(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 10 1"
                + " \"Q2hlY2sgSW50ZWdyaXR5IQ==\" (\"inline\" NIL) (\"en\" \"de\") \"http://example.com/x\")");
        assertEquals("QUOTED-PRINTABLE", b.encoding());
        assertEquals("Q2hlY2sgSW50ZWdyaXR5IQ==", b.md5());
        assertEquals("inline", b.dispositionType());
        assertEquals(List.of("en", "de"), b.language());
        assertEquals("http://example.com/x", b.location());
    }

    @Test
    void bodyExtensionsOfAnyDepthAreKeptAsWireText() {
        BodyStructure b = parse("(\"text\" \"plain\" NIL NIL NIL \"7bit\" 1 1 NIL NIL \"fr\" NIL"
                + " (1 (2 (\"x\" (3 NIL)))) \"y\" 42)");
        assertEquals(List.of("fr"), b.language());
        assertEquals(List.of("(1 (2 (\"x\" (3 NIL))))", "\"y\"", "42"), b.extensions());
    }

    @Test
    void nestedMultipartWithEncapsulatedMessageIsNumberedLikeImapSections() {
        String inner = "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 5 1 NIL NIL NIL NIL)"
                + "(\"application\" \"pdf\" (\"name\" \"a.pdf\") NIL NIL \"base64\" 100 NIL"
                + " (\"attachment\" (\"filename\" \"a.pdf\")) NIL NIL) \"mixed\" (\"boundary\" \"in\") NIL NIL NIL";
        String envelope = "(\"Mon, 7 Feb 1994 21:52:25 -0800\" \"inner\" ((\"Fred\" NIL \"fred\" \"example.com\"))"
                + " NIL NIL NIL NIL NIL NIL \"<inner@example.com>\")";
        String wire = "((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 12 1 NIL NIL NIL NIL)"
                + "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 400 " + envelope + " (" + inner + ") 20 NIL"
                + " (\"attachment\" (\"filename\" \"fwd.eml\")) NIL NIL)"
                + "((\"text\" \"plain\" NIL NIL NIL \"7bit\" 3 1)(\"text\" \"html\" NIL NIL NIL \"7bit\" 9 1)"
                + " \"alternative\") \"mixed\" (\"boundary\" \"out\") NIL NIL NIL)";
        BodyStructure b = parse(wire);
        assertEquals(List.of("1", "2", "3"), numbers(b.parts()));
        BodyStructure msg = b.parts().get(1);
        assertTrue(msg.isMessage());
        assertEquals("inner", msg.envelope().subject());
        assertEquals("fred@example.com", msg.envelope().from().get(0).email());
        assertEquals(20, msg.lines());
        assertEquals("2", msg.message().partNumber());
        assertEquals(List.of("2.1", "2.2"), numbers(msg.message().parts()));
        assertEquals(List.of("3.1", "3.2"), numbers(b.parts().get(2).parts()));
        assertEquals(List.of("1", "2", "3.1", "3.2"), numbers(b.leaves()));
        assertEquals(List.of("", "1", "2", "2", "2.1", "2.2", "3", "3.1", "3.2"), numbers(b.allParts()));
        assertEquals("a.pdf", b.part("2.2").filename());
        assertEquals(List.of("2"), numbers(b.attachments()));
    }

    @Test
    void singlePartInsideMessageIsNumberedUnderIt() {
        BodyStructure b = parse("(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 100 (NIL \"s\" NIL NIL NIL NIL NIL NIL"
                + " NIL NIL) (\"text\" \"plain\" NIL NIL NIL \"7bit\" 5 1) 4)");
        assertEquals("1", b.partNumber());
        assertEquals("1.1", b.message().partNumber());
        assertEquals(4, b.lines());
    }

    @Test
    void literalInsideBodyStructureContinuesOnTheNextLine() {
        BodyStructure b = parse("(\"application\" \"octet-stream\" (\"name\" {5}\r\na.bin) NIL NIL \"base64\" 8)");
        assertEquals("a.bin", b.filename());
        assertEquals(8, b.size());
    }

    @Test
    void exchangeBareStringDisposition() {
        BodyStructure b = parse("(\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 10 1 NIL \"inline\" NIL NIL)");
        assertEquals("inline", b.dispositionType());
        assertEquals(Map.of(), b.disposition().params());
    }

    @Test
    void exchangeAllNilPart() {
        BodyStructure b = parse("(NIL NIL NIL NIL NIL NIL NIL)");
        assertEquals("application/octet-stream", b.mimeType());
        assertEquals("7BIT", b.encoding());
        assertEquals(-1, b.size());
    }

    @Test
    void exchangeNilEncodingDefaultsTo7bit() {
        assertEquals("7BIT", parse("(\"application\" \"pdf\" NIL NIL NIL NIL 100)").encoding());
    }

    @Test
    void exchangeTrailingSpaceInEncodingIsTrimmed() {
        assertEquals("BASE64", parse("(\"application\" \"pdf\" NIL NIL NIL \"base64 \" 100)").encoding());
    }

    @Test
    void dovecotMultipartWithoutChildren() {
        BodyStructure b = parse("((\"ALTERNATIVE\" (\"BOUNDARY\" \"b1\") NIL NIL)(\"APPLICATION\" \"PDF\" NIL NIL NIL"
                + " \"BASE64\" 1476806 NIL (\"ATTACHMENT\" (\"FILENAME\" \"investing-101.pdf\")) NIL)"
                + " \"MIXED\" (\"BOUNDARY\" \"b0\") NIL NIL)");
        BodyStructure empty = b.parts().get(0);
        assertTrue(empty.isMultipart());
        assertEquals("alternative", empty.subtype());
        assertEquals(List.of(), empty.parts());
        assertEquals("b1", empty.param("boundary"));
        assertEquals("1", empty.partNumber());
        assertEquals("2", b.parts().get(1).partNumber());
        assertEquals("investing-101.pdf", b.parts().get(1).filename());
    }

    @Test
    void multipartWithoutChildrenWithNilFirst() {
        BodyStructure b = parse("(NIL \"alternative\" (\"boundary\" \"x\") NIL NIL)");
        assertTrue(b.isMultipart());
        assertEquals("alternative", b.subtype());
        assertEquals("x", b.param("boundary"));
    }

    @Test
    void multipartReducedToItsSubtype() {
        BodyStructure b = parse("(\"MIXED\")");
        assertTrue(b.isMultipart());
        assertEquals("mixed", b.subtype());
    }

    @Test
    void mailRuExponentSizeIsRead() {
        assertEquals(9_370_000, parse("(\"image\" \"jpeg\" NIL NIL NIL \"base64\" 9.37e+06)").size());
    }

    @Test
    void negativeSizeMeansUnknown() {
        BodyStructure b = parse("(\"text\" \"plain\" NIL NIL NIL \"7bit\" -1 -1)");
        assertEquals(-1, b.size());
        assertEquals(-1, b.lines());
    }

    @Test
    void gmailNilParameterValue() {
        assertEquals("", parse("(\"text\" \"plain\" (\"charset\" NIL) NIL NIL \"7bit\" 1 1)").param("charset"));
    }

    @Test
    void gmailBase64MessageRfc822ComesAsBasicPart() {
        BodyStructure b = parse("(\"message\" \"rfc822\" NIL NIL NIL \"base64\" 1000 NIL"
                + " (\"attachment\" (\"filename\" \"x.eml\")) NIL NIL)");
        assertTrue(b.isMessage());
        assertNull(b.envelope());
        assertNull(b.message());
        assertEquals("x.eml", b.filename());
    }

    @Test
    void yahooExtraSpaces() {
        BodyStructure b = parse("( (\"text\" \"plain\"  (\"charset\" \"utf-8\")  NIL NIL \"7bit\" 10 1 )"
                + "  (\"text\" \"html\" NIL NIL NIL \"7bit\" 20 2)  \"alternative\"  )");
        assertEquals(List.of("1", "2"), numbers(b.parts()));
        assertEquals("alternative", b.subtype());
    }

    @Test
    void leavesInputRightAfterTheBody() {
        ImapInput in = in("(\"text\" \"plain\" NIL NIL NIL \"7bit\" 1 1) UID 7");
        BodyStructureParser.parse(in);
        assertEquals(" UID 7", new String(in.restOfLine()));
    }

    @Test
    void manyPartsParseInLinearTime() {
        String part = "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 10 1)";
        String wire = "(" + part.repeat(150_000) + " \"mixed\")";
        BodyStructure b = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> parse(wire));
        assertEquals(150_000, b.parts().size());
        assertEquals("150000", b.parts().get(149_999).partNumber());
    }

    @Test
    void nonNumericSizeNamesItsRule() {
        fails(in("(\"text\" \"plain\" NIL NIL NIL \"7bit\" abc 1)"), BodyStructureParser::parse, "body-fld-octets");
    }

    @Test
    void emptyBodyNamesMediaType() {
        fails(in("()"), BodyStructureParser::parse, "media-type");
    }

    @Test
    void missingParenNamesBody() {
        fails(in("\"text\" \"plain\""), BodyStructureParser::parse, "body");
    }

    @Test
    void truncatedBodyNamesExtensionRule() {
        fails(in("(\"text\" \"plain\" NIL NIL NIL \"7bit\" 10 1"), BodyStructureParser::parse, "body-ext-1part");
    }

    @Test
    void badParameterListNamesItsRule() {
        fails(in("(\"text\" \"plain\" \"charset\" NIL NIL \"7bit\" 10 1)"), BodyStructureParser::parse, "body-fld-param");
    }

    @Test
    void nestingBombFailsCleanly() {
        ImapProtocolException e = fails(in("(".repeat(10_000)), BodyStructureParser::parse, "body");
        assertTrue(e.getMessage().contains("nesting no deeper than 64"), e.getMessage());
    }

    @Test
    void deepExtensionBombFailsCleanly() {
        String wire = "(\"text\" \"plain\" NIL NIL NIL \"7bit\" 1 1 NIL NIL NIL NIL " + "(".repeat(10_000);
        ImapProtocolException e = fails(in(wire), BodyStructureParser::parse, "body-extension");
        assertTrue(e.getMessage().contains("nesting"), e.getMessage());
    }
}
