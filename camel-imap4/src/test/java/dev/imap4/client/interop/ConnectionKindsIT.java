package dev.imap4.client.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.Imap4Ssl;
import dev.imap4.client.Imap4Stream;
import dev.imap4.client.ImapClient;
import dev.imap4.client.ImapData;
import dev.imap4.client.ImapResult;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The three connection kinds of imaplib: IMAP4 (+STARTTLS), IMAP4_SSL and IMAP4_stream. */
class ConnectionKindsIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void plainConnectionUpgradedByStarttls(ImapServer server) {
        Imap4 m = server.require().connect();
        try {
            assertNull(m.sslSession(), "plain until STARTTLS");
            assertTrue(m.capabilities().contains("STARTTLS"), m.capabilities().toString());
            ImapResult r = m.starttls();
            assertEquals("OK", r.type());
            assertNotNull(m.sslSession());
            assertTrue(m.sslSession().getProtocol().startsWith("TLSv1."), m.sslSession().getProtocol());
            assertFalse(m.capabilities().contains("STARTTLS"),
                    "capabilities are asked again over TLS: " + m.capabilities());
            m.login(server.user(), server.password());
            assertEquals("AUTH", m.state());
        } finally {
            Fixtures.quietly(m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void connectWithStartTlsSpeaksOnlyStarttlsInPlaintext(ImapServer server) throws Exception {
        server.require(ImapServer.Feature.NETWORK);
        try (TappingProxy tap = new TappingProxy(server.host(), server.port())) {
            Imap4 m = Imap4.connectWithStartTls("127.0.0.1", tap.port(), server.options());
            try {
                assertNotNull(m.sslSession());
                assertEquals("IMAP4rev1", m.protocolVersion());
                m.login(server.user(), server.password());
                assertEquals("OK", m.select("INBOX").type());
            } finally {
                Fixtures.quietly(m);
            }
            // on the wire before the handshake: STARTTLS, preceded by CAPABILITY only when the
            // greeting did not carry the capabilities (Dovecot's and Cyrus's do)
            String plain = tap.plaintextFromClient();
            assertTrue(plain.matches("\\w+ STARTTLS\r\n"), "plaintext sent: " + plain);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void implicitTlsTrustsTheSelfSignedCertificateThroughATrustStore(ImapServer server) throws Exception {
        Imap4Ssl m = server.require().connectTls();
        try {
            Certificate expected;
            try (InputStream in = Files.newInputStream(Path.of(server.prop("cert")))) {
                expected = CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            assertEquals(expected, m.ssl().getSession().getPeerCertificates()[0]);
            m.login(server.user(), server.password());
            assertEquals("OK", m.noop().type());
        } finally {
            Fixtures.quietly(m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void implicitTlsAndStarttlsRejectTheCertificateWithoutTheTrustStore(ImapServer server) {
        server.require(ImapServer.Feature.NETWORK);
        Imap4Options jvmDefaults = Imap4Options.defaults().withConnectTimeout(Duration.ofSeconds(10));
        Imap4AbortException tls = assertThrows(Imap4AbortException.class,
                () -> new Imap4Ssl(server.host(), server.tlsPort(), jvmDefaults));
        assertInstanceOf(SSLHandshakeException.class, tls.getCause(), tls.toString());
        Imap4AbortException starttls = assertThrows(Imap4AbortException.class,
                () -> Imap4.connectWithStartTls(server.host(), server.port(), jvmDefaults));
        assertTrue(starttls.getMessage().contains("TLS handshake failed"), starttls.getMessage());
        assertInstanceOf(SSLHandshakeException.class, starttls.getCause(), starttls.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void streamThroughAPreauthenticatedChild(ImapServer server) throws Exception {
        String command = server.require().prop("stream.command");
        if (server.is(ImapServer.Kind.CYRUS)) {
            // Cyrus: imapd runs only under its master; started on a pipe it exits (status 70)
            // before greeting. The client must report that at once, not hang.
            Imap4AbortException e = assertThrows(Imap4AbortException.class,
                    () -> new Imap4Stream(command, server.options()));
            assertTrue(e.getMessage().contains("before the server greeting"), e.getMessage());
            return;
        }
        Imap4Stream m = new Imap4Stream(command, server.options());
        Process child = m.process();
        try {
            assertTrue(m.welcome().startsWith("* PREAUTH"), m.welcome());
            assertEquals("AUTH", m.state());
            assertNull(m.socket());
            assertTrue(m.capabilities().contains("IDLE"), "PREAUTH carries the post-login capabilities");
            assertEquals("OK", m.select("INBOX").type());
            m.append("INBOX", null, null, Fixtures.message("over a pipe"));
            // Courier reports a message appended to the selected mailbox at the next NOOP; imap4d
            // 3.15 not at all on a Maildir, only when the mailbox is selected again
            assertEquals("OK", m.noop().type());
            if (server.is(ImapServer.Kind.MAILUTILS)) {
                assertEquals("OK", m.select("INBOX").type());
            }
            ImapResult found = m.search(null, "SUBJECT", "\"over a pipe\"");
            String last = found.firstText().substring(found.firstText().lastIndexOf(' ') + 1);
            ImapResult r = m.fetch(last, "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])");
            ImapData.Pair pair = (ImapData.Pair) r.data().get(0);
            // imap4d writes the field name as it was asked for, not as the message has it
            String field = server.is(ImapServer.Kind.MAILUTILS) ? "SUBJECT" : "Subject";
            assertEquals(field + ": over a pipe\r\n\r\n", new String(pair.literal().bytes()));
        } finally {
            Fixtures.quietly(m);
        }
        assertTrue(child.waitFor(5, TimeUnit.SECONDS), "the child ends after LOGOUT");
    }

    /**
     * Courier-IMAP without FAM/Gamin (common in containers) sends an untagged ALERT before its
     * PREAUTH greeting. The greeting is the PREAUTH line, the connection is logged in, and the
     * ALERT reaches the untagged store as imaplib files a response code.
     */
    @Test
    void courierWithoutGaminAlertsBeforeItsPreauthGreeting() throws Exception {
        ImapServer server = Servers.courier().require();
        Imap4Stream m = new Imap4Stream(server.prop("stream.command.nofam"), server.options());
        Process child = m.process();
        try {
            assertTrue(m.welcome().startsWith("* PREAUTH"), m.welcome());
            assertEquals("AUTH", m.state());
            // as imaplib files it: the code under ALERT, with no data; the OK line itself is gone,
            // dropped (as imaplib drops OK, NO and BAD) when the CAPABILITY command after the greeting began
            assertEquals(List.of(""), m.response("ALERT").texts());
            assertEquals("OK", m.select("INBOX").type());
            assertEquals("OK", m.noop().type());
        } finally {
            Fixtures.quietly(m);
        }
        assertTrue(child.waitFor(5, TimeUnit.SECONDS), "the child ends after LOGOUT");
    }

    /**
     * IDLE over a pipe, woken by APPENDs from a second connection. Cyrus has no stream mode (see
     * streamThroughAPreauthenticatedChild).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("streamServersWithIdle")
    void typedIdleOverAStreamIsWokenByAnotherConnection(ImapServer server) throws Exception {
        server.require(ImapServer.Feature.IDLE_WAKES);
        Imap4Stream m = new Imap4Stream(server.prop("stream.command"), server.options());
        ImapClient c = m.client();
        String f = server.folder("streamidle");
        AtomicBoolean idleEnded = new AtomicBoolean();
        try {
            c.create(f);
            c.select(f);
            // a pipe has no read to watch for IDLE's continuation, so append until IDLE returns
            CompletableFuture<Integer> appender = CompletableFuture.supplyAsync(() -> {
                int n = 0;
                try (ImapClient other = server.client()) {
                    while (!idleEnded.get() && n < 40) {
                        other.append(f, List.of(), null, Fixtures.message("to the pipe " + n++));
                        Thread.sleep(250);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return n;
            });
            boolean woken = c.idle(Duration.ofSeconds(20), u -> u.is("EXISTS"));
            idleEnded.set(true);
            assertTrue(woken, "an EXISTS ended IDLE over the pipe");
            assertTrue(appender.get(15, TimeUnit.SECONDS) < 40);
        } finally {
            idleEnded.set(true);
            Fixtures.drop(c, f);
        }
    }

    static Stream<ImapServer> streamServersWithIdle() {
        return Stream.of(Servers.dovecot(), Servers.mailutils(), Servers.courier());
    }
}
