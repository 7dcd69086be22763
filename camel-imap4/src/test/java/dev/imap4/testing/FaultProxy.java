package dev.imap4.testing;

import dev.imap4.testing.Fault.Action;
import dev.imap4.testing.Fault.Direction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A TCP proxy on 127.0.0.1 (port 0) between a client and a server, for fault injection: each
 * accepted connection gets the {@link Fault} that {@code plan} returns for its index (0, 1, 2...),
 * so a test can break the first connection and check that the next one works. Faults cut the
 * connection after some bytes or on a text, stall one direction, answer a command with
 * {@code * BYE}, truncate a literal, corrupt a byte, or slow the link.
 *
 * <p>Every thread is a daemon; a stalled direction waits at most a minute; {@link #close()} ends
 * everything.
 *
 * <p>Not a transcript: it injects faults into whatever passes between a client and another server
 * (GreenMail, a scripted server or a real one), so the same fault applies to any conversation.
 */
public final class FaultProxy implements AutoCloseable {

    private static final long MAX_STALL_MILLIS = 60_000;
    private static final byte[] BYE = "* BYE the proxy ends this connection\r\n".getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress target;
    private final IntFunction<Fault> plan;
    private final ServerSocket listener;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger fired = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong toClient = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean closed;

    private FaultProxy(String host, int port, IntFunction<Fault> plan) throws IOException {
        this.target = new InetSocketAddress(host, port);
        this.plan = plan;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.listener.setSoTimeout(200);
        Thread t = new Thread(this::acceptLoop, "fault-proxy-" + listener.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    /** A proxy to {@code host:port}; {@code plan} gives the fault for each connection by its index. */
    public static FaultProxy start(String host, int port, IntFunction<Fault> plan) throws IOException {
        return new FaultProxy(host, port, plan);
    }

    /** A proxy that applies {@code first} to the first connection and leaves later ones clean. */
    public static FaultProxy firstConnection(String host, int port, Fault first) throws IOException {
        return start(host, port, i -> i == 0 ? first : Fault.none());
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted so far. */
    public int connections() {
        return accepted.get();
    }

    /** Bytes forwarded from the server to the client so far, over every connection. */
    public long bytesToClient() {
        return toClient.get();
    }

    /** Connections on which a fault has fired. */
    public int faultsFired() {
        return fired.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (SocketTimeoutException e) {
                continue; // look at the closed flag again
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                throw new IllegalStateException("fault proxy failed to accept", e);
            }
            Link link = new Link(client, plan.apply(accepted.getAndIncrement()));
            links.add(link);
            try {
                link.start();
            } catch (IOException e) {
                // the server cannot be reached: the client sees its connection closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        links.forEach(Link::close);
    }

    /** One proxied connection: two pumps and the fault's watch over both. */
    private final class Link {
        private final Socket client;
        private final Fault fault;
        private final Fault.Watch watch;
        private final CountDownLatch ended = new CountDownLatch(1);
        private final AtomicInteger halfClosed = new AtomicInteger();
        /** Set before a cut forwards its last bytes: the other way forwards nothing after it. */
        private volatile boolean cut;
        private Socket server;

        Link(Socket client, Fault fault) {
            this.client = client;
            this.fault = fault;
            this.watch = fault.watch();
        }

        void start() throws IOException {
            try {
                server = new Socket();
                server.setTcpNoDelay(true);
                server.connect(target, 10_000);
                client.setTcpNoDelay(true);
            } catch (IOException e) {
                close();
                throw e;
            }
            pump(client, server, Direction.TO_SERVER);
            pump(server, client, Direction.TO_CLIENT);
        }

        private void pump(Socket from, Socket to, Direction d) {
            Thread t = new Thread(() -> run(from, to, d), "fault-proxy-" + d);
            t.setDaemon(true);
            t.start();
        }

        private void run(Socket from, Socket to, Direction d) {
            byte[] buf = new byte[8192];
            ByteArrayOutputStream pass = new ByteArrayOutputStream();
            try {
                // not try-with-resources: closing a socket's stream closes the socket, both ways
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    if (cut) {
                        // an answer to bytes sent before the cut has no connection to come back on
                        close();
                        return;
                    }
                    for (int i = 0; i < n; i++) {
                        Action a = watch.next(d, buf[i]);
                        if (a == Action.PASS) {
                            pass.write(buf[i]);
                            continue;
                        }
                        fired.incrementAndGet();
                        if (a == Action.REPLACE) {
                            pass.write(watch.replacement(buf[i]));
                            continue;
                        }
                        if (a == Action.CUT) {
                            cut = true;
                        }
                        if (a != Action.BYE) {
                            forward(pass, out, d);
                        }
                        // a BYE answers the command in the server's place: the server never sees it
                        act(a);
                        return;
                    }
                    forward(pass, out, d);
                }
                // end of stream: pass the half-close on, and end the link once both ways are done
                to.shutdownOutput();
                if (halfClosed.incrementAndGet() < 2) {
                    return;
                }
            } catch (IOException | InterruptedException e) {
                // the other side reset, or the proxy closed: the connection ends
            }
            close();
        }

        private void act(Action a) throws IOException, InterruptedException {
            if (a == Action.STALL) {
                // hold the connection open, forwarding nothing more this way, until it ends
                ended.await(MAX_STALL_MILLIS, TimeUnit.MILLISECONDS);
            } else if (a == Action.BYE) {
                client.getOutputStream().write(BYE);
                client.getOutputStream().flush();
            }
            close();
        }

        private void forward(ByteArrayOutputStream pass, OutputStream out, Direction d)
                throws IOException, InterruptedException {
            byte[] b = pass.toByteArray();
            pass.reset();
            if (d == Direction.TO_CLIENT) {
                toClient.addAndGet(b.length);
            }
            int chunk = fault.chunkBytes() > 0 ? fault.chunkBytes() : Math.max(1, b.length);
            for (int off = 0; off < b.length; off += chunk) {
                if (off > 0 && fault.chunkDelayMillis() > 0) {
                    Thread.sleep(fault.chunkDelayMillis());
                }
                out.write(b, off, Math.min(chunk, b.length - off));
                out.flush();
            }
        }

        void close() {
            ended.countDown();
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private static void closeQuietly(Socket s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
