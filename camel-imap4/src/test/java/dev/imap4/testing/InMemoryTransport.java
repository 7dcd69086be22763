package dev.imap4.testing;

import dev.imap4.client.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A transport with no socket: the client's reads are served by {@link #serve} and every byte it
 * writes goes to {@link #received}, so a test server can run in the client's own thread.
 */
public abstract class InMemoryTransport implements Transport {

    private volatile boolean closed;

    private final InputStream input = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("transport closed");
            }
            return serve(b, off, len);
        }
    };

    private final OutputStream output = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            if (closed) {
                throw new IOException("transport closed");
            }
            received((byte) b);
        }
    };

    /** Fills the client's read with server bytes; -1 when the server has closed. */
    protected abstract int serve(byte[] b, int off, int len) throws IOException;

    /** One byte the client sent. */
    protected abstract void received(byte b) throws IOException;

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
        return null;
    }

    @Override
    public void close() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }
}
