package dev.imap4.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile loopback IMAP server that never lets one command finish in reasonable time: it greets
 * with PREAUTH, answers every command at once (SELECT/EXAMINE as an empty mailbox), except those
 * whose line contains {@code trickleOn} (or the greeting itself, for {@code "GREETING"}), for which
 * it sends {@code unit} every {@code intervalMillis}, {@code count} times, before the tagged OK.
 * For IDLE it sends the continuation first and ignores DONE. A read timeout restarts with every
 * unit, so only a command deadline ends such a command. Listens on 127.0.0.1, port 0, a thread per
 * connection; every wait is bounded, so it always ends by itself.
 *
 * <p>Not a transcript: it answers any command, and its trickle is thousands of timed units decided by
 * parameters, which a transcript could only spell out one {@code !stall} at a time.
 */
public final class TrickleServer implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 60_000;

    private final String trickleOn;
    private final byte[] unit;
    private final long intervalMillis;
    private final int count;
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger cutShort = new AtomicInteger();
    private volatile boolean closed;

    private TrickleServer(String trickleOn, String unit, long intervalMillis, int count) throws IOException {
        this.trickleOn = trickleOn.toUpperCase(Locale.ROOT);
        this.unit = unit.getBytes(StandardCharsets.ISO_8859_1);
        this.intervalMillis = intervalMillis;
        this.count = count;
        this.listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.listener.setSoTimeout(TIMEOUT_MILLIS);
        Thread t = new Thread(this::acceptLoop, "trickle-server-" + listener.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    /** Trickles {@code unit} every {@code intervalMillis}, {@code count} times, on matching commands. */
    public static TrickleServer start(String trickleOn, String unit, long intervalMillis, int count)
            throws IOException {
        return new TrickleServer(trickleOn, unit, intervalMillis, count);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Trickles the client ended by closing the connection before they were complete. */
    public int cutShort() {
        return cutShort.get();
    }

    /** Every command line received, in order. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    private void acceptLoop() {
        try {
            while (!closed) {
                Socket s = listener.accept();
                connections.incrementAndGet();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "trickle-connection");
                t.setDaemon(true);
                t.start();
            }
        } catch (IOException e) {
            // closed, or nobody connected within the timeout
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            if (trickleOn.equals("GREETING") && !trickle(out)) {
                return;
            }
            write(out, "* PREAUTH [CAPABILITY IMAP4rev1 IDLE UIDPLUS] trickle server ready\r\n");
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                String[] parts = line.split(" ", 3);
                String tag = parts[0];
                String verb = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "";
                if (line.toUpperCase(Locale.ROOT).contains(trickleOn)) {
                    if (verb.equals("IDLE")) {
                        write(out, "+ idling\r\n");
                    }
                    if (!trickle(out)) {
                        return;
                    }
                    write(out, tag + " OK done\r\n");
                } else if (verb.equals("SELECT") || verb.equals("EXAMINE")) {
                    write(out, "* 0 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\n* OK [UIDNEXT 1] ok\r\n"
                            + tag + " OK [READ-WRITE] selected\r\n");
                } else if (verb.equals("LOGOUT")) {
                    write(out, "* BYE bye\r\n" + tag + " OK bye\r\n");
                    return;
                } else if (!verb.isEmpty() && !line.equalsIgnoreCase("DONE")) {
                    write(out, tag + " OK done\r\n");
                }
            }
        } catch (SocketTimeoutException e) {
            // the client went quiet; give up
        } catch (IOException e) {
            // the client closed the connection
        }
    }

    /** False if the client closed the connection before the trickle ended. */
    private boolean trickle(OutputStream out) {
        try {
            for (int i = 0; i < count && !closed; i++) {
                out.write(unit);
                out.flush();
                Thread.sleep(intervalMillis);
            }
            return true;
        } catch (IOException e) {
            cutShort.incrementAndGet();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
