package dev.imap4.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A SOCKS5 or HTTP CONNECT proxy on 127.0.0.1 (port 0), for the client's proxy support. As a relay
 * it checks the credentials it was given, records the target each tunnel asks for ({@link #targets()})
 * and connects every tunnel to 127.0.0.1:{@code targetPort} whatever name was asked for, so a test can
 * name a server that does not resolve and prove the client left resolving to the proxy. It sends its
 * answer and the server's first bytes (the greeting) in one write, so a client that reads past the
 * proxy's answer would lose the greeting. As a hostile proxy it answers anything with fixed bytes,
 * or trickles a byte at a time, and never relays.
 *
 * <p>Not a transcript: the proxy handshake is binary (SOCKS5) and the tunnel relays to another
 * server. Every thread is a daemon; {@link #close()} ends everything.
 */
public final class TunnelProxy implements AutoCloseable {

    /** The proxy protocol spoken. */
    public enum Kind { SOCKS5, HTTP }

    private final ServerSocket server;
    private final Kind kind;
    private final int targetPort;
    private final String user;
    private final String password;
    private final byte[] answer;
    private final long trickleMillis;
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private TunnelProxy(Kind kind, int targetPort, String user, String password, byte[] answer, long trickleMillis)
            throws IOException {
        this.kind = kind;
        this.targetPort = targetPort;
        this.user = user;
        this.password = password;
        this.answer = answer;
        this.trickleMillis = trickleMillis;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "tunnel-proxy");
        t.setDaemon(true);
        t.start();
    }

    /** A proxy relaying every tunnel to 127.0.0.1:{@code targetPort}, with no authentication. */
    public static TunnelProxy relay(Kind kind, int targetPort) throws IOException {
        return new TunnelProxy(kind, targetPort, null, null, null, 0);
    }

    /** A relay that demands {@code user} and {@code password}. */
    public static TunnelProxy relay(Kind kind, int targetPort, String user, String password) throws IOException {
        return new TunnelProxy(kind, targetPort, user, password, null, 0);
    }

    /** A proxy that answers the client's first bytes with {@code answer} and then holds the connection open. */
    public static TunnelProxy answering(byte[] answer) throws IOException {
        return new TunnelProxy(null, 0, null, null, answer, 0);
    }

    /** A proxy that answers with {@code answer} repeated forever, one byte every {@code millis}. */
    public static TunnelProxy trickling(byte[] answer, long millis) throws IOException {
        return new TunnelProxy(null, 0, null, null, answer, millis);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The targets asked for, as host:port (HTTP: the CONNECT authority as sent). */
    public List<String> targets() {
        return targets;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread t = new Thread(() -> serve(client), "tunnel-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            if (answer != null) {
                in.read();
                do {
                    for (byte b : answer) {
                        out.write(b);
                        out.flush();
                        if (trickleMillis > 0) {
                            Thread.sleep(trickleMillis);
                        }
                    }
                } while (trickleMillis > 0);
                in.transferTo(OutputStream.nullOutputStream());
                return;
            }
            if (kind == Kind.SOCKS5) {
                socks5(client, new DataInputStream(in), out);
            } else {
                http(client, in, out);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the test closed the proxy
        }
    }

    private void socks5(Socket client, DataInputStream in, OutputStream out) throws IOException {
        if (in.readUnsignedByte() != 5) {
            return;
        }
        byte[] methods = in.readNBytes(in.readUnsignedByte());
        int wanted = user == null ? 0 : 2;
        boolean offered = false;
        for (byte m : methods) {
            offered |= m == wanted;
        }
        if (!offered) {
            out.write(new byte[] {5, (byte) 0xff});
            return;
        }
        out.write(new byte[] {5, (byte) wanted});
        if (wanted == 2) {
            in.readUnsignedByte();
            String u = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
            String p = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
            boolean ok = u.equals(user) && p.equals(password);
            out.write(new byte[] {1, (byte) (ok ? 0 : 1)});
            if (!ok) {
                return;
            }
        }
        in.readNBytes(3);
        int type = in.readUnsignedByte();
        String host = switch (type) {
            case 1 -> InetAddress.getByAddress(in.readNBytes(4)).getHostAddress();
            case 4 -> InetAddress.getByAddress(in.readNBytes(16)).getHostAddress();
            default -> new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII);
        };
        int port = in.readUnsignedShort();
        targets.add(host + ":" + port);
        tunnel(client, out, new byte[] {5, 0, 0, 1, 127, 0, 0, 1, 0, 0});
    }

    private void http(Socket client, InputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] request = lines[0].split(" ");
        if (user != null) {
            String expected = "Proxy-Authorization: Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            if (!List.of(lines).contains(expected)) {
                out.write("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"proxy\"\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
        }
        targets.add(request[1]);
        tunnel(client, out, "HTTP/1.1 200 Connection established\r\nVia: 1.1 proxy\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Connects to the target, sends {@code reply} and the target's first bytes in one write, then relays. */
    private void tunnel(Socket client, OutputStream out, byte[] reply) throws IOException {
        try (Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            sockets.add(target);
            InputStream fromTarget = target.getInputStream();
            byte[] first = new byte[4096];
            int n;
            target.setSoTimeout(500);
            try {
                n = fromTarget.read(first); // a greeting, when the server speaks first (not TLS)
            } catch (java.net.SocketTimeoutException e) {
                n = 0;
            }
            target.setSoTimeout(0);
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.writeBytes(reply);
            if (n > 0) {
                both.write(first, 0, n);
            }
            out.write(both.toByteArray());
            out.flush();
            Thread up = new Thread(() -> {
                try {
                    client.getInputStream().transferTo(target.getOutputStream());
                    target.shutdownOutput();
                } catch (IOException e) {
                    // either side closed
                }
            }, "tunnel-proxy-up");
            up.setDaemon(true);
            up.start();
            fromTarget.transferTo(out);
            client.shutdownOutput();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
