package dev.imap4.client.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.ImapProtocolException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Capped lines and exact byte counts over a stream that may deliver any number of bytes per read. */
class ByteSourceTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** A stream that hands out at most {@code chunk} bytes per read, as a slow network does. */
    private static InputStream trickle(String data, int chunk) {
        return new ByteArrayInputStream(b(data)) {
            @Override
            public synchronized int read(byte[] dst, int off, int len) {
                return super.read(dst, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void linesEndAtCrlfOrBareLf() throws IOException {
        ByteSource src = new ByteSource(trickle("one\r\ntwo\nthree\r\n", 100), 100);
        assertEquals("one", s(src.readLine()));
        assertEquals("two", s(src.readLine()));
        assertEquals("three", s(src.readLine()));
        assertNull(src.readLine());
    }

    @Test
    void lineFeedSearchFindsTheFirstLfAtEveryOffsetAndAlignment() {
        // eight bytes at a time: every position of the LF in and across words, bytes that differ from
        // LF in one bit (0x0b, 0x8a, 0x0e) and high bytes around it, and a window that starts mid-array
        java.util.Random random = new java.util.Random(7);
        byte[] noise = {0x0b, (byte) 0x8a, 0x0e, 0x09, (byte) 0xff, 0x00, 'a', '\r'};
        for (int len = 0; len <= 40; len++) {
            for (int trial = 0; trial < 50; trial++) {
                byte[] a = new byte[len + 5];
                for (int i = 0; i < a.length; i++) {
                    a[i] = noise[random.nextInt(noise.length)];
                }
                for (int lfs = random.nextInt(3); lfs > 0 && len > 0; lfs--) {
                    a[3 + random.nextInt(len)] = '\n';
                }
                a[1] = '\n'; // before the window
                a[a.length - 1] = '\n'; // after it
                int expected = -1;
                for (int i = 3; i < 3 + len; i++) {
                    if (a[i] == '\n') {
                        expected = i;
                        break;
                    }
                }
                assertEquals(expected, ByteSource.indexOfLf(a, 3, 3 + len), "length " + len);
            }
        }
    }

    @Test
    void aCrInsideALineIsKept() throws IOException {
        ByteSource src = new ByteSource(trickle("a\rb\r\n", 100), 100);
        assertEquals("a\rb", s(src.readLine()));
    }

    @Test
    void lineWithTerminatorKeepsItForImaplib() throws IOException {
        ByteSource src = new ByteSource(trickle("* OK\r\nx\n", 100), 100);
        assertEquals("* OK\r\n", s(src.readLineWithTerminator()));
        assertEquals("x\n", s(src.readLineWithTerminator()));
    }

    @Test
    void aLineSplitAcrossReadsIsJoined() throws IOException {
        ByteSource src = new ByteSource(trickle("* 1 FETCH (UID 7)\r\n* 2 EXISTS\r\n", 3), 100, 8);
        assertEquals("* 1 FETCH (UID 7)", s(src.readLine()));
        assertEquals("* 2 EXISTS", s(src.readLine()));
        assertNull(src.readLine());
    }

    @Test
    void crAndLfInSeparateReadsMakeOneTerminator() throws IOException {
        ByteSource src = new ByteSource(trickle("abc\r\ndef\r\n", 4), 100, 4);
        assertEquals("abc", s(src.readLine()));
        assertEquals("def", s(src.readLine()));
    }

    @Test
    void aLineAtTheCapIsRead() throws IOException {
        String ten = "0123456789";
        ByteSource src = new ByteSource(trickle(ten + "\r\n", 3), 10, 4);
        assertEquals(ten, s(src.readLine()));
    }

    @Test
    void aLineOverTheCapIsRefusedNamingTheOption() {
        ByteSource src = new ByteSource(trickle("0123456789X\r\n", 3), 10, 4);
        ImapProtocolException e = assertThrows(ImapProtocolException.class, src::readLine);
        assertTrue(e.getMessage().contains("10 bytes (maxLineLength)"), e.getMessage());
    }

    @Test
    void aLineOverTheCapInOneBufferIsRefused() {
        ByteSource src = new ByteSource(trickle("0123456789XY\r\n", 100), 10, 64);
        assertThrows(ImapProtocolException.class, src::readLine);
    }

    @Test
    void anEndlessLineIsRefusedWithoutReadingItAll() throws IOException {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        ByteSource src = new ByteSource(endless, 1000, 64);
        assertThrows(ImapProtocolException.class, src::readLine);
    }

    @Test
    void endOfStreamInsideALineIsAnError() {
        ByteSource src = new ByteSource(trickle("* OK no end", 4), 100, 8);
        assertThrows(EOFException.class, src::readLine);
    }

    @Test
    void readFullyTakesExactlyTheCountAcrossBufferAndStream() throws IOException {
        ByteSource src = new ByteSource(trickle("{10}\r\n0123456789 rest\r\n", 3), 100, 8);
        assertEquals("{10}", s(src.readLine()));
        byte[] lit = new byte[12];
        src.readFully(lit, 1, 10);
        assertArrayEquals(b("\u00000123456789\u0000"), lit);
        assertEquals(" rest", s(src.readLine()));
    }

    @Test
    void readFullyLargerThanTheBufferReadsPastIt() throws IOException {
        String body = "x".repeat(100);
        ByteSource src = new ByteSource(trickle(body + "\r\n", 7), 10, 8);
        byte[] lit = new byte[100];
        src.readFully(lit, 0, 100);
        assertEquals(body, s(lit));
        assertEquals("", s(src.readLine()));
    }

    @Test
    void readFullyShortOfTheCountIsAnError() {
        ByteSource src = new ByteSource(trickle("abc", 2), 100, 8);
        EOFException e = assertThrows(EOFException.class, () -> src.readFully(new byte[5], 0, 5));
        assertTrue(e.getMessage().contains("2 bytes"), e.getMessage());
    }

    @Test
    void skipFullySkipsExactly() throws IOException {
        ByteSource src = new ByteSource(trickle("0123456789abc\r\n", 3), 100, 4);
        src.skipFully(10);
        assertEquals("abc", s(src.readLine()));
        assertThrows(EOFException.class, () -> src.skipFully(1));
    }

    @Test
    void discardBufferedDropsWhatCameBeforeTheHandshake() throws IOException {
        ByteSource src = new ByteSource(trickle("A1 OK begin TLS\r\n* injected\r\n", 100), 100);
        assertEquals("A1 OK begin TLS", s(src.readLine()));
        assertEquals(12, src.buffered());
        assertEquals(12, src.discardBuffered());
        assertEquals(0, src.buffered());
        assertNull(src.readLine(), "the injected line is gone");
    }
}
