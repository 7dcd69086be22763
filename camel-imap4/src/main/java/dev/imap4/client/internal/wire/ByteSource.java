package dev.imap4.client.internal.wire;

import dev.imap4.client.ImapProtocolException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Buffered reads from the server: CRLF-terminated lines with a length cap, and exact byte counts
 * for literals. Lines never grow beyond the cap, so a hostile server cannot exhaust memory.
 */
public final class ByteSource {

    private final InputStream in;
    private final byte[] buf;
    private int start;
    private int end;
    private final int maxLineLength;

    public ByteSource(InputStream in, int maxLineLength) {
        this(in, maxLineLength, 64 * 1024);
    }

    public ByteSource(InputStream in, int maxLineLength, int bufferSize) {
        this.in = in;
        this.buf = new byte[bufferSize];
        this.maxLineLength = maxLineLength;
    }

    /**
     * The next line without its CRLF (a bare LF is accepted too), or {@code null} at end of stream
     * before any byte of a line.
     */
    public byte[] readLine() throws IOException {
        return readLine(false);
    }

    /** The next line including its terminator, as imaplib's {@code readline()} returns it. */
    public byte[] readLineWithTerminator() throws IOException {
        return readLine(true);
    }

    /** One copy of the line, with or without its LF and the CR before it. */
    private byte[] readLine(boolean withTerminator) throws IOException {
        byte[] acc = null;
        int accLen = 0;
        while (true) {
            if (start == end && !fill()) {
                if (accLen == 0) {
                    return null;
                }
                throw new EOFException("connection closed in the middle of a line");
            }
            int lf = indexOfLf(buf, start, end);
            int chunkEnd = lf >= 0 ? lf + 1 : end;
            int chunk = chunkEnd - start;
            if (accLen + chunk > maxLineLength + 2) {
                throw new ImapProtocolException("response line exceeds the limit of " + maxLineLength
                        + " bytes (maxLineLength); first bytes: " + preview(acc, accLen, start));
            }
            if (lf >= 0 && acc == null) {
                byte[] line = Arrays.copyOfRange(buf, start, withTerminator ? chunkEnd : lineEnd(buf, start, lf));
                start = chunkEnd;
                return line;
            }
            if (acc == null) {
                acc = new byte[Math.max(256, chunk * 2)];
            } else if (accLen + chunk > acc.length) {
                acc = Arrays.copyOf(acc, Math.max(acc.length * 2, accLen + chunk));
            }
            System.arraycopy(buf, start, acc, accLen, chunk);
            accLen += chunk;
            start = chunkEnd;
            if (lf >= 0) {
                return Arrays.copyOf(acc, withTerminator ? accLen : lineEnd(acc, 0, accLen - 1));
            }
        }
    }

    /** Where the line ends without its terminator: at {@code lf}, or at the CR just before it. */
    private static int lineEnd(byte[] b, int from, int lf) {
        return lf > from && b[lf - 1] == '\r' ? lf - 1 : lf;
    }

    /** Reads exactly {@code n} bytes into {@code dst} at {@code off}. */
    public void readFully(byte[] dst, int off, int n) throws IOException {
        while (n > 0) {
            int r = read(dst, off, n);
            if (r < 0) {
                throw new EOFException("connection closed with " + n + " bytes of a literal still expected");
            }
            off += r;
            n -= r;
        }
    }

    /** Reads up to {@code n} bytes, blocking only when nothing is buffered; -1 at end of stream. */
    public int read(byte[] dst, int off, int n) throws IOException {
        if (n == 0) {
            return 0;
        }
        if (start == end) {
            if (n >= buf.length) {
                return in.read(dst, off, n);
            }
            if (!fill()) {
                return -1;
            }
        }
        int r = Math.min(n, end - start);
        System.arraycopy(buf, start, dst, off, r);
        start += r;
        return r;
    }

    /** Skips exactly {@code n} bytes. */
    public void skipFully(long n) throws IOException {
        byte[] scratch = null;
        while (n > 0) {
            if (start < end) {
                int r = (int) Math.min(n, end - start);
                start += r;
                n -= r;
                continue;
            }
            if (scratch == null) {
                scratch = new byte[8192];
            }
            int r = in.read(scratch, 0, (int) Math.min(n, scratch.length));
            if (r < 0) {
                throw new EOFException("connection closed with " + n + " bytes of a literal still expected");
            }
            n -= r;
        }
    }

    /** Bytes already buffered and not yet consumed. */
    public int buffered() {
        return end - start;
    }

    /**
     * Hands over everything buffered and not yet consumed, and forgets it: after COMPRESS (RFC 4978
     * §3) these bytes are the start of the server's compressed stream.
     */
    public byte[] takeBuffered() {
        byte[] rest = Arrays.copyOfRange(buf, start, end);
        start = end = 0;
        return rest;
    }

    /** Drops everything buffered; used before a TLS handshake (RFC 3501 §6.2.1, the STARTTLS buffer attack). */
    public int discardBuffered() {
        int dropped = end - start;
        start = end = 0;
        return dropped;
    }

    private boolean fill() throws IOException {
        start = 0;
        end = 0;
        int r = in.read(buf, 0, buf.length);
        if (r < 0) {
            return false;
        }
        end = r;
        return true;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LFS = 0x0a0a0a0a0a0a0a0aL;

    /**
     * The index of the first LF in {@code a[from, to)}, or -1: eight bytes at a time (a word holds an
     * LF when one of its bytes XOR LF is zero), then byte by byte for the tail.
     */
    static int indexOfLf(byte[] a, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(a, i) ^ LFS;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (a[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private String preview(byte[] acc, int accLen, int from) {
        byte[] src = acc != null ? acc : buf;
        int off = acc != null ? 0 : from;
        int len = Math.min(60, acc != null ? accLen : end - from);
        return Ascii.printable(src, off, len);
    }
}
