package dev.imap4.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLSession;

/**
 * The byte pipe under a connection: a socket, a TLS socket or a child process's stdin/stdout.
 * This is imaplib's transport seam ({@code open}, {@code read}, {@code send}, {@code shutdown}).
 */
public interface Transport extends Closeable {

    InputStream input();

    OutputStream output();

    /** The socket, or {@code null} for a child process. */
    Socket socket();

    /** The TLS session, or {@code null} on a plain connection. */
    default SSLSession sslSession() {
        return null;
    }

    /** Changes the read timeout where the transport supports one; zero waits forever. */
    default void readTimeout(Duration timeout) throws IOException {
    }

    /**
     * Makes a read or write blocked in another thread fail soon (a command deadline passed); never
     * blocks and never throws. The owner still calls {@link #close()} afterwards.
     */
    default void unblock() {
        close();
    }

    /** Closes the pipe; never throws, safe to call twice. */
    @Override
    void close();
}
