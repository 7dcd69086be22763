package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.scripted.TestTls;
import dev.imap4.testing.PermissiveTrust.AcceptAll;
import dev.imap4.testing.PermissiveTrust.Permissive;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A TLS context whose trust manager accepts anything is refused before connecting, and the host
 * name is checked by the client itself after the handshake, even when the trust manager skips it.
 */
@Timeout(30)
class Imap4TrustTest {

    static SSLContext context(TrustManager tm) throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {tm}, null);
        return ctx;
    }

    /** Against a server that would otherwise be accepted: the refusal comes before connecting. */
    private static void refusedAgainstTheScriptedServer(TrustManager tm) throws Exception {
        SSLContext ctx = context(tm);
        try (ScriptedServer server = ScriptedServer.builder().implicitTls(TestTls.localhostServer()).transcript("""
                S: * OK [CAPABILITY IMAP4rev1] would be accepted
                C: {tag} LOGOUT
                S: * BYE
                S: {tag} OK bye
                """).start()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Imap4Ssl("localhost", server.port(), Scripted.OPTIONS.withSslContext(ctx)).logout());
            assertTrue(e.getMessage().contains("withSslContext"), e.getMessage());
        }
    }

    @Test
    void anAcceptAllTrustManagerIsRefused() throws Exception {
        refusedAgainstTheScriptedServer(new AcceptAll());
    }

    @Test
    void anExtendedTrustManagerThatChecksNothingIsRefused() throws Exception {
        refusedAgainstTheScriptedServer(new Permissive(null));
    }

    @Test
    void aProperTrustStoreStillConnects() throws Exception {
        try (ScriptedServer server = ScriptedServer.builder().implicitTls(TestTls.localhostServer()).transcript("""
                S: * OK [CAPABILITY IMAP4rev1] ready
                C: {tag} LOGOUT
                S: * BYE
                S: {tag} OK bye
                """).start()) {
            Imap4Ssl m = new Imap4Ssl("localhost", server.port(), Scripted.OPTIONS.withSslContext(
                    TestTls.clientTrustingLocalhost()));
            assertTrue(m.sslSession().getPeerCertificates().length > 0);
            m.logout();
            server.verify();
        }
    }

    /** A manager that trusts exactly the server's certificate passes the probe but skips the host name: we do not. */
    @Test
    void aCertificateForAnotherHostIsRefusedEvenWhenTheTrustManagerSkipsHostNames() throws Exception {
        X509Certificate wrong = (X509Certificate) TestTls.keyStore("server-wrong-host.p12").getCertificate("wrong");
        SSLContext ctx = context(new Permissive(wrong));
        Imap4Options options = Scripted.OPTIONS.withSslContext(ctx); // passes the probe: it trusts one certificate
        try (ScriptedServer server = ScriptedServer.builder().implicitTls(TestTls.wrongHostServer())
                .transcript("# the client hangs up right after the handshake\n").start()) {
            Imap4AbortException e = assertThrows(Imap4AbortException.class,
                    () -> new Imap4Ssl("localhost", server.port(), options));
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertInstanceOf(SSLPeerUnverifiedException.class, root, root.toString());
            assertTrue(root.getMessage().contains("localhost") && root.getMessage().contains("DNS:wrong.example"),
                    root.getMessage());
        }
    }
}
