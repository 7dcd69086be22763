package dev.imap4.bench.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where the benchmark server listens and whom to log in as, on loopback: plain IMAP on
 * {@code port}, implicit TLS on {@code tlsPort}; {@code cert} is the server's PEM certificate (the
 * throwaway server's self-signed one), trusted through a trust store for the TLS cases.
 */
record Server(String host, int port, int tlsPort, String user, String password, String cert) {

    static Server fromProperties() {
        return new Server(System.getProperty("imap.host", "127.0.0.1"),
                Integer.getInteger("imap.port", 20143),
                Integer.getInteger("imap.tlsPort", 20993),
                System.getProperty("imap.user", "user1"),
                System.getProperty("imap.password", "pass1"),
                System.getProperty("imap.cert", ""));
    }

    /** A TLS context trusting exactly the server's certificate; host names are checked by the callers. */
    SSLContext sslContext() {
        if (cert.isEmpty()) {
            throw new IllegalStateException("no server certificate: set -Dimap.cert=PEM_FILE");
        }
        try (InputStream in = Files.newInputStream(Path.of(cert))) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            ks.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust store from " + cert, e);
        }
    }
}
