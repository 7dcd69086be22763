package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.scripted.TestTls;
import dev.imap4.testing.TunnelProxy;
import dev.imap4.testing.TunnelProxy.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Connections through SOCKS5 and HTTP CONNECT proxies, and proxies that misbehave. */
@Timeout(30)
class Imap4ProxyTest {

    /** A name no resolver knows: only the proxy can turn it into a connection. */
    private static final String UNRESOLVABLE = "imap.example.invalid";

    private static final String LOGIN = Scripted.GREETING + """
            C: {tag} LOGIN joe "secret"
            S: {tag} OK LOGIN completed
            C: {tag} LOGOUT
            S: * BYE bye
            S: {tag} OK LOGOUT completed
            """;

    private static ImapProxy proxy(Kind kind, TunnelProxy p) {
        return ImapProxy.of(kind == Kind.SOCKS5 ? ImapProxy.Type.SOCKS5 : ImapProxy.Type.HTTP, "127.0.0.1", p.port());
    }

    private static void loginAndLogout(Imap4 m) {
        assertEquals("NONAUTH", m.state(), "the greeting came through the tunnel intact");
        m.login("joe", "secret");
        m.logout();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theServerIsReachedByNameThroughTheProxy(Kind kind) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(LOGIN); TunnelProxy p = TunnelProxy.relay(kind, server.port())) {
            loginAndLogout(new Imap4(UNRESOLVABLE, 143, Scripted.OPTIONS.withProxy(proxy(kind, p))));
            assertEquals(List.of(UNRESOLVABLE + ":143"), p.targets(), "the proxy, not the client, resolves the name");
            server.verify();
        }
    }

    @Test
    void anIpv6LiteralGoesToAnHttpProxyInBrackets() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(LOGIN); TunnelProxy p = TunnelProxy.relay(Kind.HTTP, server.port())) {
            loginAndLogout(new Imap4("::1", 143, Scripted.OPTIONS.withProxy(proxy(Kind.HTTP, p))));
            assertEquals(List.of("[::1]:143"), p.targets());
        }
    }

    @Test
    void anIpv4LiteralGoesToASocksProxyAsAnAddress() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(LOGIN); TunnelProxy p = TunnelProxy.relay(Kind.SOCKS5, server.port())) {
            loginAndLogout(new Imap4("192.0.2.7", 993, Scripted.OPTIONS.withProxy(proxy(Kind.SOCKS5, p))));
            assertEquals(List.of("192.0.2.7:993"), p.targets());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void credentialsOpenAProxyThatDemandsThem(Kind kind) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(LOGIN);
                TunnelProxy p = TunnelProxy.relay(kind, server.port(), "proxyuser", "pr0xy-pässword")) {
            ImapProxy withCredentials = proxy(kind, p).withCredentials("proxyuser", "pr0xy-pässword");
            loginAndLogout(new Imap4(UNRESOLVABLE, 143, Scripted.OPTIONS.withProxy(withCredentials)));
            assertFalse(withCredentials.toString().contains("pr0xy"), withCredentials.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aWrongPasswordIsReportedWithoutTheProxyPassword(Kind kind) throws Exception {
        try (TunnelProxy p = TunnelProxy.relay(kind, 1, "proxyuser", "right")) {
            Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> new Imap4(UNRESOLVABLE, 143,
                    Scripted.OPTIONS.withProxy(proxy(kind, p).withCredentials("proxyuser", "wrong-secret"))));
            String text = messages(e);
            assertTrue(text.contains("refused the user name or password"), text);
            assertFalse(text.contains("wrong-secret"), text);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aProxyThatWantsCredentialsSaysSo(Kind kind) throws Exception {
        try (TunnelProxy p = TunnelProxy.relay(kind, 1, "proxyuser", "right")) {
            Imap4AbortException e = assertThrows(Imap4AbortException.class,
                    () -> new Imap4(UNRESOLVABLE, 143, Scripted.OPTIONS.withProxy(proxy(kind, p))));
            assertTrue(messages(e).contains("requires authentication"), messages(e));
        }
    }

    @Test
    void tlsThroughTheTunnelChecksTheServersNameNotTheProxys() throws Exception {
        String transcript = """
                S: * OK [CAPABILITY IMAP4rev1] secure hello
                C: {tag} LOGOUT
                S: * BYE bye
                S: {tag} OK LOGOUT completed
                """;
        try (ScriptedServer server = ScriptedServer.builder().implicitTls(TestTls.localhostServer()).transcript(transcript).start();
                TunnelProxy p = TunnelProxy.relay(Kind.HTTP, server.port())) {
            Imap4Options options = Scripted.OPTIONS.withSslContext(TestTls.clientTrustingLocalhost())
                    .withProxy(ImapProxy.http("localhost", p.port()));
            Imap4Ssl m = new Imap4Ssl("localhost", 993, options);
            assertTrue(m.ssl().getSession().isValid());
            m.logout();
            assertEquals(List.of("localhost:993"), p.targets());
        }
        try (ScriptedServer server = ScriptedServer.builder().implicitTls(TestTls.localhostServer()).transcript("!tls-rejected\n").start();
                TunnelProxy p = TunnelProxy.relay(Kind.HTTP, server.port())) {
            // the proxy is "localhost", as the certificate says; the server asked for is not
            Imap4Options options = Scripted.OPTIONS.withSslContext(TestTls.clientTrustingLocalhost())
                    .withProxy(ImapProxy.http("localhost", p.port()));
            Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> new Imap4Ssl(UNRESOLVABLE, 993, options));
            assertInstanceOf(SSLHandshakeException.class, e.getCause(), e.toString());
        }
    }

    @Test
    void startTlsUpgradesTheTunnelledConnection() throws Exception {
        try (ScriptedServer server = ScriptedServer.builder().startTls(TestTls.localhostServer()).transcript("""
                S: * OK [CAPABILITY IMAP4rev1 STARTTLS] ready
                C: {tag} STARTTLS
                S: {tag} OK go
                !tls
                C: {tag} CAPABILITY
                S: * CAPABILITY IMAP4rev1 AUTH=PLAIN
                S: {tag} OK done
                """).start(); TunnelProxy p = TunnelProxy.relay(Kind.SOCKS5, server.port())) {
            Imap4 m = Imap4.connectWithStartTls("localhost", 143, Scripted.OPTIONS
                    .withSslContext(TestTls.clientTrustingLocalhost()).withProxy(proxy(Kind.SOCKS5, p)));
            assertTrue(m.sslSession().isValid());
            m.shutdown();
            server.verify();
            assertEquals(List.of("localhost:143"), p.targets());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSilentProxyFailsWithinTheConnectTimeout(Kind kind) throws Exception {
        try (TunnelProxy p = TunnelProxy.answering(new byte[0])) {
            Imap4Options options = Scripted.OPTIONS.withConnectTimeout(Duration.ofMillis(500)).withProxy(proxy(kind, p));
            Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> new Imap4(UNRESOLVABLE, 143, options));
            assertTrue(messages(e).contains("within the connect timeout"), messages(e));
        }
    }

    @Test
    void aProxyTricklingAnEndlessAnswerIsCutAtTheConnectTimeout() throws Exception {
        // every read gets a byte well within any read timeout; only the whole handshake's deadline ends it
        try (TunnelProxy p = TunnelProxy.trickling("HTTP/1.1 200 OK\r\nX: y".getBytes(StandardCharsets.US_ASCII), 20)) {
            Imap4Options options = Scripted.OPTIONS.withConnectTimeout(Duration.ofSeconds(1)).withProxy(proxy(Kind.HTTP, p));
            long start = System.nanoTime();
            Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> new Imap4(UNRESOLVABLE, 143, options));
            assertTrue(messages(e).contains("within the connect timeout"), messages(e));
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "bounded by the connect timeout");
        }
    }

    @Test
    void anHttpAnswerHeadIsBoundedInBytes() throws Exception {
        byte[] endless = ("HTTP/1.1 200 OK\r\n" + "X-Padding: " + "a".repeat(40_000) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try (TunnelProxy p = TunnelProxy.answering(endless)) {
            Imap4AbortException e = assertThrows(Imap4AbortException.class,
                    () -> new Imap4(UNRESOLVABLE, 143, Scripted.OPTIONS.withProxy(proxy(Kind.HTTP, p))));
            assertTrue(messages(e).contains("over 16384 bytes"), messages(e));
        }
    }

    @Test
    void anHttpRefusalNamesTheStatus() throws Exception {
        try (TunnelProxy p = TunnelProxy.answering("HTTP/1.1 403 Forbidden\r\n\r\n".getBytes(StandardCharsets.US_ASCII))) {
            Imap4AbortException e = assertThrows(Imap4AbortException.class,
                    () -> new Imap4(UNRESOLVABLE, 143, Scripted.OPTIONS.withProxy(proxy(Kind.HTTP, p))));
            assertTrue(messages(e).contains("refused CONNECT to " + UNRESOLVABLE + ":143: HTTP/1.1 403 Forbidden"), messages(e));
        }
    }

    @Test
    void aSocksFailureReplyIsNamed() throws Exception {
        try (TunnelProxy p = TunnelProxy.answering(new byte[] {5, 0, 5, 5, 0, 1, 0, 0, 0, 0, 0, 0})) {
            Imap4AbortException e = assertThrows(Imap4AbortException.class,
                    () -> new Imap4(UNRESOLVABLE, 143, Scripted.OPTIONS.withProxy(proxy(Kind.SOCKS5, p))));
            assertTrue(messages(e).contains("could not reach " + UNRESOLVABLE + ":143: connection refused (5)"), messages(e));
        }
    }

    @Test
    void somethingElseThanSocksIsNotTakenForIt() throws Exception {
        try (TunnelProxy p = TunnelProxy.answering("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII))) {
            Imap4AbortException e = assertThrows(Imap4AbortException.class,
                    () -> new Imap4(UNRESOLVABLE, 143, Scripted.OPTIONS.withProxy(proxy(Kind.SOCKS5, p))));
            assertTrue(messages(e).contains("is not a SOCKS5 proxy"), messages(e));
        }
    }

    @Test
    void aSocksMethodThatWasNotOfferedIsRefused() throws Exception {
        try (TunnelProxy p = TunnelProxy.answering(new byte[] {5, 2})) {
            Imap4AbortException e = assertThrows(Imap4AbortException.class,
                    () -> new Imap4(UNRESOLVABLE, 143, Scripted.OPTIONS.withProxy(proxy(Kind.SOCKS5, p))));
            assertTrue(messages(e).contains("chose authentication method 2, which was not offered"), messages(e));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aServerNameThatCouldInjectIsNeverSent(Kind kind) throws Exception {
        try (TunnelProxy p = TunnelProxy.relay(kind, 1)) {
            Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> new Imap4("evil\r\nX-Injected: yes", 143,
                    Scripted.OPTIONS.withProxy(proxy(kind, p))));
            assertTrue(messages(e).contains("cannot be sent the server name evil??X-Injected: yes"), messages(e));
            assertEquals(List.of(), p.targets());
        }
    }

    @Test
    void proxySettingsAreCheckedWhenMade() {
        assertThrows(IllegalArgumentException.class, () -> ImapProxy.socks5("proxy", 0));
        assertThrows(IllegalArgumentException.class, () -> ImapProxy.http("pro xy", 3128));
        assertThrows(IllegalArgumentException.class, () -> ImapProxy.http("proxy", 3128).withCredentials("a\r\nb", "p"));
        assertThrows(IllegalArgumentException.class, () -> ImapProxy.http("proxy", 3128).withCredentials("a:b", "p"));
        assertThrows(IllegalArgumentException.class, () -> ImapProxy.socks5("proxy", 1080).withCredentials("u", "p".repeat(256)));
    }

    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t).append(" | ");
        }
        return b.toString();
    }
}
