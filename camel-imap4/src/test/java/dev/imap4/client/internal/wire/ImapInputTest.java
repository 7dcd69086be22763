package dev.imap4.client.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.Literal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The grammar reader, one rule at a time, fed byte strings. */
class ImapInputTest {

    private static ImapInput in(String wire) {
        return BytesResponseSource.input(wire);
    }

    private static ImapProtocolException failsNaming(String rule, Executable e) {
        ImapProtocolException ex = assertThrows(ImapProtocolException.class, e);
        assertTrue(ex.getMessage().startsWith("in " + rule + ": expected "), ex.getMessage());
        return ex;
    }

    @Test
    void atomStopsAtAtomSpecials() {
        ImapInput in = in("FLAGS(x] y{z \"q\\ %*");
        assertEquals("FLAGS", in.atom());
        in.expect('(', "test");
        assertEquals("x", in.atom());
        assertTrue(in.peekIs(']'));
        in.skip();
        in.sp();
        assertEquals("y", in.atom());
        assertTrue(in.peekIs('{'));
    }

    @Test
    void emptyAtomNamesTheRuleWhatCameAndWhere() {
        ImapProtocolException ex = failsNaming("atom", () -> {
            ImapInput in = in("A1 (x)");
            in.atom();
            in.sp();
            in.atom();
        });
        assertTrue(ex.getMessage().contains("expected an atom, got '(x)' at column 3 of: A1 (x)"), ex.getMessage());
    }

    @Test
    void astringInItsThreeForms() {
        ImapInput in = in("INBOX]x \"a b\" {3}\r\nc d\r\n");
        assertEquals("INBOX]x", in.astring());
        in.sp();
        assertEquals("a b", in.astring());
        in.sp();
        assertEquals("c d", in.astring());
        assertTrue(in.atLineEnd());
    }

    @Test
    void astringErrorNamesTheCallersRule() {
        failsNaming("mailbox", () -> in("(x)").astring("mailbox"));
        failsNaming("astring", () -> in(")").astring());
    }

    @Test
    void quotedUnescapesQuotedSpecialsOnly() {
        assertEquals("a\"b\\c", in("\"a\\\"b\\\\c\"").string());
        // a server that quotes "\Seen" leaves its backslash as is
        assertEquals("\\Seen", in("\"\\Seen\"").string());
        assertEquals("", in("\"\"").string());
    }

    @Test
    void unterminatedQuotedNamesQuoted() {
        failsNaming("quoted", () -> in("\"abc").string());
    }

    @Test
    void stringRefusesAnAtomNamingTheRule() {
        failsNaming("body-fld-param", () -> in("abc").string("body-fld-param"));
        failsNaming("string", () -> in("abc").string());
    }

    @Test
    void literalAndLiteral8ReadTheirBytesAndContinueOnTheNextLine() {
        ImapInput in = in("{5}\r\nab\r\nc ~{2}\r\n\0x rest\r\n");
        try (Literal l = in.literal()) {
            assertEquals("ab\r\nc", l.asString(StandardCharsets.UTF_8));
        }
        in.sp();
        assertTrue(in.literalAhead());
        try (Literal l = in.literal()) {
            assertEquals("\0x", l.asString(StandardCharsets.ISO_8859_1));
        }
        in.sp();
        assertEquals("rest", in.atom());
    }

    @Test
    void literalAheadNeedsTheBrace() {
        assertTrue(in("{1}").literalAhead());
        assertTrue(in("~{1}").literalAhead());
        assertFalse(in("~x").literalAhead());
        assertFalse(in("\"x\"").literalAhead());
    }

    @Test
    void literalAnnouncementMustEndTheLine() {
        failsNaming("literal", () -> in("{3} abc\r\n").literal());
        failsNaming("number", () -> in("{x}\r\n").literal());
    }

    @Test
    void stringRefusesALiteralTooLargeToHoldInMemory(@TempDir Path dir) throws IOException {
        Path spool = Files.write(dir.resolve("spool"), new byte[] {'a', 'b', 'c'});
        ResponseSource spooling = new ResponseSource() {
            private int lines;

            @Override
            public byte[] readLine() {
                return lines++ == 0 ? "{3}".getBytes(StandardCharsets.US_ASCII) : new byte[0];
            }

            @Override
            public Literal readLiteral(long size) {
                return Literal.spooled(spool, size);
            }
        };
        ImapInput in = new ImapInput(spooling, 8);
        in.nextLine();
        ImapProtocolException ex = assertThrows(ImapProtocolException.class, () -> in.string("body-fld-desc"));
        assertTrue(ex.getMessage().startsWith("in body-fld-desc: expected a string small enough to hold in memory"),
                ex.getMessage());
    }

    @Test
    void nstringNil() {
        ImapInput in = in("NIL nil \"NIL\" {3}\r\nNIL\r\n");
        assertNull(in.nstring("env-subject"));
        in.sp();
        assertNull(in.nstring("env-subject"));
        in.sp();
        assertEquals("NIL", in.nstring("env-subject"));
        in.sp();
        assertEquals("NIL", in.nstring("env-subject"));
    }

    @Test
    void nstringRefusesAnAtomThatOnlyStartsWithNil() {
        failsNaming("env-subject", () -> in("NILS").nstring("env-subject"));
        failsNaming("env-subject", () -> in("abc").nstring("env-subject"));
    }

