package dev.imap4.client.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A one-connection TCP relay on 127.0.0.1 that keeps every byte the client sends, as it appears on
 * the wire: what a network observer would see, including what precedes a TLS handshake.
 *
 * <p>Not a transcript: it relays to a real server and only observes; the conversation is the real
 * server's.
 */
final class TappingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
    private final Thread acceptor;
    private volatile Socket client;
    private volatile Socket upstream;

    TappingProxy(String host, int port) throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        acceptor = new Thread(() -> relay(host, port), "tapping-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The client's bytes up to the first TLS record (a byte 0x16 at the start of a write). */
    synchronized String plaintextFromClient() {
        byte[] all = fromClient.toByteArray();
        int end = 0;
        while (end < all.length && all[end] != 0x16) {
            end++;
        }
        return new String(all, 0, end, StandardCharsets.ISO_8859_1);
    }

    private void relay(String host, int port) {
        try {
            client = listener.accept();
            upstream = new Socket(host, port);
            Thread down = new Thread(() -> pump(upstream, client, null), "tapping-proxy-down");
            down.setDaemon(true);
            down.start();
            pump(client, upstream, fromClient);
        } catch (IOException e) {
            // the test closed the proxy
        }
    }

    private void pump(Socket from, Socket to, ByteArrayOutputStream tap) {
        byte[] buf = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (tap != null) {
                    synchronized (this) {
                        tap.write(buf, 0, n);
                    }
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed; the other pump ends too
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception ignored) {
            // closing a relay that is already down
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        closeQuietly(client);
        closeQuietly(upstream);
    }
}
