package dev.imap4.client.live;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.Imap4Ssl;
import java.io.InputStream;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * IMAP4_SSL against GreenMail's IMAPS port. GreenMail serves the self-signed certificate kept in
 * its jar as {@code greenmail.p12} (store password {@code changeit}, alias {@code greenmail}):
 * {@code CN=GreenMail selfsigned Test Certificate, OU=GreenMail, O=Icegreen Technologies, C=US},
 * with no subject alternative names. Its CN is not a host name, so no name a client can connect
 * by matches it: trusting exactly that certificate gets past chain validation, and host-name
 * verification, which is never switched off, still rejects the connection.
 */
class GreenMailImapsTest {

    @RegisterExtension
    static final GreenMailExtension MAIL =
            new GreenMailExtension(ServerSetupTest.IMAPS.dynamicPort()).withPerMethodLifecycle(false);

    private static X509Certificate greenMailCertificate;
    private static SSLContext trustingGreenMail;

    @BeforeAll
    static void trustExactlyGreenMailsCertificate() throws Exception {
        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("greenmail.p12")) {
            serverKeys.load(in, "changeit".toCharArray());
        }
        greenMailCertificate = (X509Certificate) serverKeys.getCertificate("greenmail");
        trustingGreenMail = SSLContext.getInstance("TLS");
        trustingGreenMail.init(null, trustingOnlyGreenMail().getTrustManagers(), null);
    }

    /** PKIX trust in GreenMail's certificate and nothing else. */
    private static TrustManagerFactory trustingOnlyGreenMail() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("greenmail", greenMailCertificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        return tmf;
    }

    private static Imap4Options options() {
        return Imap4Options.defaults().withConnectTimeout(Duration.ofSeconds(10)).withReadTimeout(Duration.ofSeconds(10));
    }

    private static int port() {
        return MAIL.getImaps().getPort();
    }

    /** The root cause of a failed connect, checked to have gone through a TLS handshake failure. */
    private static Throwable handshakeFailure(Imap4AbortException e) {
        SSLHandshakeException handshake = assertInstanceOf(SSLHandshakeException.class, e.getCause());
        Throwable root = handshake;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    @Test
    void greenMailsCertificateIsSelfSignedWithoutSubjectAlternativeNames() throws Exception {
        assertEquals("CN=GreenMail selfsigned Test Certificate, OU=GreenMail, O=Icegreen Technologies, C=US",
                greenMailCertificate.getSubjectX500Principal().getName(X500Principal.RFC1779));
        assertEquals(greenMailCertificate.getSubjectX500Principal(), greenMailCertificate.getIssuerX500Principal());
        assertNull(greenMailCertificate.getSubjectAlternativeNames());
    }

    @Test
    void jvmDefaultTrustRejectsGreenMailsCertificate() {
        Imap4AbortException e = assertThrows(Imap4AbortException.class,
                () -> new Imap4Ssl("localhost", port(), options()));
        Throwable root = handshakeFailure(e);
        assertTrue(root.getMessage().contains("unable to find valid certification path"), root.toString());
    }

    @Test
    void trustStoreHoldingTheCertificateAcceptsItsChain() throws Exception {
        X509TrustManager tm = (X509TrustManager) trustingOnlyGreenMail().getTrustManagers()[0];
        assertDoesNotThrow(() -> tm.checkServerTrusted(new X509Certificate[] {greenMailCertificate}, "ECDHE_RSA"));
    }

    @Test
    void trustedCertificateStillFailsHostNameVerificationForLocalhost() {
        Imap4AbortException e = assertThrows(Imap4AbortException.class,
                () -> new Imap4Ssl("localhost", port(), options().withSslContext(trustingGreenMail)));
        // the JDK checks the name after the chain: this message means the chain was accepted
        Throwable root = handshakeFailure(e);
        assertInstanceOf(CertificateException.class, root);
        assertEquals("No name matching localhost found", root.getMessage());
    }

    @Test
    void trustedCertificateStillFailsHostNameVerificationForTheLoopbackAddress() {
        Imap4AbortException e = assertThrows(Imap4AbortException.class,
                () -> new Imap4Ssl("127.0.0.1", port(), options().withSslContext(trustingGreenMail)));
        Throwable root = handshakeFailure(e);
        assertInstanceOf(CertificateException.class, root);
        assertEquals("No subject alternative names present", root.getMessage());
    }
}