    @Test
    void numberHoldsSixtyThreeBits() {
        // mod-sequence values (RFC 7162) go past 32 bits
        assertEquals(4294967296L, in("4294967296").number());
        assertEquals(922337203685477579L, in("922337203685477579").number());
        failsNaming("number", () -> in("18446744073709551615").number());
        failsNaming("number", () -> in("x1").number());
    }

    @Test
    void nzNumberRefusesZero() {
        assertEquals(7, in("7").nzNumber());
        ImapInput zero = in("0");
        failsNaming("nz-number", zero::nzNumber);
        assertEquals(0, zero.position(), "left where the number starts");
    }

    @Test
    void spToleratesExtraSpacesAndNamesSp() {
        ImapInput in = in("a   b");
        in.atom();
        in.sp();
        assertEquals("b", in.atom());
        failsNaming("SP", () -> in("ab").sp());
    }

    @Test
    void maybeSpSaysWhetherThereWereSpaces() {
        ImapInput in = in("  x");
        assertTrue(in.maybeSp());
        assertFalse(in.maybeSp());
        assertEquals("x", in.atom());
    }

    @Test
    void crlfToleratesTrailingSpaces() {
        ImapInput in = in("x  ");
        in.atom();
        in.crlf();
        failsNaming("CRLF", () -> {
            ImapInput rest = in("x y");
            rest.atom();
            rest.crlf();
        });
    }

    @Test
    void expectNamesTheRuleAndTheCharacter() {
        ImapProtocolException ex = failsNaming("msg-att", () -> in("x").expect('(', "msg-att"));
        assertTrue(ex.getMessage().contains("expected '('"), ex.getMessage());
    }

    @Test
    void skipConsumesOneByteAndNotPastTheLine() {
        ImapInput in = in("ab");
        in.skip();
        assertEquals('b', in.peek());
        in.skip();
        assertTrue(in.atLineEnd());
        assertThrows(IllegalStateException.class, in::skip);
        assertTrue(in.previousIs('b'));
    }

    @Test
    void listStartAndEnd() {
        ImapInput in = in("(a (b) )");
        in.listStart("test");
        assertEquals("a", in.atom());
        assertTrue(in.listMore("test"));
        in.listStart("test");
        assertEquals("b", in.atom());
        assertFalse(in.listMore("test"));
        assertTrue(in.listEnd());
        assertFalse(in.listMore("test"));
        in.expectListEnd("test");
        assertTrue(in.atLineEnd());
    }

    @Test
    void expectListEndNamesTheRule() {
        ImapInput in = in("(a b");
        in.listStart("flag-list");
        in.atom();
        failsNaming("flag-list", () -> in.expectListEnd("flag-list"));
    }

    @Test
    void listMoreNeedsASpaceExceptBesideAParenthesis() {
        ImapInput in = in("(NIL)(x)");
        in.listStart("body");
        in.atom();
        in.expectListEnd("body");
        // GNU Mailutils imap4d: no space between ')' and '('
        assertTrue(in.besideParenthesis());
        ImapInput glued = in("(a\"b\")");
        glued.listStart("body");
        glued.atom();
        failsNaming("body", () -> glued.listMore("body"));
    }

    @Test
    void nestingCapNamesTheRuleAndTheOption() throws IOException {
        ImapInput in = new ImapInput(BytesResponseSource.of("((("), 2);
        in.nextLine();
        in.listStart("body");
        in.listStart("body");
        ImapProtocolException ex = failsNaming("body", () -> in.listStart("body"));
        assertTrue(ex.getMessage().contains("maxNestingDepth"), ex.getMessage());
    }

    @Test
    void keywordMatchesOnlyAWholeWord() {
        ImapInput in = in("NILX NIL");
        assertFalse(in.maybeNil());
        assertEquals("NILX", in.atom());
        in.sp();
        assertTrue(in.maybeKeyword("NIL"));
    }

    @Test
    void flagsKeepTheirBackslash() {
        ImapInput in = in("\\Seen \\* $Label");
        assertEquals("\\Seen", in.flag());
        in.sp();
        assertEquals("\\*", in.flag());
        in.sp();
        assertEquals("$Label", in.flag());
        failsNaming("flag", () -> in("\\ x").flag());
    }

    @Test
    void envelopeNstringKeepsUnescapedQuotesWhereTheEnvelopeCannotGoOn() {
        ImapInput in = in("\"Joe \"The Man\" Smith\" NIL \"a\\\"b\")");
        assertEquals("Joe \"The Man\" Smith", in.envelopeNstring("addr-name"));
        in.sp();
        assertNull(in.envelopeNstring("addr-adl"));
        in.sp();
        assertEquals("a\"b", in.envelopeNstring("addr-mailbox"));
        assertTrue(in.peekIs(')'));
    }

    @Test
    void envelopeNstringWithoutAnEndingIsReadStrictly() {
        failsNaming("quoted", () -> in("\"Joe Smith").envelopeNstring("addr-name"));
        // no '"' where the envelope can go on: the strict read ends at the first '"'
        ImapInput in = in("\"Joe \"The Man");
        assertEquals("Joe ", in.envelopeNstring("addr-name"));
        assertEquals('T', in.peek());
        failsNaming("env-subject", () -> in("abc").envelopeNstring("env-subject"));
    }
}
