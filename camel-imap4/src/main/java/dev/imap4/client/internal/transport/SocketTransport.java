package dev.imap4.client.internal.transport;

import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapProxy;
import dev.imap4.client.Transport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A TCP connection, plain or TLS. TLS always verifies the certificate chain against the configured
 * (or the JVM's default) trust store and the host name against the certificate; there is no switch
 * to turn either off. The host name is checked twice: by JSSE (endpoint identification) and, after
 * the handshake, by {@link ServerIdentity}, since a caller's trust manager may skip the former. Sockets use TCP_NODELAY: IMAP is a request/response protocol of small lines.
 * With a proxy ({@code Imap4Options.withProxy}) the socket goes to the proxy and {@link ProxyTunnel}
 * opens the tunnel before anything else; TLS and its checks then run end to end with the server.
 */
public final class SocketTransport implements Transport {

    private final Socket socket;
    private final Socket tcp;
    private final int port;
    private final InputStream input;
    private final OutputStream output;

    private SocketTransport(Socket socket, Socket tcp, int port) throws IOException {
        this.socket = socket;
        this.tcp = tcp;
        this.port = port;
        this.input = socket.getInputStream();
        this.output = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    /** A plain TCP connection. */
    public static SocketTransport connect(String host, int port, Imap4Options options) throws IOException {
        Socket s = plainSocket(host, port, options);
        return new SocketTransport(s, s, port);
    }

    /** An implicit-TLS connection (IMAP4_SSL, port 993), handshake done and verified. */
    public static SocketTransport connectTls(String host, int port, Imap4Options options) throws IOException {
        Socket plain = plainSocket(host, port, options);
        try {
            return new SocketTransport(handshake(plain, host, port, options), plain, port);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /** Layers TLS over this connection's socket (STARTTLS); the caller drops its plain buffers. */
    public SocketTransport startTls(String host, Imap4Options options) throws IOException {
        output.flush();
        return new SocketTransport(handshake(socket, host, port, options), tcp, port);
    }

    private static Socket plainSocket(String host, int port, Imap4Options options) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            ImapProxy proxy = options.proxy();
            if (proxy == null) {
                s.connect(new InetSocketAddress(hostOrLocalhost(host), port), millis(options.connectTimeout()));
            } else {
                s.connect(new InetSocketAddress(proxy.host(), proxy.port()), millis(options.connectTimeout()));
                ProxyTunnel.open(s, proxy, hostOrLocalhost(host), port, options.connectTimeout());
            }
            s.setSoTimeout(millis(options.readTimeout()));
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private static SSLSocket handshake(Socket plain, String host, int port, Imap4Options options) throws IOException {
        SSLContext ctx = options.sslContext();
        if (ctx == null) {
            try {
                ctx = SSLContext.getDefault();
            } catch (NoSuchAlgorithmException e) {
                throw new IOException("no default TLS context", e);
            }
        }
        String h = hostOrLocalhost(host);
        // JSSE reads the socket below record by record, header then body: give it a buffer to read from
        SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(new BufferedSocket(plain), h, port, true);
        SSLParameters params = tls.getSSLParameters();
        // RFC 9110-style name check (RFC 2595 §2.4 asks clients to check the server identity)
        params.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(params);
        tls.setSoTimeout(plain.getSoTimeout());
        int saved = plain.getSoTimeout();
        int handshakeTimeout = millis(options.connectTimeout());
        if (handshakeTimeout > 0) {
            tls.setSoTimeout(handshakeTimeout);
        }
        tls.startHandshake();
        // our own check too, whatever trust manager the context has (one may skip the host name)
        try {
            ServerIdentity.verify(h, (X509Certificate) tls.getSession().getPeerCertificates()[0]);
        } catch (IOException | RuntimeException e) {
            tls.close();
            throw e;
        }
        tls.setSoTimeout(saved);
        return tls;
    }

    static String hostOrLocalhost(String host) {
        return host == null || host.isEmpty() ? "localhost" : host;
    }

    private static int millis(Duration d) {
        long ms = d.toMillis();
        return ms > Integer.MAX_VALUE ? 0 : (int) ms;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public Socket socket() {
        return socket;
    }

    @Override
    public SSLSession sslSession() {
        return socket instanceof SSLSocket s ? s.getSession() : null;
    }

    @Override
    public void readTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout(millis(timeout));
    }

    /**
     * Closes the TCP socket itself, under any TLS layer: a blocked read or write fails at once, and
     * no TLS close_notify is written to a peer that may not be reading.
     */
    @Override
    public void unblock() {
        try {
            tcp.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a broken socket; nothing left to do
        }
    }
}
