package dev.imap4.bench.e2e;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The ceiling: a socket that sends IMAP commands and reads until the tagged response, with no
 * parsing at all. It recognises the tagged line as "TAG " at the start of a line, which message
 * content could in principle contain; the benchmark mailboxes do not.
 */
final class RawSession implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buf = new byte[64 * 1024];
    private int tagNo;

    RawSession(Server server) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(server.host(), server.port()), 10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        readLine(); // greeting
        command("LOGIN " + server.user() + " " + server.password(), null);
    }

    /**
     * Sends {@code text}, reads to the tagged response; returns the number of bytes read. When
     * {@code keep} is given, everything read goes there too.
     */
    long command(String text, ByteArrayOutputStream keep) throws IOException {
        String tag = "R" + (++tagNo);
        out.write((tag + " " + text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        byte[] t = (tag + " ").getBytes(StandardCharsets.US_ASCII);
        long total = 0;
        boolean lineStart = true;
        int matched = -1; // bytes of the tag matched at a line start; -1 = not at one
        boolean tagged = false;
        while (true) {
            int n = in.read(buf);
            if (n < 0) {
                throw new EOFException("connection closed before " + tag + " completed");
            }
            if (keep != null) {
                keep.write(buf, 0, n);
            }
            total += n;
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (tagged) {
                    if (b == '\n') {
                        String line = keep == null ? "" : keep.toString(StandardCharsets.US_ASCII);
                        if (keep != null && !line.contains(tag + " OK")) {
                            throw new IOException("not OK: " + line.substring(Math.max(0, line.length() - 200)));
                        }
                        return total;
                    }
                    continue;
                }
                if (lineStart) {
                    matched = 0;
                    lineStart = false;
                }
                if (matched >= 0) {
                    if (b == t[matched]) {
                        if (++matched == t.length) {
                            tagged = true;
                        }
                    } else {
                        matched = -1;
                    }
                }
                if (b == '\n') {
                    lineStart = true;
                }
            }
        }
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
    static Timing.Outcome fetchAll(Server server, String folder, int expected) throws IOException {
        try (RawSession s = new RawSession(server)) {
            s.command("SELECT " + folder, null);
            long bytes = s.command("UID FETCH 1:* (UID BODY.PEEK[])", null);
            return new Timing.Outcome(expected, bytes);
        }
    }
}
