package dev.imap4.bench.e2e;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The ceiling: a socket that sends IMAP commands and reads until the tagged response, with no
 * parsing at all. It recognises the tagged line as "TAG " at the start of the last line of a read
 * that ends a line, which message content could in principle produce; the benchmark mailboxes
 * do not. Over TLS it is a plain {@link SSLSocket}: the server's certificate verified against a
 * trust store holding it, the host name checked, JSSE's default protocols and suites.
 */
final class RawSession implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buf = new byte[64 * 1024];
    private int tagNo;

    RawSession(Server server) throws IOException {
        this(server, false);
    }

    RawSession(Server server, boolean tls) throws IOException {
        Socket plain = new Socket();
        plain.setTcpNoDelay(true);
        plain.connect(new InetSocketAddress(server.host(), tls ? server.tlsPort() : server.port()), 10_000);
        if (tls) {
            SSLSocket s = (SSLSocket) server.sslContext().getSocketFactory()
                    .createSocket(plain, server.host(), server.tlsPort(), true);
            SSLParameters params = s.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            s.setSSLParameters(params);
            s.startHandshake();
            socket = s;
        } else {
            socket = plain;
        }
        in = socket.getInputStream();
        out = socket.getOutputStream();
        readLine(); // greeting
        command("LOGIN " + server.user() + " " + server.password(), null);
    }

    /**
     * Sends {@code text}, reads to the tagged response; returns the number of bytes read. When
     * {@code keep} is given, everything read goes there too. Bytes are not looked at one by one:
     * the tagged response is the last thing the server sends before it waits, so only the tail of
     * each read is checked for a line starting with the tag.
     */
    long command(String text, ByteArrayOutputStream keep) throws IOException {
        String tag = "R" + (++tagNo);
        out.write((tag + " " + text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        byte[] t = ("\n" + tag + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = new byte[TAIL];
        int tailLen = 0;
        long total = 0;
        while (true) {
            int n = in.read(buf);
            if (n < 0) {
                throw new EOFException("connection closed before " + tag + " completed");
            }
            if (keep != null) {
                keep.write(buf, 0, n);
            }
            total += n;
            // keep the last TAIL bytes seen
            if (n >= TAIL) {
                System.arraycopy(buf, n - TAIL, tail, 0, TAIL);
                tailLen = TAIL;
            } else {
                int keepOld = Math.min(tailLen, TAIL - n);
                System.arraycopy(tail, tailLen - keepOld, tail, 0, keepOld);
                System.arraycopy(buf, 0, tail, keepOld, n);
                tailLen = keepOld + n;
            }
            if (tailLen >= 2 && tail[tailLen - 1] == '\n' && endsWithTaggedLine(tail, tailLen, t, total)) {
                if (keep != null && !keep.toString(StandardCharsets.US_ASCII).contains(tag + " OK")) {
                    throw new IOException("not OK: " + keep);
                }
                return total;
            }
        }
    }

    private static final int TAIL = 512;

    // the last line of the tail starts with the tag (at the very start of the response too)
    private static boolean endsWithTaggedLine(byte[] tail, int len, byte[] nlTag, long total) {
        int lineStart = len - 2;
        while (lineStart >= 0 && tail[lineStart] != '\n') {
            lineStart--;
        }
        if (lineStart < 0 && total != len) {
            return false; // a last line longer than the tail: not a tagged status line
        }
        int from = lineStart < 0 ? 0 : lineStart + 1;
        if (len - from < nlTag.length - 1) {
            return false;
        }
        for (int i = 1; i < nlTag.length; i++) {
            if (tail[from + i - 1] != nlTag[i]) {
                return false;
            }
        }
        return true;
    }

    /** The TLS session, or {@code null} on a plain connection. */
    SSLSession session() {
        return socket instanceof SSLSocket s ? s.getSession() : null;
    }

    String commandText(String text) throws IOException {
        ByteArrayOutputStream keep = new ByteArrayOutputStream();
        command(text, keep);
        return keep.toString(StandardCharsets.US_ASCII);
    }

    private void readLine() throws IOException {
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            // the greeting
        }
    }

    @Override
    public void close() throws IOException {
        try {
            command("LOGOUT", null);
        } catch (IOException ignored) {
            // closing anyway
        }
        socket.close();
    }

    /** Connect, log in, SELECT, one UID FETCH 1:* (UID BODY.PEEK[]), LOGOUT. */
    static Timing.Outcome fetchAll(Server server, String folder, int expected, boolean tls) throws IOException {
        try (RawSession s = new RawSession(server, tls)) {
            Tls.note("fetch-raw-tls", s.session());
            s.command("SELECT " + folder, null);
            long bytes = s.command("UID FETCH 1:* (UID BODY.PEEK[])", null);
            return new Timing.Outcome(expected, bytes);
        }
    }
}
