package dev.imap4.client;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A proxy the connection is tunnelled through: SOCKS5 (RFC 1928, with RFC 1929 user/password when
 * credentials are given) or HTTP CONNECT (RFC 9110 §9.3.6, with Basic proxy authorization when
 * credentials are given). The server's name is passed to the proxy, which resolves it, and TLS
 * runs end to end through the tunnel: the certificate is checked against the server's name, never
 * the proxy's. Immutable; {@link #toString()} never shows the password.
 *
 * <pre>{@code
 * Imap4Options.defaults().withProxy(ImapProxy.socks5("proxy.example.com", 1080));
 * Imap4Options.defaults().withProxy(ImapProxy.http("proxy.example.com", 3128).withCredentials("u", "p"));
 * }</pre>
 */
public final class ImapProxy {

    /** The proxy protocol. */
    public enum Type {
        /** SOCKS version 5 (RFC 1928). */
        SOCKS5,
        /** An HTTP proxy's CONNECT method. */
        HTTP
    }

    private final Type type;
    private final String host;
    private final int port;
    private final String username;
    private final String password;

    private ImapProxy(Type type, String host, int port, String username, String password) {
        this.type = Objects.requireNonNull(type, "type");
        this.host = checkHost(host);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port must be 1-65535, was " + port);
        }
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /** A SOCKS5 proxy without authentication. */
    public static ImapProxy socks5(String host, int port) {
        return new ImapProxy(Type.SOCKS5, host, port, null, null);
    }

    /** An HTTP proxy (CONNECT) without authentication. */
    public static ImapProxy http(String host, int port) {
        return new ImapProxy(Type.HTTP, host, port, null, null);
    }

    /** A proxy of {@code type}. */
    public static ImapProxy of(Type type, String host, int port) {
        return new ImapProxy(type, host, port, null, null);
    }

    /**
     * The same proxy, authenticating as {@code username}: SOCKS5 user/password (each at most 255
     * UTF-8 bytes) or HTTP Basic. Neither may hold CR, LF or NUL.
     */
    public ImapProxy withCredentials(String username, String password) {
        checkCredential(Objects.requireNonNull(username, "username"), "username");
        checkCredential(Objects.requireNonNull(password, "password"), "password");
        if (type == Type.SOCKS5 && (utf8Length(username) > 255 || utf8Length(password) > 255)) {
            throw new IllegalArgumentException("SOCKS5 user name and password are at most 255 bytes each (RFC 1929)");
        }
        if (type == Type.HTTP && username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("an HTTP Basic user name cannot hold ':'");
        }
        return new ImapProxy(type, host, port, username, password);
    }

    public Type type() {
        return type;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The user name, or null without credentials. */
    public String username() {
        return username;
    }

    /** The password, or null without credentials. */
    public String password() {
        return password;
    }

    @Override
    public String toString() {
        return type + " proxy " + host + ":" + port + (username == null ? "" : " as " + username);
    }

    private static String checkHost(String host) {
        Objects.requireNonNull(host, "proxy host");
        if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("proxy host must be a name or address without spaces or controls");
        }
        return host;
    }

    private static void checkCredential(String value, String name) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("proxy " + name + " must not hold CR, LF or NUL");
        }
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
