package dev.imap4.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A loopback IMAP server for one connection whose only message is as large as asked: it answers
 * SELECT, and a UID FETCH with {@code * 1 FETCH (UID 1 BODY[] {size}} followed by content generated
 * on the fly (never held: a counter-based generator fills one buffer at a time), hashing what it
 * sends. It can instead stop after some bytes of the literal and stall or close. Listens on
 * 127.0.0.1, port 0; every wait is bounded, so it always ends by itself.
 *
 * <p>Not a transcript: the literal is as large as asked (hundreds of megabytes) and generated as it is
 * sent, while a transcript holds every byte it sends.
 */
public final class LiteralStreamServer implements AutoCloseable {

    /** What happens after {@code sendBytes} bytes of the literal. */
    public enum Ending { COMPLETE, STALL, CLOSE }

    private static final int TIMEOUT_MILLIS = 60_000;

    private final long size;
    private final long sendBytes;
    private final Ending ending;
    private final ServerSocket listener;
    private final Thread thread;
    private volatile String sha256;
    private volatile long sent;
    private volatile Socket socket;

    private LiteralStreamServer(long size, long sendBytes, Ending ending) throws IOException {
        this.size = size;
        this.sendBytes = sendBytes;
        this.ending = ending;
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.listener.setSoTimeout(TIMEOUT_MILLIS);
        this.thread = new Thread(this::serve, "literal-stream-server");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Sends a literal of {@code size} bytes in full. */
    public static LiteralStreamServer complete(long size) throws IOException {
        return new LiteralStreamServer(size, size, Ending.COMPLETE);
    }

    /** Announces {@code size} bytes, sends {@code sendBytes} of them, then stalls or closes. */
    public static LiteralStreamServer cutShort(long size, long sendBytes, Ending ending) throws IOException {
        return new LiteralStreamServer(size, sendBytes, ending);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The SHA-256 of the literal bytes sent, hex; null until the literal was sent in full. */
    public String sha256() {
        return sha256;
    }

    /** Literal bytes sent so far. */
    public long sent() {
        return sent;
    }

    private void serve() {
        try (ServerSocket l = listener; Socket s = l.accept()) {
            socket = s;
            s.setSoTimeout(TIMEOUT_MILLIS);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = s.getOutputStream();
            write(out, "* PREAUTH [CAPABILITY IMAP4rev1 UIDPLUS] literal server ready\r\n");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String tag = line.split(" ", 2)[0];
                String rest = line.substring(tag.length()).trim().toUpperCase(java.util.Locale.ROOT);
                if (rest.startsWith("SELECT")) {
                    write(out, "* 1 EXISTS\r\n* OK [UIDVALIDITY 1] ok\r\n* OK [UIDNEXT 2] ok\r\n" + tag
                            + " OK [READ-WRITE] selected\r\n");
                } else if (rest.startsWith("UID FETCH")) {
                    write(out, "* 1 FETCH (UID 1 BODY[] {" + size + "}\r\n");
                    if (!literal(out)) {
                        return;
                    }
                    write(out, ")\r\n" + tag + " OK fetched\r\n");
                } else if (rest.startsWith("LOGOUT")) {
                    write(out, "* BYE bye\r\n" + tag + " OK done\r\n");
                    return;
                } else {
                    write(out, tag + " OK done\r\n");
                }
            }
        } catch (IOException e) {
            // the client went away (a timeout on its side closes the socket): nothing left to serve
        }
    }

    /** Sends the literal, or part of it; false when the connection is to end here. */
    private boolean literal(OutputStream out) throws IOException {
        MessageDigest sha = sha256Digest();
        byte[] buf = new byte[64 * 1024];
        long counter = 0;
        while (sent < sendBytes) {
            int n = (int) Math.min(buf.length, sendBytes - sent);
            for (int i = 0; i < n; i += 8) {
                long v = mix(counter++);
                for (int k = 0; k < 8 && i + k < n; k++) {
                    buf[i + k] = (byte) (v >>> (8 * k));
                }
            }
            out.write(buf, 0, n);
            sha.update(buf, 0, n);
            sent += n;
        }
        out.flush();
        if (ending == Ending.COMPLETE) {
            sha256 = HexFormat.of().formatHex(sha.digest());
            return true;
        }
        if (ending == Ending.STALL) {
            try {
                // the client's read timeout ends this; the bound keeps the server from outliving a test
                Thread.sleep(TIMEOUT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return false;
    }

    /** SplitMix64 of a counter: fast, deterministic, every byte value occurs (CR, LF, braces...). */
    private static long mix(long x) {
        long z = x * 0x9E3779B97F4A7C15L + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server: closes the connection and waits for the thread. */
    @Override
    public void close() throws IOException {
        listener.close();
        Socket s = socket;
        if (s != null) {
            s.close();
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
