package dev.imap4.client.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Literal;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BytesResponseSourceTest {

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void splitsLinesAtCrlfAndBareLf() {
        BytesResponseSource src = BytesResponseSource.of("one\r\ntwo\nthree\r\n");
        assertEquals("one", s(src.readLine()));
        assertEquals("two", s(src.readLine()));
        assertEquals("three", s(src.readLine()));
        assertNull(src.readLine());
    }

    @Test
    void lastLineMayLackItsTerminator() {
        BytesResponseSource src = BytesResponseSource.of("a\r\nb");
        assertEquals("a", s(src.readLine()));
        assertEquals("b", s(src.readLine()));
        assertNull(src.readLine());
    }

    @Test
    void emptyLinesAreLines() {
        BytesResponseSource src = BytesResponseSource.of("\r\n\r\n");
        assertEquals("", s(src.readLine()));
        assertEquals("", s(src.readLine()));
        assertNull(src.readLine());
    }

    @Test
    void literalTakesExactlyTheAnnouncedBytes() throws IOException {
        BytesResponseSource src = BytesResponseSource.of("x {4}\r\na\r\nb)\r\n");
        assertEquals("x {4}", s(src.readLine()));
        Literal l = src.readLiteral(4);
        assertArrayEquals("a\r\nb".getBytes(StandardCharsets.US_ASCII), l.bytes());
        assertEquals(")", s(src.readLine()));
        assertEquals(0, src.remaining());
    }

    @Test
    void literalBeyondTheDataIsEndOfStream() {
        BytesResponseSource src = BytesResponseSource.of("ab");
        EOFException e = assertThrows(EOFException.class, () -> src.readLiteral(3));
        assertTrue(e.getMessage().contains("3 bytes"), e.getMessage());
    }

    @Test
    void inputHasItsFirstLineLoaded() {
        ImapInput in = BytesResponseSource.input("* OK ready\r\n");
        in.expect('*', "test");
        in.sp();
        assertEquals("OK", in.atom());
        in.sp();
        assertEquals("ready", in.text());
    }

    @Test
    void inputReadsLiteralsAndContinues() {
        ImapInput in = BytesResponseSource.input("{3}\r\nabc rest\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("abc", in.string());
        assertEquals(" rest", s(in.restOfLine()));
    }

    @Test
    void inputCapsNestingAt64() {
        ImapInput in = BytesResponseSource.input("(".repeat(65));
        for (int i = 0; i < 64; i++) {
            in.listStart("test");
        }
        assertThrows(dev.imap4.client.ImapProtocolException.class, () -> in.listStart("test"));
    }

    @Test
    void emptyInputIsAtLineEnd() {
        assertTrue(BytesResponseSource.input("").atLineEnd());
    }
}
