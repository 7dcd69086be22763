package dev.imap4.client.scripted;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** The server side's reads: CRLF lines and exact byte counts (literals), with the read-ahead exposed for TLS. */
final class LineReader {
    private final InputStream src;
    private final byte[] buf = new byte[8192];
    private int start;
    private int end;

    LineReader(InputStream src) {
        this.src = src;
    }

    /** The next line including its LF (partial at end of stream), or null at end of stream. */
    byte[] readLine() throws IOException {
        ByteArrayOutputStream acc = new ByteArrayOutputStream();
        while (true) {
            if (start == end && !fill()) {
                return acc.size() == 0 ? null : acc.toByteArray();
            }
            int i = start;
            while (i < end && buf[i] != '\n') {
                i++;
            }
            boolean found = i < end;
            int stop = found ? i + 1 : end;
            acc.write(buf, start, stop - start);
            start = stop;
            if (found) {
                return acc.toByteArray();
            }
        }
    }

    byte[] readExactly(int n) throws IOException {
        byte[] out = new byte[n];
        int got = 0;
        while (got < n) {
            if (start == end && !fill()) {
                throw new EOFException("end of stream after " + got + " of " + n + " literal bytes");
            }
            int r = Math.min(n - got, end - start);
            System.arraycopy(buf, start, out, got, r);
            start += r;
            got += r;
        }
        return out;
    }

    int available() throws IOException {
        return (end - start) + src.available();
    }

    byte[] drainBuffered() {
        byte[] b = Arrays.copyOfRange(buf, start, end);
        start = end;
        return b;
    }

    private boolean fill() throws IOException {
        int r = src.read(buf, 0, buf.length);
        if (r < 0) {
            return false;
        }
        start = 0;
        end = r;
        return true;
    }
}
