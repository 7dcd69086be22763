package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.scripted.TestTls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.net.ssl.SSLHandshakeException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** trustCertificates: the component trusts a PEM file the way Python's cafile= does; checks stay on. */
@Timeout(30)
class Imap4TrustCertificatesTest {

    @TempDir
    Path dir;

    private Path pem(String store, String alias) throws Exception {
        byte[] der = TestTls.keyStore(store).getCertificate(alias).getEncoded();
        return Files.writeString(dir.resolve(alias + ".pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n");
    }

    private static Imap4Configuration config(int port, String trust) {
        Imap4Configuration config = new Imap4Configuration();
        config.setHost("localhost");
        config.setPort(port);
        config.setUsername("joe");
        config.setPassword("secret");
        config.setSaslMechanism(Imap4SaslMechanism.LOGIN);
        config.setReadTimeout(10_000);
        config.setTrustCertificates(trust);
        return config;
    }

    @Test
    void theServersPemCertificateIsEnoughToConnectOverVerifiedTls() throws Exception {
        Path cert = pem("server-localhost.p12", "localhost");
        for (String location : new String[] {cert.toString(), "file:" + cert}) {
            try (ScriptedServer server = ScriptedServer.builder().implicitTls(TestTls.localhostServer()).transcript("""
                    S: * OK [CAPABILITY IMAP4rev1] secure hello
                    C: {tag} LOGIN joe "secret"
                    S: {tag} OK [CAPABILITY IMAP4rev1] LOGIN completed
                    """).start();
                 DefaultCamelContext context = new DefaultCamelContext()) {
                ImapClient client = new Imap4ClientFactory().connect(config(server.port(), location), context);
                assertEquals("AUTH", client.state().name());
                client.shutdown();
                server.verify();
            }
        }
    }

    @Test
    void anotherCertificateIsStillRejected() throws Exception {
        Path cert = pem("server-wrong-host.p12", "wrong");
        try (ScriptedServer server = ScriptedServer.builder().implicitTls(TestTls.localhostServer())
                .transcript("!tls-rejected\n").start();
             DefaultCamelContext context = new DefaultCamelContext()) {
            Imap4AbortException e = assertThrows(Imap4AbortException.class,
                    () -> new Imap4ClientFactory().connect(config(server.port(), cert.toString()), context));
            assertInstanceOf(SSLHandshakeException.class, e.getCause(), e.toString());
            server.verify();
        }
    }

    @Test
    void aKeyStoreOrAMissingFileIsRefusedWithAClearMessage() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Imap4Exception e = assertThrows(Imap4Exception.class, () -> new Imap4ClientFactory()
                    .connect(config(1, TestTls.file("truststore.p12").toString()), context));
            assertTrue(e.getMessage().contains("holds no PEM certificate"), e.getMessage());
            Exception missing = assertThrows(Exception.class, () -> new Imap4ClientFactory()
                    .connect(config(1, dir.resolve("missing.pem").toString()), context));
            assertTrue(missing.getMessage().contains("cannot read trustCertificates"), missing.getMessage());
        }
    }

    @Test
    void trustCertificatesAndSslContextParametersTogetherAreRefused() throws Exception {
        Imap4Configuration config = config(1, pem("server-localhost.p12", "localhost").toString());
        config.setSslContextParameters(new SSLContextParameters());
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Imap4ClientFactory().connect(config, context));
            assertTrue(e.getMessage().contains("not both"), e.getMessage());
        }
    }
}
