package dev.imap4.client;

import dev.imap4.client.internal.transport.PemKeyMaterial;
import dev.imap4.client.internal.transport.SocketTransport;
import dev.imap4.client.Transport;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLSocket;

/**
 * imaplib's {@code IMAP4_SSL}: IMAP over implicit TLS, port 993 by default. Unlike imaplib, the
 * certificate chain and the host name are always verified: trust a private CA or a self-signed
 * server by passing an {@link javax.net.ssl.SSLContext} built on a trust store that holds it.
 */
public class Imap4Ssl extends Imap4 {

    /** The standard IMAP4-over-SSL port. */
    public static final int IMAP4_SSL_PORT = 993;

    public Imap4Ssl() {
        this("", IMAP4_SSL_PORT);
    }

    public Imap4Ssl(String host) {
        this(host, IMAP4_SSL_PORT);
    }

    public Imap4Ssl(String host, int port) {
        this(host, port, Imap4Options.defaults());
    }

    /** With the options' TLS context (the JVM default when unset). */
    public Imap4Ssl(String host, int port, Imap4Options options) {
        super(options);
        connect(host, port);
    }

    /**
     * imaplib's {@code keyfile}/{@code certfile}: a PEM private key (PKCS#8) and a PEM certificate
     * chain presented as the client certificate; the server is verified against the JVM's trust store.
     */
    public Imap4Ssl(String host, int port, Path keyfile, Path certfile) {
        this(host, port, keyfile, certfile, null, Imap4Options.defaults());
    }

    /**
     * Client certificate from PEM files, server verified against {@code trustStore} (the JVM's
     * default when null). As in imaplib, key and certificate files exclude an explicit context.
     */
    public Imap4Ssl(String host, int port, Path keyfile, Path certfile, KeyStore trustStore, Imap4Options options) {
        super(options.withSslContext(PemKeyMaterial.sslContext(keyfile, certfile, trustStore)));
        connect(host, port);
    }

    @Override
    protected Transport openTransport(String host, int port) throws IOException {
        return SocketTransport.connectTls(host, port, options);
    }

    /** imaplib's {@code ssl()}: the TLS socket (its session has the peer certificates). */
    public SSLSocket ssl() {
        return (SSLSocket) socket();
    }
}
