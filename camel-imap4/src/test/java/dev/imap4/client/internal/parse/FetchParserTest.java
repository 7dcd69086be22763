package dev.imap4.client.internal.parse;

import static dev.imap4.client.internal.parse.Wire.after;
import static dev.imap4.client.internal.parse.Wire.consumed;
import static dev.imap4.client.internal.parse.Wire.fails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.Literal;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.internal.wire.BytesResponseSource;
import dev.imap4.client.internal.wire.ImapInput;
import dev.imap4.client.internal.wire.ResponseSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FetchParserTest {

    private static FetchResponse fetch(String wire) {
        ImapInput in = after(wire, "FETCH");
        FetchResponse r = FetchParser.parse(seq(wire), in);
        consumed(in);
        return r;
    }

    private static long seq(String wire) {
        return Long.parseLong(wire.substring(2, wire.indexOf(' ', 2)));
    }

    private static String text(FetchResponse r, String key) {
        return new String(r.section(key).bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void rfc3501SampleResponse() {
        FetchResponse r = fetch("* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\""
                + " RFC822.SIZE 4286 ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\""
                + " \"IMAP4rev1 WG mtg summary and minutes\" ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\"))"
                + " ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\""
                + " \"cac.washington.edu\")) ((NIL NIL \"imap\" \"cac.washington.edu\")) ((NIL NIL \"minutes\""
                + " \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL"
                + " \"<B27397-0100000@cac.washington.edu>\") BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\")"
                + " NIL NIL \"7BIT\" 3028 92))");
        assertEquals(12, r.sequence());
        assertEquals(List.of("\\Seen"), r.flags());
        assertEquals(ZonedDateTime.of(1996, 7, 17, 2, 44, 25, 0, ZoneOffset.ofHours(-7)), r.internalDate());
        assertEquals(4286L, r.size());
        assertEquals("IMAP4rev1 WG mtg summary and minutes", r.envelope().subject());
        assertEquals(2, r.envelope().cc().size());
        assertEquals("KLENSIN@MIT.EDU", r.envelope().cc().get(1).email());
        assertEquals("text/plain", r.bodyStructure().mimeType());
        assertNull(r.uid());
        assertNull(r.modSeq());
    }

    @Test
    void dovecotStyleFetchWithEnvelopeBodyStructureAndLiteral() {
        String message = "Subject: hi\r\n\r\nbody with ) and ( inside\r\n";
        FetchResponse r = fetch("* 3 FETCH (UID 4827313 FLAGS (\\Seen $Forwarded) MODSEQ (12345)"
                + " ENVELOPE (\"Tue, 1 Apr 2025 10:00:00 +0000\" \"hi\" ((\"Ann\" NIL \"ann\" \"example.org\"))"
                + " NIL NIL ((NIL NIL \"joe\" \"example.org\")) NIL NIL NIL \"<1@example.org>\")"
                + " BODYSTRUCTURE (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 40 3 NIL NIL NIL NIL)"
                + " BODY[] {" + message.length() + "}\r\n" + message + ")");
        assertEquals(4827313L, r.uid());
        assertEquals(List.of("\\Seen", "$Forwarded"), r.flags());
        assertEquals(12345L, r.modSeq());
        assertEquals("ann@example.org", r.envelope().from().get(0).email());
        assertEquals(List.of(), r.envelope().sender());
        assertEquals(40, r.bodyStructure().size());
        assertEquals(message, text(r, "BODY[]"));
        assertEquals(r.section("BODY[]"), r.message());
    }

    @Test
    void sectionsAreKeyedByNormalisedName() {
        FetchResponse r = fetch("* 1 FETCH (body[header.fields  (subject  from)] {4}\r\nab\r\n"
                + " BODY[HEADER.FIELDS (\"Subject\")] \"x\" BODY[1.2] \"y\" BODY[]<0> {2}\r\nzz"
                + " RFC822.HEADER \"h\" RFC822.TEXT \"t\" RFC822 \"m\")");
        assertEquals(List.of("BODY[HEADER.FIELDS (SUBJECT FROM)]", "BODY[HEADER.FIELDS (SUBJECT)]", "BODY[1.2]",
                "BODY[]<0>", "RFC822.HEADER", "RFC822.TEXT", "RFC822"), List.copyOf(r.sections().keySet()));
        assertEquals("ab\r\n", text(r, "BODY[HEADER.FIELDS (SUBJECT FROM)]"));
        assertEquals("zz", text(r, "body[]<0>"));
        assertEquals("m", text(r, "RFC822"));
    }

    @Test
    void binaryWithLiteral8AndBinarySize() {
        byte[] expected = {0, (byte) 0xff, '\r', '\n', ')'};
        byte[] head = "* 9 FETCH (BINARY[1] ~{5}\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = " BINARY.SIZE[1] 5)\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] wire = new byte[head.length + expected.length + tail.length];
        System.arraycopy(head, 0, wire, 0, head.length);
        System.arraycopy(expected, 0, wire, head.length, expected.length);
        System.arraycopy(tail, 0, wire, head.length + expected.length, tail.length);
        ImapInput in = BytesResponseSource.input(wire);
        in.expect('*', "t");
        in.sp();
        in.number();
        in.sp();
        in.atom();
        FetchResponse r = FetchParser.parse(9, in);
        assertArrayEquals(expected, r.section("BINARY[1]").bytes());
        assertEquals(Map.of("BINARY.SIZE[1]", "5"), r.other());
    }

    @Test
    void gmailExtensionsAreKeptAsRawText() {
        FetchResponse r = fetch("* 5 FETCH (X-GM-THRID 1278455344230334865 X-GM-MSGID 1278455344230334865"
                + " X-GM-LABELS (\\Inbox \\Sent \"Work stuff\" Important) UID 9)");
        assertEquals("1278455344230334865", r.other().get("X-GM-MSGID"));
        assertEquals("(\\Inbox \\Sent \"Work stuff\" Important)", r.other().get("X-GM-LABELS"));
        assertEquals(9L, r.uid());
    }

    @Test
    void unknownItemWithSectionAndStringIsBodyData() {
        FetchResponse r = fetch("* 5 FETCH (X-BODY[1] {3}\r\nabc X-FOO[2] (1 2))");
        assertEquals("abc", text(r, "X-BODY[1]"));
        assertEquals(Map.of("X-FOO[2]", "(1 2)"), r.other());
    }

    @Test
    void spooledSectionsAreReleasedWhenALaterItemIsMalformed() throws Exception {
        byte[] wire = "* 1 FETCH (BODY[] {5}\r\nhello UID x)\r\n".getBytes(StandardCharsets.US_ASCII);
        BytesResponseSource bytes = new BytesResponseSource(wire);
        List<Path> spooled = new ArrayList<>();
        ResponseSource spooling = new ResponseSource() {
            @Override
            public byte[] readLine() {
                return bytes.readLine();
            }

            @Override
            public Literal readLiteral(long size) throws IOException {
                Path f = Files.createTempFile("fetch-test", ".tmp");
                Files.write(f, bytes.readLiteral(size).bytes());
                spooled.add(f);
                return Literal.spooled(f, size);
            }
        };
        ImapInput in = new ImapInput(spooling, 64);
        in.nextLine();
        in.reset("* 1 FETCH".length());
        fails(in, i -> FetchParser.parse(1, i), "number");
        assertEquals(1, spooled.size());
        assertFalse(Files.exists(spooled.get(0)), "the spool file is deleted");
    }

    @Test
    void nilSectionIsRecordedInOther() {
        FetchResponse r = fetch("* 5 FETCH (BODY[1] NIL)");
        assertNull(r.section("BODY[1]"));
        assertEquals("NIL", r.other().get("BODY[1]"));
    }

    @Test
    void zohoNegativeModSeqIsUnknown() {
        assertNull(fetch("* 1 FETCH (MODSEQ (-1) UID 4)").modSeq());
    }

    @Test
    void mailRuExponentSize() {
        assertEquals(9_370_000L, fetch("* 1 FETCH (RFC822.SIZE 9.37e+06)").size());
    }

    @Test
    void absurdNumbersAreRefused() {
        fails(after("* 1 FETCH (RFC822.SIZE " + "9".repeat(100) + ")", "FETCH"), in -> FetchParser.parse(1, in),
                "RFC822.SIZE");
        fails(after("* 1 FETCH (RFC822.SIZE 9e999999999)", "FETCH"), in -> FetchParser.parse(1, in), "RFC822.SIZE");
        fails(after("* 1 FETCH (RFC822.SIZE 12abc)", "FETCH"), in -> FetchParser.parse(1, in), "RFC822.SIZE");
    }

    @Test
    void negativeSizeIsUnknown() {
        assertNull(fetch("* 1 FETCH (RFC822.SIZE -1)").size());
    }

    @Test
    void courierSequenceZero() {
        FetchResponse r = fetch("* 0 FETCH (UID 17 FLAGS ())");
        assertEquals(0, r.sequence());
        assertEquals(List.of(), r.flags());
    }

    @Test
    void quotedAndNilFlags() {
        assertEquals(List.of("$Forwarded", "\\Seen"), fetch("* 1 FETCH (FLAGS (\"$Forwarded\" \\Seen))").flags());
        assertEquals(List.of(), fetch("* 1 FETCH (FLAGS NIL)").flags());
    }

    @Test
    void gmailKeywordWithBracketAndGreenMailStarFlag() {
        assertEquals(List.of("\\Seen", "Foo]Bar", "\\*"), fetch("* 1 FETCH (FLAGS (\\Seen Foo]Bar \\*))").flags());
    }

    @Test
    void yahooStraySpaces() {
        FetchResponse r = fetch("* 2 FETCH ( UID 5  FLAGS ( \\Seen ) )");
        assertEquals(5L, r.uid());
        assertEquals(List.of("\\Seen"), r.flags());
    }

    @Test
    void flagsAbsentIsNull() {
        assertNull(fetch("* 2 FETCH (UID 5)").flags());
    }

    @Test
    void leavesInputRightAfterClosingParen() {
        ImapInput in = after("* 1 FETCH (UID 1) junk", "FETCH");
        FetchParser.parse(1, in);
        assertEquals(" junk", new String(in.restOfLine()));
    }

    @Test
    void missingSpaceBetweenItemsNamesMsgAtt() {
        fails(after("* 1 FETCH (UID 5FLAGS (\\Seen))", "FETCH"), in -> FetchParser.parse(1, in), "msg-att");
    }

    @Test
    void unterminatedListNamesMsgAtt() {
        fails(after("* 1 FETCH (UID 5", "FETCH"), in -> FetchParser.parse(1, in), "msg-att");
    }

    @Test
    void badInternalDateNamesDateTime() {
        fails(after("* 1 FETCH (INTERNALDATE \"yesterday\")", "FETCH"), in -> FetchParser.parse(1, in), "date-time");
    }

    @Test
    void atomWhereSectionDataBelongsNamesNstring() {
        fails(after("* 1 FETCH (BODY[] hello)", "FETCH"), in -> FetchParser.parse(1, in), "nstring");
    }

    @Test
    void unclosedSectionNamesSection() {
        fails(after("* 1 FETCH (BODY[HEADER \"x\")", "FETCH"), in -> FetchParser.parse(1, in), "section");
    }

    @Test
    void missingListNamesMsgAtt() {
        fails(after("* 1 FETCH UID 5", "FETCH"), in -> FetchParser.parse(1, in), "msg-att");
    }

    @Test
    void truncatedLiteralFailsWithoutHanging() {
        ImapInput in = after("* 1 FETCH (BODY[] {100}\r\nshort", "FETCH");
        assertThrows(UncheckedIOException.class, () -> FetchParser.parse(1, in));
    }

    @Test
    void nestingBombInUnknownItemFailsCleanly() {
        ImapProtocolException e = fails(after("* 1 FETCH (X-FOO " + "(".repeat(10_000), "FETCH"),
                in -> FetchParser.parse(1, in), "msg-att");
        assertTrue(e.getMessage().contains("nesting"), e.getMessage());
    }

    @Test
    void nestingCapHoldsAcrossLiterals() {
        String wire = "* 1 FETCH (X-FOO " + "(".repeat(40) + "{1}\r\nx " + "(".repeat(40) + ")".repeat(80) + ")";
        ImapProtocolException e = fails(after(wire, "FETCH"), in -> FetchParser.parse(1, in), "msg-att");
        assertTrue(e.getMessage().contains("nesting"), e.getMessage());
    }
}
