package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.scripted.TestTls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** withTrustedCertificates: a PEM file is the trust store (cafile=, --cacert); every check stays. */
@Timeout(30)
class Imap4SslPemTrustTest {

    private static final String LOGIN = """
            S: * OK [CAPABILITY IMAP4rev1] secure hello
            C: {tag} LOGIN joe "secret"
            S: {tag} OK LOGIN completed
            """;

    @TempDir
    Path dir;

    /** The test certificates as PEM, in the order given. */
    static String pem(String... aliases) throws Exception {
        StringBuilder b = new StringBuilder();
        for (String alias : aliases) {
            String store = alias.equals("wrong") ? "server-wrong-host.p12" : "server-localhost.p12";
            Certificate c = TestTls.keyStore(store).getCertificate(alias);
            b.append("subject: ").append(alias).append('\n') // text around the blocks, as openssl writes it
                    .append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return b.toString();
    }

    private Path file(String content) throws Exception {
        return Files.writeString(dir.resolve("trusted.pem"), content);
    }

    private static ScriptedServer tls(SSLContext server, String transcript) {
        return ScriptedServer.builder().implicitTls(server).transcript(transcript).start();
    }

    @Test
    void theServersOwnCertificateAsPemIsTrusted() throws Exception {
        Imap4Options options = Scripted.OPTIONS.withTrustedCertificates(file(pem("localhost")));
        try (ScriptedServer server = tls(TestTls.localhostServer(), LOGIN)) {
            Imap4Ssl m = new Imap4Ssl("localhost", server.port(), options);
            m.login("joe", "secret");
            assertEquals("AUTH", m.state());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void oneOfSeveralCertificatesInTheFileIsEnough() throws Exception {
        Imap4Options options = Scripted.OPTIONS.withTrustedCertificates(file(pem("wrong", "localhost")));
        try (ScriptedServer server = tls(TestTls.localhostServer(), LOGIN)) {
            Imap4Ssl m = new Imap4Ssl("127.0.0.1", server.port(), options);
            m.login("joe", "secret");
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void aCertificateNotInTheFileIsRejected() throws Exception {
        Imap4Options options = Scripted.OPTIONS.withTrustedCertificates(file(pem("wrong")));
        try (ScriptedServer server = tls(TestTls.localhostServer(), "!tls-rejected\n")) {
            Imap4AbortException e = assertThrows(Imap4AbortException.class,
                    () -> new Imap4Ssl("localhost", server.port(), options));
            assertInstanceOf(SSLHandshakeException.class, e.getCause(), e.toString());
            assertTrue(e.getMessage().contains(": the server's certificate is not trusted (PKIX path building"),
                    e.getMessage());
            server.verify();
        }
    }

    @Test
    void theHostNameIsStillChecked() throws Exception {
        // the file trusts the wrong.example certificate, which the server presents: chain fine, name not
        Imap4Options options = Scripted.OPTIONS.withTrustedCertificates(file(pem("wrong")));
        try (ScriptedServer server = tls(TestTls.wrongHostServer(), "!tls-rejected\n")) {
            Imap4AbortException e = assertThrows(Imap4AbortException.class,
                    () -> new Imap4Ssl("localhost", server.port(), options));
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertInstanceOf(CertificateException.class, root, root.toString());
            assertTrue(root.getMessage().contains("localhost"), root.getMessage());
            assertTrue(e.getMessage().contains(": the server's certificate is not for localhost ("), e.getMessage());
            server.verify();
        }
    }

    @Test
    void aFileWithoutACertificateIsRefusedWithAClearMessage() {
        Imap4Exception e = assertThrows(Imap4Exception.class,
                () -> Imap4Options.defaults().withTrustedCertificates(TestTls.file("client-key.pem")));
        assertTrue(e.getMessage().contains("holds no PEM certificate"), e.getMessage());
        e = assertThrows(Imap4Exception.class,
                () -> Imap4Options.defaults().withTrustedCertificates(TestTls.file("truststore.p12")));
        assertTrue(e.getMessage().contains("truststore.p12 holds no PEM certificate"), e.getMessage());
    }

    @Test
    void aMissingFileIsRefusedWithAClearMessage() {
        Path missing = dir.resolve("nowhere.pem");
        Imap4Exception e = assertThrows(Imap4Exception.class,
                () -> Imap4Options.defaults().withTrustedCertificates(missing));
        assertTrue(e.getMessage().startsWith("cannot read the trusted certificates file " + missing), e.getMessage());
    }

    @Test
    void aDamagedCertificateIsRefused() {
        byte[] pem = "-----BEGIN CERTIFICATE-----\nTUlJQg==\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII);
        Imap4Exception e = assertThrows(Imap4Exception.class,
                () -> Imap4Options.defaults().withTrustedCertificates(pem, "damaged.pem"));
        assertTrue(e.getMessage().contains("damaged.pem"), e.getMessage());
    }
}
