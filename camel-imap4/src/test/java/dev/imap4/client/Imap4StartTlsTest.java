package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.scripted.TestTls;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** STARTTLS and the defences against the "NO STARTTLS" attacks (Poddebniak et al., USENIX Security 2021). */
@Timeout(30)
class Imap4StartTlsTest {

    private static final Imap4Options TRUSTING = Scripted.OPTIONS.withSslContext(TestTls.clientTrustingLocalhost());

    private static ScriptedServer server(String transcript) {
        return ScriptedServer.builder().startTls(TestTls.localhostServer()).transcript(transcript).start();
    }

    @Test
    void refusedWhenNotAdvertisedAndNothingIsSent() {
        try (ScriptedServer server = server(Scripted.GREETING)) {
            Imap4 m = Scripted.connect(server, TRUSTING);
            Imap4Exception e = assertThrows(Imap4Exception.class, m::starttls);
            assertEquals("STARTTLS extension not supported by server", e.getMessage());
            assertNull(m.sslSession());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void bytesInjectedAfterTheOkAreDiscardedNotParsed() {
        try (ScriptedServer server = server("""
                S: * OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready
                C: {tag} STARTTLS
                R: {tag} OK Begin TLS negotiation now<CRLF>* CAPABILITY IMAP4rev1 INJECTED<CRLF>* 99 EXISTS<CRLF>
                !tls
                C: {tag} CAPABILITY
                S: * CAPABILITY IMAP4rev1 AUTH=PLAIN
                S: {tag} OK CAPABILITY completed
                """)) {
            Imap4 m = Scripted.connect(server, TRUSTING);
            List<UntaggedResponse> seen = new ArrayList<>();
            m.addUnsolicitedListener(seen::add);
            assertEquals("OK", m.starttls().type());
            assertNotNull(m.sslSession());
            assertEquals(List.of("IMAP4REV1", "AUTH=PLAIN"), m.capabilities());
            assertTrue(seen.stream().noneMatch(r -> r.name().equals("EXISTS") || r.data().toString().contains("INJECTED")),
                    "injected responses were parsed: " + seen);
            assertEquals(new ImapResult("EXISTS", java.util.Arrays.asList((ImapData) null)), m.response("EXISTS"));
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void capabilitiesLearnedInPlaintextAreForgottenAndAskedAgain() {
        try (ScriptedServer server = server("""
                S: * OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED AUTH=X-WEAK] ready
                C: {tag} STARTTLS
                S: {tag} OK Begin TLS negotiation now
                !tls
                C: {tag} CAPABILITY
                S: * CAPABILITY IMAP4rev1 AUTH=PLAIN AUTH=SCRAM-SHA-256
                S: {tag} OK CAPABILITY completed
                C: {tag} LOGIN joe "secret"
                S: {tag} OK LOGIN completed
                """)) {
            Imap4 m = Scripted.connect(server, TRUSTING);
            assertTrue(m.capabilities().contains("LOGINDISABLED"));
            m.starttls();
            assertEquals(List.of("IMAP4REV1", "AUTH=PLAIN", "AUTH=SCRAM-SHA-256"), m.capabilities());
            m.login("joe", "secret");
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void connectWithStartTlsUpgradesBeforeAnythingElse() {
        try (ScriptedServer server = server("""
                S: * OK [CAPABILITY IMAP4rev1 STARTTLS] ready
                C: {tag} STARTTLS
                S: {tag} OK go
                !tls
                C: {tag} CAPABILITY
                S: * CAPABILITY IMAP4rev2 AUTH=PLAIN
                S: {tag} OK done
                """)) {
            Imap4 m = Imap4.connectWithStartTls("127.0.0.1", server.port(), TRUSTING);
            assertEquals("NONAUTH", m.state());
            assertNotNull(m.sslSession());
            assertEquals("IMAP4rev2", m.protocolVersion());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void connectWithStartTlsAsksForCapabilitiesOnBothSidesOfTheHandshake() {
        try (ScriptedServer server = server("""
                S: * OK plain greeting without capabilities
                C: {tag} CAPABILITY
                S: * CAPABILITY IMAP4rev1 STARTTLS
                S: {tag} OK done
                C: {tag} STARTTLS
                S: {tag} OK go
                !tls
                C: {tag} CAPABILITY
                S: * CAPABILITY IMAP4rev1 AUTH=PLAIN
                S: {tag} OK done
                """)) {
            Imap4 m = Imap4.connectWithStartTls("127.0.0.1", server.port(), TRUSTING);
            assertEquals(List.of("IMAP4REV1", "AUTH=PLAIN"), m.capabilities());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void connectWithStartTlsRefusesAPreauthGreeting() {
        try (ScriptedServer server = server("S: * PREAUTH [CAPABILITY IMAP4rev1 STARTTLS] you are in\n")) {
            Imap4Exception e = assertThrows(Imap4Exception.class,
                    () -> Imap4.connectWithStartTls("127.0.0.1", server.port(), TRUSTING));
            assertTrue(e.getMessage().contains("PREAUTH"), e.getMessage());
            server.verify();
            assertEquals(List.of(), server.received());
        }
    }

    @Test
    void connectWithStartTlsRefusesAPreauthAfterAnOkGreeting() {
        try (ScriptedServer server = server("""
                S: * OK ready
                C: {tag} CAPABILITY
                S: * PREAUTH you are in
                S: * CAPABILITY IMAP4rev1 STARTTLS
                S: {tag} OK done
                """)) {
            Imap4Exception e = assertThrows(Imap4Exception.class,
                    () -> Imap4.connectWithStartTls("127.0.0.1", server.port(), TRUSTING));
            assertTrue(e.getMessage().contains("PREAUTH"), e.getMessage());
            server.verify();
            assertEquals(1, server.received().size(), "nothing but CAPABILITY was sent: " + server.received());
        }
    }

    @Test
    void startTlsAfterAPreauthGreetingIsRefusedByTheStateTable() {
        try (ScriptedServer server = server("S: * PREAUTH [CAPABILITY IMAP4rev1 STARTTLS] you are in\n")) {
            Imap4 m = Scripted.connect(server, TRUSTING);
            Imap4Exception e = assertThrows(Imap4Exception.class, m::starttls);
            assertTrue(e.getMessage().startsWith("command STARTTLS illegal in state AUTH"), e.getMessage());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void connectWithStartTlsRefusesAServerWithoutStartTls() {
        try (ScriptedServer server = server(Scripted.GREETING)) {
            Imap4Exception e = assertThrows(Imap4Exception.class,
                    () -> Imap4.connectWithStartTls("127.0.0.1", server.port(), TRUSTING));
            assertEquals("STARTTLS extension not supported by server", e.getMessage());
            server.verify();
        }
    }

    @Test
    void startTlsOverAnEstablishedTlsSessionIsRefused() {
        try (ScriptedServer server = server("""
                S: * OK [CAPABILITY IMAP4rev1 STARTTLS] ready
                C: {tag} STARTTLS
                S: {tag} OK go
                !tls
                C: {tag} CAPABILITY
                S: * CAPABILITY IMAP4rev1 STARTTLS
                S: {tag} OK still advertising STARTTLS
                """)) {
            Imap4 m = Scripted.connect(server, TRUSTING);
            m.starttls();
            Imap4Exception e = assertThrows(Imap4Exception.class, m::starttls);
            assertFalse(e instanceof Imap4AbortException);
            assertEquals("TLS session already established", e.getMessage());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void startTlsAnsweredNoRaisesAndStaysPlain() {
        try (ScriptedServer server = server("""
                S: * OK [CAPABILITY IMAP4rev1 STARTTLS] ready
                C: {tag} STARTTLS
                S: {tag} NO TLS is broken today
                """)) {
            Imap4 m = Scripted.connect(server, TRUSTING);
            Imap4Exception e = assertThrows(Imap4Exception.class, m::starttls);
            assertEquals("Couldn't establish TLS session: TLS is broken today", e.getMessage());
            assertNull(m.sslSession());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void anUntrustedCertificateAbortsTheUpgrade() {
        try (ScriptedServer server = server("""
                S: * OK [CAPABILITY IMAP4rev1 STARTTLS] ready
                C: {tag} STARTTLS
                S: {tag} OK go
                !tls-rejected
                """)) {
            Imap4 m = Scripted.connect(server);
            Imap4AbortException e = assertThrows(Imap4AbortException.class, m::starttls);
            assertInstanceOf(SSLHandshakeException.class, e.getCause(), e.toString());
            assertTrue(e.getMessage().startsWith("TLS handshake failed: the server's certificate is not trusted"
                    + " (PKIX path building failed"), e.getMessage());
            assertTrue(e.getMessage().contains("trustCertificates"), e.getMessage());
            server.verify();
            assertNotNull(server.tlsRejection());
        }
    }
}
