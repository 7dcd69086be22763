package dev.imap4.client.internal.transport;

import dev.imap4.client.ImapProxy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Opens a tunnel to the server through a proxy, on a socket already connected to the proxy: SOCKS5
 * (RFC 1928 CONNECT, RFC 1929 user/password) or HTTP CONNECT. The server's name goes to the proxy
 * unresolved. Everything the proxy sends is bounded: the whole exchange by the connect timeout
 * (however slowly the proxy trickles), an HTTP answer by {@link #MAX_HTTP_HEAD} bytes, and nothing
 * past the proxy's own answer is read, so the server's greeting stays on the socket.
 */
final class ProxyTunnel {

    /** The most bytes of an HTTP proxy's answer head (status line and headers) read. */
    static final int MAX_HTTP_HEAD = 16 * 1024;

    private static final String[] SOCKS_REPLIES = {
        "succeeded", "general SOCKS server failure", "connection not allowed by ruleset", "network unreachable",
        "host unreachable", "connection refused", "TTL expired", "command not supported", "address type not supported"
    };

    private final Socket socket;
    private final ImapProxy proxy;
    private final long deadlineNanos;
    private final InputStream in;
    private final OutputStream out;

    private ProxyTunnel(Socket socket, ImapProxy proxy, Duration timeout) throws IOException {
        this.socket = socket;
        this.proxy = proxy;
        this.deadlineNanos = timeout.isZero() ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Asks the proxy {@code socket} is connected to for a tunnel to {@code host}:{@code port}, within
     * {@code timeout} (zero: no limit). Returns with the tunnel open; the socket's read timeout is
     * left for the caller to set.
     */
    static void open(Socket socket, ImapProxy proxy, String host, int port, Duration timeout) throws IOException {
        ProxyTunnel t = new ProxyTunnel(socket, proxy, timeout);
        if (host.isEmpty() || !host.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw t.fail("cannot be sent the server name " + printable(host) + ": only printable ASCII");
        }
        if (proxy.type() == ImapProxy.Type.SOCKS5) {
            t.socks5(host, port);
        } else {
            t.httpConnect(host, port);
        }
    }

    private void socks5(String host, int port) throws IOException {
        boolean credentials = proxy.username() != null;
        out.write(credentials ? new byte[] {5, 2, 0, 2} : new byte[] {5, 1, 0});
        out.flush();
        byte[] choice = read(2);
        if (choice[0] != 5) {
            throw fail("is not a SOCKS5 proxy (version " + (choice[0] & 0xff) + ")");
        }
        int method = choice[1] & 0xff;
        if (method == 2 && credentials) {
            ByteArrayOutputStream auth = new ByteArrayOutputStream();
            auth.write(1);
            lengthPrefixed(auth, proxy.username().getBytes(StandardCharsets.UTF_8));
            lengthPrefixed(auth, proxy.password().getBytes(StandardCharsets.UTF_8));
            out.write(auth.toByteArray());
            out.flush();
            byte[] status = read(2);
            if (status[1] != 0) {
                throw fail("refused the user name or password");
            }
        } else if (method == 0xff) {
            throw fail(credentials ? "accepts none of the offered authentication methods"
                    : "requires authentication; give the proxy's user name and password");
        } else if (method != 0) {
            throw fail("chose authentication method " + method + ", which was not offered");
        }
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(new byte[] {5, 1, 0});
        byte[] address = ipLiteral(host);
        if (address != null) {
            request.write(address.length == 4 ? 1 : 4);
            request.write(address);
        } else {
            byte[] name = host.getBytes(StandardCharsets.US_ASCII);
            if (name.length > 255) {
                throw fail("cannot be sent a server name over 255 bytes");
            }
            request.write(3);
            lengthPrefixed(request, name);
        }
        request.write(port >> 8);
        request.write(port & 0xff);
        out.write(request.toByteArray());
        out.flush();
        byte[] reply = read(4);
        if (reply[0] != 5) {
            throw fail("answered CONNECT with version " + (reply[0] & 0xff));
        }
        int code = reply[1] & 0xff;
        if (code != 0) {
            String meaning = code < SOCKS_REPLIES.length ? SOCKS_REPLIES[code] : "unknown reply";
            throw fail("could not reach " + host + ":" + port + ": " + meaning + " (" + code + ")");
        }
        int bound = switch (reply[3]) {
            case 1 -> 4;
            case 4 -> 16;
            case 3 -> read(1)[0] & 0xff;
            default -> throw fail("answered with address type " + (reply[3] & 0xff));
        };
        read(bound + 2); // the proxy's bound address and port: not needed
    }

    private void httpConnect(String host, int port) throws IOException {
        String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        StringBuilder request = new StringBuilder()
                .append("CONNECT ").append(authority).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority).append("\r\n");
        if (proxy.username() != null) {
            String pair = proxy.username() + ":" + proxy.password();
            request.append("Proxy-Authorization: Basic ")
                    .append(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = httpHead();
        int eol = head.indexOf('\n');
        String status = (eol < 0 ? head : head.substring(0, eol)).strip();
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || parts[1].length() != 3) {
            throw fail("answered CONNECT with something other than HTTP: " + printable(status));
        }
        if (parts[1].charAt(0) == '2') {
            return;
        }
        if (parts[1].equals("407")) {
            throw fail(proxy.username() == null ? "requires authentication; give the proxy's user name and password"
                    : "refused the user name or password (407)");
        }
        throw fail("refused CONNECT to " + authority + ": " + printable(status));
    }

    /** The answer up to its empty line (CRLF CRLF, or bare LFs), one byte at a time so nothing after it is taken. */
    private String httpHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(256);
        int newlines = 0;
        while (newlines < 2) {
            int b = read(1)[0] & 0xff;
            if (head.size() >= MAX_HTTP_HEAD) {
                throw fail("sent an answer head over " + MAX_HTTP_HEAD + " bytes");
            }
            head.write(b);
            if (b == '\n') {
                newlines++;
            } else if (b != '\r') {
                newlines = 0;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private byte[] read(int n) throws IOException {
        byte[] b = new byte[n];
        for (int off = 0; off < n; ) {
            long left = deadlineNanos == Long.MAX_VALUE ? 0 : deadlineNanos - System.nanoTime();
            if (deadlineNanos != Long.MAX_VALUE && left <= 0) {
                throw timeout();
            }
            socket.setSoTimeout(left == 0 ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
            int r;
            try {
                r = in.read(b, off, n - off);
            } catch (SocketTimeoutException e) {
                throw timeout();
            }
            if (r < 0) {
                throw fail("closed the connection during the handshake");
            }
            off += r;
        }
        return b;
    }

    private static void lengthPrefixed(ByteArrayOutputStream out, byte[] value) {
        out.write(value.length);
        out.writeBytes(value);
    }

    /** The address when {@code host} is an IPv4 or IPv6 literal (no lookup happens then), else null. */
    private static byte[] ipLiteral(String host) throws IOException {
        boolean v4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = host.indexOf(':') >= 0 && host.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return null;
        }
        return InetAddress.getByName(host).getAddress();
    }

    private IOException timeout() {
        return fail("did not open the tunnel within the connect timeout");
    }

    private IOException fail(String what) {
        return new IOException(proxy.type() + " proxy " + proxy.host() + ":" + proxy.port() + " " + what);
    }

    private static String printable(String s) {
        String cut = s.length() > 200 ? s.substring(0, 200) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
