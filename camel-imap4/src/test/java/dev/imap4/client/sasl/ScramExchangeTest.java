package dev.imap4.client.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapResult;
import dev.imap4.client.scripted.ScriptedServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SCRAM-SHA-256 through {@link Imap4#authenticate(SaslMechanism)} against a scripted server that
 * replays the RFC 7677 §3 exchange over SASL-IR (RFC 4959). The transcript checks every line the
 * client sends: the client-first and client-final messages, and the empty line or the "*" that
 * ends the exchange.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ScramExchangeTest {

    /** Greeting, client-first with SASL-IR, server-first, client-final: the same in every test. */
    private static final String OPENING = """
            S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=SCRAM-SHA-256] ready
            C: {tag} AUTHENTICATE SCRAM-SHA-256 %s
            S: + %s
            C: %s
            """.formatted(b64("n,,n=user,r=" + ScramTest.SHA256_NONCE), b64(ScramTest.SHA256_SERVER_FIRST),
            b64(ScramTest.SHA256_CLIENT_FINAL));

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Imap4 connect(ScriptedServer server) {
        Imap4Options options = Imap4Options.defaults().withReadTimeout(Duration.ofSeconds(10));
        return new Imap4("127.0.0.1", server.port(), options);
    }

    private static Scram scram() {
        return new Scram("SHA-256", "user", "pencil", ScramTest.SHA256_NONCE);
    }

    @Test
    void authenticatesWhenTheServerSignatureMatches() {
        try (ScriptedServer server = ScriptedServer.start(OPENING + """
                S: + %s
                C:
                S: {tag} OK authenticated
                """.formatted(b64(ScramTest.SHA256_SERVER_FINAL)))) {
            Imap4 imap = connect(server);
            ImapResult r = imap.authenticate(scram());
            assertEquals("OK", r.type());
            assertEquals("AUTH", imap.state());
            imap.shutdown();
            server.verify();
        }
    }

    @Test
    void wrongServerSignatureAbortsWithoutRevealingThePassword() {
        try (ScriptedServer server = ScriptedServer.start(OPENING + """
                S: + %s
                # the client cancels the exchange
                C: *
                !close
                """.formatted(b64(ScramTest.SHA1_SERVER_FINAL)))) {
            Imap4 imap = connect(server);
            Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> imap.authenticate(scram()));
            server.verify();
            assertInstanceOf(Imap4SaslException.class, e.getCause());
            assertTrue(e.getMessage().contains("SCRAM-SHA-256: the server signature does not match"), e.getMessage());
            assertFalse(e.getMessage().contains("pencil"), e.getMessage());
            assertFalse(String.join("\n", e.recentExchanges()).contains(b64("pencil")), e.recentExchanges().toString());
            assertEquals("LOGOUT", imap.state());
        }
    }

    @Test
    void serverSayingOkWithoutProvingItselfIsNotTrusted() {
        try (ScriptedServer server = ScriptedServer.start(OPENING + """
                S: {tag} OK authenticated
                !close
                """)) {
            Imap4 imap = connect(server);
            Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> imap.authenticate(scram()));
            server.verify();
            assertEquals("SCRAM-SHA-256 authentication ended before the server proved its identity; connection closed",
                    e.getMessage());
            assertEquals("LOGOUT", imap.state());
        }
    }
}
