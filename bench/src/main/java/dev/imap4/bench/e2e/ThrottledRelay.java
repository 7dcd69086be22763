package dev.imap4.bench.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A slow link on loopback: a TCP relay from an ephemeral port on 127.0.0.1 to the server, which
 * holds each direction to {@code bitsPerSecond} (bytes leave one after another at that rate, as
 * on a serial link) and delays every byte by {@code latencyMillis} (one way). It counts the bytes
 * it carries each way: what a real link would carry, compressed or not. It runs in the benchmark's
 * JVM on daemon threads and stops when closed (or when the JVM exits).
 */
final class ThrottledRelay implements AutoCloseable {

    private static final int CHUNK = 1460; // about one TCP segment: the rate is smooth at this grain
    /** Chunks in flight per direction: enough for 64 ms of 100 Mbit/s, a bound on what the relay holds. */
    private static final int QUEUE = 600;

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final double nanosPerByte;
    private final long latencyNanos;
    private final AtomicLong down = new AtomicLong();
    private final AtomicLong up = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    ThrottledRelay(String host, int port, long bitsPerSecond, long latencyMillis) throws IOException {
        this.upstream = new InetSocketAddress(host, port);
        this.nanosPerByte = 8e9 / bitsPerSecond;
        this.latencyNanos = latencyMillis * 1_000_000L;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "relay-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Bytes carried from the server to the client since the last {@link #reset()}. */
    long downBytes() {
        return down.get();
    }

    /** Bytes carried from the client to the server since the last {@link #reset()}. */
    long upBytes() {
        return up.get();
    }

    void reset() {
        down.set(0);
        up.set(0);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(upstream, 10_000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                direction(client, server, up, "up");
                direction(server, client, down, "down");
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("relay: " + e);
                }
            }
        }
    }

    private record Chunk(byte[] bytes, int length, long arrived) {
    }

    /** A reader that stamps each chunk as it arrives, and a writer that lets it go at the link's pace. */
    private void direction(Socket from, Socket to, AtomicLong counter, String name) throws IOException {
        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE);
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        Chunk end = new Chunk(new byte[0], -1, 0);
        Thread reader = new Thread(() -> {
            try {
                while (true) {
                    byte[] b = new byte[CHUNK];
                    int n = in.read(b);
                    if (n < 0) {
                        break;
                    }
                    queue.put(new Chunk(b, n, System.nanoTime()));
                }
            } catch (IOException | InterruptedException e) {
                // the connection is closing
            }
            try {
                queue.put(end);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "relay-" + name + "-read");
        Thread writer = new Thread(() -> {
            long linkFree = 0;
            try {
                while (true) {
                    Chunk c = queue.take();
                    if (c == end) {
                        break;
                    }
                    // serialised after the previous chunk, and no earlier than its arrival plus the latency
                    long start = Math.max(c.arrived() + latencyNanos, linkFree);
                    long done = start + (long) (c.length() * nanosPerByte);
                    linkFree = done;
                    sleepUntil(done);
                    out.write(c.bytes(), 0, c.length());
                    out.flush();
                    counter.addAndGet(c.length());
                }
                to.shutdownOutput();
            } catch (IOException | InterruptedException e) {
                // the connection is closing
            }
        }, "relay-" + name + "-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
