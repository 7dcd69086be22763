package dev.imap4.client.scripted;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The committed test TLS material (see {@code src/test/resources/tls/README.md}) as JSSE objects. */
public final class TestTls {

    /** The password of every test PKCS12 store. */
    public static final char[] PASSWORD = "changeit".toCharArray();

    private TestTls() {
    }

    /** Server context presenting the {@code localhost} / {@code 127.0.0.1} certificate. */
    public static SSLContext localhostServer() {
        return context(keyStore("server-localhost.p12"), null);
    }

    /** Server context presenting the {@code wrong.example} certificate. */
    public static SSLContext wrongHostServer() {
        return context(keyStore("server-wrong-host.p12"), null);
    }

    /** Server context that presents the localhost certificate and trusts the test client certificate. */
    public static SSLContext localhostServerTrustingClient() {
        return context(keyStore("server-localhost.p12"), keyStore("client-truststore.p12"));
    }

    /** Client context trusting only the localhost server certificate. */
    public static SSLContext clientTrustingLocalhost() {
        return context(null, truststore());
    }

    /** Client context trusting only the {@code wrong.example} certificate. */
    public static SSLContext clientTrustingWrongHost() {
        try {
            KeyStore ks = keyStore("server-wrong-host.p12");
            Certificate cert = ks.getCertificate("wrong");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("wrong", cert);
            return context(null, trust);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The client's trust store: only the localhost server certificate. */
    public static KeyStore truststore() {
        return keyStore("truststore.p12");
    }

    /** A file of the TLS material, e.g. {@code client-key.pem}. */
    public static Path file(String name) {
        try {
            return Path.of(TestTls.class.getClassLoader().getResource("tls/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyStore keyStore(String name) {
        try (InputStream in = TestTls.class.getClassLoader().getResourceAsStream("tls/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test TLS file tls/" + name);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD);
            return ks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext context(KeyStore keys, KeyStore trust) {
        try {
            KeyManagerFactory kmf = null;
            if (keys != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, PASSWORD);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), trust == null ? null : tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
