package dev.imap4.client.internal.transport;

import dev.imap4.client.ImapProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The server's side of RFC 4978 COMPRESS=DEFLATE: raw DEFLATE (RFC 1951, no zlib header) inflated
 * as the reader pulls bytes. Nothing is inflated ahead of a read: each read inflates into the
 * caller's buffer at most the bytes it asked for, from a fixed input buffer, so the reader's own
 * limits (line length, literal size, the connection's budgets) bound what a decompression bomb can
 * make the client hold. A stream that is not valid DEFLATE is a protocol error.
 *
 * <p>{@link #available()} never promises more than it holds: only bytes already inflated (from
 * compressed input already read) count, so a caller that polls it cannot block on a read it was
 * told would not block. Read timeouts and {@code unblock} are the source's: a read that waits for
 * compressed bytes waits in the source's read.
 */
final class InflatingInputStream extends InputStream {

    /** Compressed bytes read from the source at a time. */
    static final int INPUT_BUFFER = 16 * 1024;
    /** What {@link #available()} may inflate ahead, from input already read. */
    private static final int AHEAD_BUFFER = 4 * 1024;

    private final InputStream source;
    private final Inflater inflater = new Inflater(true);
    private final byte[] input = new byte[INPUT_BUFFER];
    private byte[] pending;
    private final byte[] ahead = new byte[AHEAD_BUFFER];
    private int aheadStart;
    private int aheadEnd;
    private volatile boolean closed;

    /**
     * @param pending compressed bytes already read from the source with the COMPRESS answer (the
     *     server starts compressing right after its tagged OK, RFC 4978 §3); inflated first
     */
    InflatingInputStream(InputStream source, byte[] pending) {
        this.source = source;
        this.pending = pending.length == 0 ? null : pending;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (aheadStart < aheadEnd) {
            int n = Math.min(len, aheadEnd - aheadStart);
            System.arraycopy(ahead, aheadStart, b, off, n);
            aheadStart += n;
            return n;
        }
        while (true) {
            if (inflater.finished()) {
                return -1; // the server ended its stream (BFINAL): nothing more can come
            }
            if (inflater.needsInput() && !refill(true)) {
                return -1;
            }
            int n = inflate(b, off, len);
            if (n > 0) {
                return n;
            }
            // a block boundary or a sync-flush marker: no output yet, more input needed
        }
    }

    /** Gives the inflater more compressed bytes; false at the end of the source. */
    private boolean refill(boolean block) throws IOException {
        if (pending != null) {
            inflater.setInput(pending);
            pending = null;
            return true;
        }
        if (!block) {
            return false;
        }
        int r = source.read(input, 0, input.length);
        if (r < 0) {
            return false;
        }
        inflater.setInput(input, 0, r);
        return true;
    }

    private int inflate(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("the compressed stream is closed");
        }
        try {
            int n = inflater.inflate(b, off, len);
            if (n == 0 && inflater.needsDictionary()) {
                throw new ImapProtocolException("COMPRESS=DEFLATE: the server's stream asks for a preset"
                        + " dictionary, which raw DEFLATE (RFC 4978 §3) never uses");
            }
            return n;
        } catch (DataFormatException e) {
            throw new ImapProtocolException("COMPRESS=DEFLATE: the server sent data that is not a valid"
                    + " DEFLATE stream (" + e.getMessage() + ")");
        } catch (NullPointerException | IllegalStateException e) {
            // the inflater was ended by close() from another thread
            throw new IOException("the compressed stream is closed", e);
        }
    }

    /** Bytes inflated from input already received; never reads the source, so never blocks. */
    @Override
    public int available() throws IOException {
        if (aheadStart < aheadEnd) {
            return aheadEnd - aheadStart;
        }
        if (closed || inflater.finished()) {
            return 0;
        }
        if (inflater.needsInput() && !refill(false)) {
            return 0;
        }
        aheadStart = 0;
        aheadEnd = inflate(ahead, 0, ahead.length);
        return aheadEnd;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        try {
            source.close();
        } finally {
            inflater.end();
        }
    }
}
