package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.scripted.TestTls;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** IMAP4_SSL: the chain and the host name are always verified; client certificates from PEM files. */
@Timeout(30)
class Imap4SslTest {

    private static ScriptedServer tlsServer(SSLContext serverContext, String transcript) {
        return ScriptedServer.builder().implicitTls(serverContext).transcript(transcript).start();
    }

    @Test
    void aSelfSignedServerIsRejectedWithTheDefaultTrust() {
        try (ScriptedServer server = tlsServer(TestTls.localhostServer(), "!tls-rejected\n")) {
            Imap4AbortException e = assertThrows(Imap4AbortException.class,
                    () -> new Imap4Ssl("localhost", server.port(), Scripted.OPTIONS));
            assertInstanceOf(SSLHandshakeException.class, e.getCause(), e.toString());
            server.verify();
        }
    }

    @Test
    void aServerTrustedThroughTheSslContextIsAccepted() throws Exception {
        try (ScriptedServer server = tlsServer(TestTls.localhostServer(), """
                S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN STARTTLS] secure hello
                C: {tag} LOGIN joe "secret"
                S: {tag} OK LOGIN completed
                """)) {
            Imap4Ssl m = new Imap4Ssl("localhost", server.port(), Scripted.OPTIONS.withSslContext(TestTls.clientTrustingLocalhost()));
            assertEquals("NONAUTH", m.state());
            SSLSocket s = m.ssl();
            assertTrue(s.getSession().isValid());
            X509Certificate peer = (X509Certificate) s.getSession().getPeerCertificates()[0];
            assertTrue(peer.getSubjectX500Principal().getName().contains("CN=localhost"), peer.getSubjectX500Principal().getName());
            Imap4Exception e = assertThrows(Imap4Exception.class, m::starttls);
            assertEquals("TLS session already established", e.getMessage());
            m.login("joe", "secret");
            m.shutdown();
            server.verify();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1"})
    void aTrustedCertificateForAnotherHostIsRejected(String host) {
        try (ScriptedServer server = tlsServer(TestTls.wrongHostServer(), "!tls-rejected\n")) {
            Imap4AbortException e = assertThrows(Imap4AbortException.class,
                    () -> new Imap4Ssl(host, server.port(), Scripted.OPTIONS.withSslContext(TestTls.clientTrustingWrongHost())));
            assertInstanceOf(SSLHandshakeException.class, e.getCause(), e.toString());
            Throwable root = e.getCause();
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertInstanceOf(CertificateException.class, root, root.toString());
            assertTrue(root.getMessage().contains(host), root.getMessage());
            server.verify();
        }
    }

    @Test
    void theClientCertificateFromPemFilesIsPresented() {
        try (ScriptedServer server = ScriptedServer.builder().implicitTls(TestTls.localhostServerTrustingClient())
                .needClientAuth().transcript("""
                        S: * PREAUTH [CAPABILITY IMAP4rev1] certificate accepted
                        C: {tag} LOGOUT
                        S: * BYE bye
                        S: {tag} OK LOGOUT completed
                        """).start()) {
            Imap4Ssl m = new Imap4Ssl("localhost", server.port(), TestTls.file("client-key.pem"), TestTls.file("client-cert.pem"),
                    TestTls.truststore(), Scripted.OPTIONS);
            assertEquals("AUTH", m.state());
            assertEquals("BYE", m.logout().type());
            server.verify();
            assertNotNull(server.clientCertificates());
            X509Certificate presented = (X509Certificate) server.clientCertificates().get(0);
            assertTrue(presented.getSubjectX500Principal().getName().contains("CN=imap4-test-client"),
                    presented.getSubjectX500Principal().getName());
        }
    }

    @Test
    void withoutAClientCertificateTheServerRefusesTheHandshake() {
        try (ScriptedServer server = ScriptedServer.builder().implicitTls(TestTls.localhostServerTrustingClient())
                .needClientAuth().transcript("!tls-rejected\n").start()) {
            assertThrows(Imap4AbortException.class,
                    () -> new Imap4Ssl("localhost", server.port(), Scripted.OPTIONS.withSslContext(TestTls.clientTrustingLocalhost())));
            server.verify();
            assertNotNull(server.tlsRejection());
            assertEquals(0, server.clientCertificates().size());
        }
    }
}
