package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.internal.transport.SocketTransport;
import dev.imap4.client.Transport;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** imaplib's constructor: greeting, state, capabilities, PROTOCOL_VERSION, host and port defaults. */
@Timeout(30)
class Imap4GreetingTest {

    @Test
    void okGreetingLeavesNonauthAndKeepsTheWelcome() {
        try (ScriptedServer server = ScriptedServer.start("S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hello there\n")) {
            Imap4 m = Scripted.connect(server);
            assertEquals("NONAUTH", m.state());
            assertEquals("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hello there", m.welcome());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void preauthGreetingEntersAuth() {
        try (ScriptedServer server = ScriptedServer.start("S: * PREAUTH [CAPABILITY IMAP4rev1] welcome back\n")) {
            Imap4 m = Scripted.connect(server);
            assertEquals("AUTH", m.state());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void byeGreetingAborts() {
        try (ScriptedServer server = ScriptedServer.start("S: * BYE too many connections\n")) {
            Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> Scripted.connect(server));
            assertTrue(e.getMessage().contains("too many connections"), e.getMessage());
            server.verify();
        }
    }

    @Test
    void capabilitiesFromTheGreetingCodeNeedNoCommand() {
        try (ScriptedServer server = ScriptedServer.start("S: * OK [CAPABILITY IMAP4rev1 IDLE LITERAL+] ready\n")) {
            Imap4 m = Scripted.connect(server);
            assertEquals(List.of("IMAP4REV1", "IDLE", "LITERAL+"), m.capabilities());
            m.shutdown();
            server.verify();
            assertEquals(List.of(), server.received(), "no CAPABILITY command was sent");
        }
    }

    @Test
    void capabilityCommandWhenTheGreetingHasNone() {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * OK plain greeting
                C: {tag} CAPABILITY
                S: * CAPABILITY IMAP4rev1 NAMESPACE QUOTA
                S: {tag} OK CAPABILITY completed
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(List.of("IMAP4REV1", "NAMESPACE", "QUOTA"), m.capabilities());
            assertEquals("IMAP4rev1", m.protocolVersion());
            m.shutdown();
            server.verify();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "IMAP4rev1 IDLE, IMAP4rev1",
        "IMAP4, IMAP4",
        "IMAP4rev2 ENABLE, IMAP4rev2",
        "IMAP4rev1 IMAP4rev2, IMAP4rev2",
        "imap4rev1, IMAP4rev1"
    })
    void protocolVersionIsTheNewestOffered(String caps, String expected) {
        try (ScriptedServer server = ScriptedServer.start("S: * OK [CAPABILITY " + caps + "] ready\n")) {
            Imap4 m = Scripted.connect(server);
            assertEquals(expected, m.protocolVersion());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void serverThatIsNotImap4CompliantIsRefused() {
        try (ScriptedServer server = ScriptedServer.start("S: * OK [CAPABILITY POP3 SMTP] not really imap\n")) {
            Imap4Exception e = assertThrows(Imap4Exception.class, () -> Scripted.connect(server));
            assertFalse(e instanceof Imap4AbortException, "a usage error, not a protocol abort: " + e);
            assertTrue(e.getMessage().contains("not IMAP4 compliant"), e.getMessage());
            server.verify();
        }
    }

    @Test
    void emptyHostMeansLocalhost() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.GREETING)) {
            Imap4 m = new Imap4("", server.port(), Scripted.OPTIONS);
            assertEquals("localhost", m.socket().getInetAddress().getHostName());
            assertTrue(m.socket().getInetAddress().isLoopbackAddress());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void defaultPortConstants() {
        assertEquals(143, Imap4.IMAP4_PORT);
        assertEquals(993, Imap4Ssl.IMAP4_SSL_PORT);
    }

    /** Records where the no-argument constructors connect, and connects to the scripted server instead. */
    static int target;
    static String seenHost;
    static int seenPort;

    static Transport redirect(String host, int port, Imap4Options options) throws IOException {
        seenHost = host;
        seenPort = port;
        return SocketTransport.connect("127.0.0.1", target, options);
    }

    static final class DefaultImap4 extends Imap4 {
        @Override
        protected Transport openTransport(String host, int port) throws IOException {
            return redirect(host, port, options);
        }
    }

    static final class DefaultImap4Ssl extends Imap4Ssl {
        @Override
        protected Transport openTransport(String host, int port) throws IOException {
            return redirect(host, port, options);
        }
    }

    @Test
    void noArgumentConstructorsUseLocalhostAndTheStandardPorts() {
        try (ScriptedServer server = ScriptedServer.builder().transcript(Scripted.GREETING)
                .transcript(Scripted.GREETING).start()) {
            target = server.port();
            Imap4 plain = new DefaultImap4();
            assertEquals("", seenHost);
            assertEquals(143, seenPort);
            plain.shutdown();
            Imap4 ssl = new DefaultImap4Ssl();
            assertEquals("", seenHost);
            assertEquals(993, seenPort);
            ssl.shutdown();
            server.verify();
        }
    }
}
