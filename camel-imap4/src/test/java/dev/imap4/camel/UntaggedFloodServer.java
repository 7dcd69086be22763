package dev.imap4.camel;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A loopback server (PREAUTH) that answers NOOP with {@code count} copies of one untagged line
 * before the tagged OK, generated as it writes (never held), and every other command with OK.
 * Serves one connection at a time; every wait is bounded, so it always ends by itself.
 *
 * <p>Not a transcript: the flood is generated as it is written, never held, and the Camel producer
 * decides how many commands it sends.
 */
final class UntaggedFloodServer implements AutoCloseable {

    private final ServerSocket listener;
    private final byte[] line;
    private final long count;

    UntaggedFloodServer(String untagged, long count) throws IOException {
        this.line = (untagged + "\r\n").getBytes(StandardCharsets.US_ASCII);
        this.count = count;
        this.listener = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(60_000);
        Thread t = new Thread(this::serve, "untagged-flood");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket s = listener.accept()) {
                s.setSoTimeout(60_000);
                session(s);
            } catch (IOException e) {
                // accept timed out, the listener closed, or the client hung up: next connection or done
            }
        }
    }

    private void session(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
        out.write("* PREAUTH [CAPABILITY IMAP4rev1] flood server\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        for (String l = in.readLine(); l != null; l = in.readLine()) {
            String tag = l.split(" ", 2)[0];
            String verb = l.substring(tag.length()).trim().toUpperCase(Locale.ROOT);
            if (verb.equals("NOOP")) {
                for (long i = 0; i < count; i++) {
                    out.write(line);
                }
            }
            if (verb.equals("LOGOUT")) {
                out.write(("* BYE bye\r\n" + tag + " OK done\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            out.write((tag + " OK done\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
