package dev.imap4.client.interop;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.camel.Imap4Component;
import dev.imap4.camel.Imap4Constants;
import dev.imap4.camel.Imap4Security;
import dev.imap4.client.scripted.TestTls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The steps of docs/getting-started.md for your own server: the component trusts the PEM
 * certificate the server's script wrote, over STARTTLS and over implicit TLS, with the host name
 * checked; a PEM holding another certificate fails the handshake.
 */
class TrustCertificatesIT {

    @TempDir
    Path dir;

    static Stream<ImapServer> tlsServers() {
        return Stream.of(Servers.dovecot(), Servers.cyrus());
    }

    /** Component options as getting-started sets them: trust-certificates, security, username, password. */
    private static DefaultCamelContext context(ImapServer server, String pem, Imap4Security security) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        Imap4Component imap4 = new Imap4Component();
        imap4.getConfiguration().setTrustCertificates(pem);
        imap4.getConfiguration().setSecurity(security);
        imap4.getConfiguration().setUsername(server.user());
        imap4.getConfiguration().setPassword(server.password());
        imap4.getConfiguration().setReadTimeout(30_000);
        context.addComponent("imap4", imap4);
        context.start();
        return context;
    }

    @SuppressWarnings("unchecked")
    private static List<Long> searchAll(DefaultCamelContext context, int port) {
        ProducerTemplate t = context.createProducerTemplate();
        return t.requestBodyAndHeaders("imap4:localhost:" + port, null,
                Map.of(Imap4Constants.COMMAND, "UID SEARCH", Imap4Constants.ARGUMENTS, "ALL",
                        Imap4Constants.FOLDER, "INBOX"), List.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tlsServers")
    void theServersPemFileIsTrustedOverStartTlsAndImplicitTls(ImapServer server) throws Exception {
        server.require();
        String pem = server.prop("cert");
        try (DefaultCamelContext context = context(server, pem, Imap4Security.STARTTLS)) {
            assertInstanceOf(List.class, searchAll(context, server.port()));
        }
        try (DefaultCamelContext context = context(server, pem, Imap4Security.SSL)) {
            assertInstanceOf(List.class, searchAll(context, server.tlsPort()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tlsServers")
    void aPemFileWithAnotherCertificateFailsTheHandshake(ImapServer server) throws Exception {
        server.require();
        byte[] other = TestTls.keyStore("server-wrong-host.p12").getCertificate("wrong").getEncoded();
        Path pem = Files.writeString(dir.resolve("other.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(other)
                + "\n-----END CERTIFICATE-----\n");
        for (Imap4Security security : new Imap4Security[] {Imap4Security.STARTTLS, Imap4Security.SSL}) {
            int port = security == Imap4Security.SSL ? server.tlsPort() : server.port();
            try (DefaultCamelContext context = context(server, pem.toString(), security)) {
                CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> searchAll(context, port));
                Throwable t = e;
                while (t != null && !(t instanceof SSLHandshakeException)) {
                    t = t.getCause();
                }
                assertInstanceOf(SSLHandshakeException.class, t, security + ": " + e.getCause());
                assertTrue(t.getMessage().contains("PKIX path"), t.getMessage());
            }
        }
    }
}
