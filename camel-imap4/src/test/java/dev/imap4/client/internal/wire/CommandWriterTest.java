package dev.imap4.client.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4Exception;
import dev.imap4.client.internal.wire.CommandWriter.LiteralMode;
import dev.imap4.client.internal.wire.CommandWriter.Segment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** How each value reaches the wire: atom, quoted string or literal, never a raw CR, LF or NUL. */
class CommandWriterTest {

    /** The whole command as sent, literal bytes included, with the writer in {@code mode}. */
    private static String wire(LiteralMode mode, Consumer<CommandWriter> args) throws IOException {
        return wire(segments(mode, args));
    }

    private static List<Segment> segments(LiteralMode mode, Consumer<CommandWriter> args) {
        CommandWriter w = new CommandWriter(mode).begin("A1", "X");
        args.accept(w);
        return w.finish();
    }

    private static String wire(List<Segment> segments) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Segment s : segments) {
            out.write(s.bytes());
            if (s.hasLiteral()) {
                CommandWriter.copyLiteral(s, out);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int n) {
        return "x".repeat(n).getBytes(StandardCharsets.US_ASCII);
    }

    private static String astring(String value) throws IOException {
        return wire(LiteralMode.SYNCHRONIZING, w -> w.astring(value));
    }

    @Test
    void astringIsAnAtomWhenEveryByteAllowsIt() throws IOException {
        assertEquals("A1 X INBOX\r\n", astring("INBOX"));
        assertEquals("A1 X a]b\r\n", astring("a]b"));
    }

    @Test
    void astringIsQuotedForSpacesSpecialsEmptyAndNil() throws IOException {
        assertEquals("A1 X \"a b\"\r\n", astring("a b"));
        assertEquals("A1 X \"a\\\"b\\\\c\"\r\n", astring("a\"b\\c"));
        assertEquals("A1 X \"\"\r\n", astring(""));
        assertEquals("A1 X \"NIL\"\r\n", astring("NIL"));
        assertEquals("A1 X \"nil\"\r\n", astring("nil"));
        assertEquals("A1 X \"a(b\"\r\n", astring("a(b"));
        assertEquals("A1 X \"50%\"\r\n", astring("50%"));
    }

    @Test
    void astringIsALiteralForLineBreaksAndEightBitBytes() throws IOException {
        assertEquals("A1 X {4}\r\na\r\nb\r\n", astring("a\r\nb"));
        assertEquals("A1 X {6}\r\nGrüß\r\n", astring("Grüß"));
    }

    @Test
    void stringIsNeverAnAtom() throws IOException {
        assertEquals("A1 X \"INBOX\"\r\n", wire(LiteralMode.SYNCHRONIZING, w -> w.string("INBOX")));
    }

    @Test
    void synchronizingLiteralsWaitForTheContinuation() {
        List<Segment> segs = segments(LiteralMode.SYNCHRONIZING, w -> w.astring("a\nb").astring("c"));
        assertEquals(2, segs.size());
        assertEquals("A1 X {3}\r\n", new String(segs.get(0).bytes(), StandardCharsets.US_ASCII));
        assertTrue(segs.get(0).waitForContinuation());
        assertEquals(3, segs.get(0).literalSize());
        assertEquals(" c\r\n", new String(segs.get(1).bytes(), StandardCharsets.US_ASCII));
        assertFalse(segs.get(1).hasLiteral());
    }

    @Test
    void literalPlusNeverWaits() throws IOException {
        List<Segment> segs = segments(LiteralMode.NON_SYNCHRONIZING, w -> w.literal(bytes(5000), false)
                .astring("a\nb"));
        assertFalse(segs.get(0).waitForContinuation());
        assertTrue(new String(segs.get(0).bytes(), StandardCharsets.US_ASCII).endsWith("{5000+}\r\n"));
        assertEquals("A1 X {3+}\r\na\nb\r\n", wire(LiteralMode.NON_SYNCHRONIZING, w -> w.astring("a\nb")));
    }

    @Test
    void literalMinusWaitsOnlyAbove4096Bytes() {
        List<Segment> small = segments(LiteralMode.NON_SYNCHRONIZING_UP_TO_4K, w -> w.literal(bytes(4096), false));
        assertFalse(small.get(0).waitForContinuation());
        assertTrue(new String(small.get(0).bytes(), StandardCharsets.US_ASCII).endsWith("{4096+}\r\n"));
        List<Segment> large = segments(LiteralMode.NON_SYNCHRONIZING_UP_TO_4K, w -> w.literal(bytes(4097), false));
        assertTrue(large.get(0).waitForContinuation());
        assertTrue(new String(large.get(0).bytes(), StandardCharsets.US_ASCII).endsWith("{4097}\r\n"));
    }

    @Test
    void nulIsRefusedEvenAsALiteral() {
        Imap4Exception e = assertThrows(Imap4Exception.class,
                () -> segments(LiteralMode.SYNCHRONIZING, w -> w.astring("a\0b")));
        assertTrue(e.getMessage().contains("NUL"), e.getMessage());
    }

    @Test
    void rawTextWithCrLfOrNulIsRefusedWhereALiteralCannotStand() {
        for (String bad : List.of("(FLAGS)\r\nA2 LOGOUT", "a\nb", "a\rb", "a\0b")) {
            Imap4Exception e = assertThrows(Imap4Exception.class,
                    () -> segments(LiteralMode.SYNCHRONIZING, w -> w.raw(bad)), bad);
            assertTrue(e.getMessage().contains("cannot be sent where a literal cannot stand"), e.getMessage());
        }
    }

    @Test
    void rawTextEndingInALiteralAnnouncementIsRefused() {
        assertThrows(Imap4Exception.class, () -> segments(LiteralMode.SYNCHRONIZING, w -> w.raw("TEXT {5}")));
        assertThrows(Imap4Exception.class, () -> segments(LiteralMode.SYNCHRONIZING, w -> w.raw("TEXT {5+}")));
    }

    @Test
    void atomsHoldNoSpecials() throws IOException {
        assertEquals("A1 X \\Seen BODY[]\r\n", wire(LiteralMode.SYNCHRONIZING, w -> w.atom("\\Seen").atom("BODY[]")));
        for (String bad : List.of("a b", "a\r\nb", "a(b", "a\"b", "", "a{3}")) {
            assertThrows(Imap4Exception.class, () -> segments(LiteralMode.SYNCHRONIZING, w -> w.atom(bad)), bad);
        }
    }

    @Test
    void listsOpenWithoutASpaceInside() throws IOException {
        assertEquals("A1 X (a \"b c\") d\r\n", wire(LiteralMode.SYNCHRONIZING,
                w -> w.openList().atom("a").astring("b c").closeList().atom("d")));
    }

    @Test
    void numbersAreNeverNegative() throws IOException {
        assertEquals("A1 X 42\r\n", wire(LiteralMode.SYNCHRONIZING, w -> w.number(42)));
        assertThrows(Imap4Exception.class, () -> segments(LiteralMode.SYNCHRONIZING, w -> w.number(-1)));
    }

    @Test
    void secretsNeverReachTheTrace() {
        CommandWriter w = new CommandWriter(LiteralMode.SYNCHRONIZING).begin("A1", "LOGIN");
        w.astring("joe").secret("hunter2");
        w.finish();
        assertEquals("A1 LOGIN joe \"***\"", w.trace());
        CommandWriter lit = new CommandWriter(LiteralMode.SYNCHRONIZING).begin("A1", "LOGIN");
        lit.astring("joe").secret("pässword");
        assertFalse(lit.trace().contains("pässword"), lit.trace());
        assertTrue(lit.trace().contains("<secret literal>"), lit.trace());
    }

    @Test
    void aStreamedLiteralMustYieldItsDeclaredSize() {
        List<Segment> segs = segments(LiteralMode.NON_SYNCHRONIZING,
                w -> w.literal(10, () -> new java.io.ByteArrayInputStream(new byte[4]), false));
        Imap4Exception e = assertThrows(Imap4Exception.class, () -> wire(segs));
        assertTrue(e.getMessage().contains("6 bytes before its declared size"), e.getMessage());
    }

    // RFC 6855 §3: after ENABLE UTF8=ACCEPT, QUOTED-CHAR also holds UTF8-2 / UTF8-3 / UTF8-4
    private static String utf8(byte[] value) throws IOException {
        CommandWriter w = new CommandWriter(LiteralMode.SYNCHRONIZING, true).begin("A1", "X");
        w.astring(value, false);
        return wire(w.finish());
    }

    @Test
    void underUtf8AcceptWellFormedUtf8IsQuotedNotALiteral() throws IOException {
        assertEquals("A1 X \"Été/R&D \\\"x\\\\\"\r\n", utf8("Été/R&D \"x\\".getBytes(StandardCharsets.UTF_8)));
        assertEquals("A1 X \"日本語 𝄞\"\r\n", utf8("日本語 𝄞".getBytes(StandardCharsets.UTF_8)));
        // without UTF8=ACCEPT the same name is a literal: quoted strings are 7-bit (RFC 3501)
        assertEquals("A1 X {5}\r\nÉté\r\n", astring("Été"));
    }

    @Test
    void underUtf8AcceptAnythingButWellFormedUtf8StillGoesAsALiteral() throws IOException {
        byte[][] notUtf8 = {
            {(byte) 0xc3},                                   // truncated sequence
            {'a', (byte) 0xe9, 'b'},                         // Latin-1, not UTF-8
            {(byte) 0xc0, (byte) 0x80},                      // overlong NUL
            {(byte) 0xe0, (byte) 0x80, (byte) 0xaf},         // overlong '/'
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80},         // a surrogate
            {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
            {(byte) 0x80},                                   // lone continuation byte
            {'a', '\r', '\n', 'b'},
            "Été\r\nA2 DELETE INBOX".getBytes(StandardCharsets.UTF_8),
        };
        for (byte[] v : notUtf8) {
            String sent = utf8(v);
            assertTrue(sent.startsWith("A1 X {" + v.length + "}\r\n"), sent);
        }
        assertThrows(Imap4Exception.class, () -> utf8(new byte[] {'a', 0, 'b'}));
    }
}
