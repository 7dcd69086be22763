package dev.imap4.client.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.ImapProtocolException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** The inflating side of COMPRESS=DEFLATE: bounded reads, honest {@code available()}, clear errors. */
class InflatingInputStreamTest {

    /** A source whose read must never be called. */
    private static final InputStream NEVER = new InputStream() {
        @Override
        public int read() throws IOException {
            throw new AssertionError("available() read the source");
        }

        @Override
        public int read(byte[] b, int off, int len) {
            throw new AssertionError("available() read the source");
        }
    };

    @Test
    void availableCountsOnlyWhatIsInflatedAndNeverReadsTheSource() throws IOException {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        byte[] line = deflate(d, "* 1 EXISTS\r\n");
        byte[] marker = deflate(d, ""); // a sync flush with no data: inflates to nothing
        InflatingInputStream in = new InflatingInputStream(NEVER, concat(line, marker));
        assertEquals(12, in.available());
        byte[] got = new byte[100];
        assertEquals(12, in.read(got, 0, 100));
        assertEquals("* 1 EXISTS\r\n", new String(got, 0, 12, StandardCharsets.US_ASCII));
        assertEquals(0, in.available()); // only the empty marker is left: a read would block
        assertEquals(0, new InflatingInputStream(NEVER, new byte[0]).available());
    }

    @Test
    void eachReadInflatesAtMostWhatWasAskedFor() throws IOException {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        byte[] bomb = deflate(d, "a".repeat(1 << 20));
        assertTrue(bomb.length < 8192, "the bomb is small: " + bomb.length);
        InflatingInputStream in = new InflatingInputStream(new ByteArrayInputStream(bomb), new byte[0]);
        byte[] buf = new byte[100];
        assertEquals(100, in.read(buf, 0, 100));
        assertTrue(in.available() <= 4096, "inflated ahead: " + in.available());
    }

    @Test
    void aCorruptStreamIsAProtocolError() {
        InflatingInputStream in = new InflatingInputStream(new ByteArrayInputStream(new byte[] {(byte) 0xff, (byte) 0xff}),
                new byte[0]);
        ImapProtocolException e = assertThrows(ImapProtocolException.class, () -> in.read(new byte[10], 0, 10));
        assertTrue(e.getMessage().contains("not a valid DEFLATE stream"), e.getMessage());
    }

    @Test
    void theEndOfTheSourceIsTheEndOfTheStream() throws IOException {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        InflatingInputStream in = new InflatingInputStream(new ByteArrayInputStream(deflate(d, "ab")), new byte[0]);
        byte[] buf = new byte[10];
        assertEquals(2, in.read(buf, 0, 10));
        assertEquals(-1, in.read(buf, 0, 10));
    }

    private static byte[] deflate(Deflater d, String text) {
        d.setInput(text.getBytes(StandardCharsets.US_ASCII));
        byte[] buf = new byte[1 << 16];
        int n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        return Arrays.copyOf(buf, n);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
