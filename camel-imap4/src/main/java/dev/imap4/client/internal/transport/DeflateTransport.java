package dev.imap4.client.internal.transport;

import dev.imap4.client.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.net.ssl.SSLSession;

/**
 * RFC 4978 COMPRESS=DEFLATE over another transport (a socket, a TLS socket, a child process): both
 * directions carry raw DEFLATE (RFC 1951, no zlib header or checksum), inside TLS when there is
 * TLS. What the client writes is flushed with {@link Deflater#SYNC_FLUSH} at every flush, so each
 * command reaches the server whole at once; what the server sends is inflated as it is read
 * ({@link InflatingInputStream}). Timeouts, {@link #unblock()} and the TLS session are the
 * underlying transport's.
 */
public final class DeflateTransport implements Transport {

    /** zlib's default: the client sends commands and APPENDs, where level 6 gains most for its CPU. */
    static final int LEVEL = Deflater.DEFAULT_COMPRESSION;
    private static final int OUTPUT_BUFFER = 16 * 1024;

    private final Transport under;
    private final Deflater deflater = new Deflater(LEVEL, true);
    private final InflatingInputStream input;
    private final OutputStream output;
    private volatile boolean closed;

    private DeflateTransport(Transport under, byte[] pending) {
        this.under = under;
        this.input = new InflatingInputStream(under.input(), pending);
        this.output = new Output(under.output());
    }

    /**
     * Compresses {@code under} from now on. {@code pending}: bytes already read from it after the
     * tagged OK of COMPRESS, which are the start of the server's compressed stream.
     */
    public static DeflateTransport over(Transport under, byte[] pending) {
        return new DeflateTransport(under, pending);
    }

    /** The transport under the compression: {@code t} itself when it is not compressed. */
    public static Transport unwrap(Transport t) {
        return t instanceof DeflateTransport d ? d.under : t;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public Socket socket() {
        return under.socket();
    }

    @Override
    public SSLSession sslSession() {
        return under.sslSession();
    }

    @Override
    public void readTimeout(Duration timeout) throws IOException {
        under.readTimeout(timeout);
    }

    @Override
    public void unblock() {
        under.unblock();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        under.close();
        try {
            input.close();
        } catch (IOException ignored) {
            // the transport below is already closed
        }
        deflater.end();
    }

    /** Compressing output that fails with an {@link IOException} once the transport is closed. */
    private final class Output extends DeflaterOutputStream {

        Output(OutputStream under) {
            super(under, deflater, OUTPUT_BUFFER, true); // syncFlush: flush() ends in SYNC_FLUSH
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            open();
            try {
                super.write(b, off, len);
            } catch (NullPointerException e) {
                throw new IOException("the compressed stream is closed", e); // ended by close() meanwhile
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            open();
            try {
                super.flush();
            } catch (NullPointerException e) {
                throw new IOException("the compressed stream is closed", e);
            }
        }

        @Override
        public void close() {
            DeflateTransport.this.close();
        }

        private void open() throws IOException {
            if (closed) {
                throw new IOException("the compressed stream is closed");
            }
        }
    }
}
