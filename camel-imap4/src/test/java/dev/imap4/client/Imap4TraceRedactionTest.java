package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.sasl.SaslMechanism;
import dev.imap4.client.scripted.ScriptedServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * imaplib's debug levels over SLF4J (slf4j-simple writes to System.err, captured here): secrets
 * never reach the log or an exception message at any level, while ordinary commands are traced at
 * level 4 and above.
 */
@Timeout(30)
class Imap4TraceRedactionTest {

    private static final String PASSWORD = "pa55-word";
    private static final String LITERAL_PASSWORD = "pa55-wörd";
    private static final String TOKEN = "token-s3cr3t";
    private static final String PLAIN_B64 = "AGpvZQB0b2tlbi1zM2NyM3Q=";
    private static final String CHALLENGE_B64 = "c2VydmVyLW5vbmNlLTEyMw==";
    private static final List<String> SECRETS = List.of(PASSWORD, LITERAL_PASSWORD, TOKEN, PLAIN_B64,
            CHALLENGE_B64, "server-nonce-123");

    /** PLAIN-like: the initial response carries the token. */
    static final class PlainLike implements SaslMechanism {
        @Override
        public String name() {
            return "PLAIN";
        }

        @Override
        public byte[] initialResponse() {
            return ("\0joe\0" + TOKEN).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] evaluateChallenge(byte[] challenge) {
            return new byte[0];
        }
    }

    private static final String TRANSCRIPT = """
            S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready
            C: {tag} LOGIN joe "pa55-word"
            S: {tag} NO [AUTHENTICATIONFAILED] wrong
            C: {tag} LOGIN joe {10}
            S: + go ahead
            C: pa55-wörd
            S: {tag} NO [AUTHENTICATIONFAILED] still wrong
            C: {tag} AUTHENTICATE PLAIN AGpvZQB0b2tlbi1zM2NyM3Q=
            S: {tag} NO [AUTHENTICATIONFAILED] not this way
            C: {tag} AUTHENTICATE PLAIN
            S: + c2VydmVyLW5vbmNlLTEyMw==
            C: AGpvZQB0b2tlbi1zM2NyM3Q=
            S: {tag} OK authenticated
            C: {tag} SELECT INBOX
            S: * 2 EXISTS
            S: {tag} OK SELECT completed
            C: {tag} NOOP
            S: {tag} GARBAGE
            """;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void secretsNeverReachTheLogOrExceptionsAtAnyLevel(int level) {
        List<String> messages = new ArrayList<>();
        String log;
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (ScriptedServer server = ScriptedServer.start(TRANSCRIPT)) {
            Imap4 m = Scripted.connect(server, Scripted.OPTIONS.withDebug(level));
            messages.add(assertThrows(Imap4Exception.class, () -> m.login("joe", PASSWORD)).getMessage());
            messages.add(assertThrows(Imap4Exception.class, () -> m.login("joe", LITERAL_PASSWORD)).getMessage());
            messages.add(assertThrows(Imap4Exception.class, () -> m.authenticate(new PlainLike())).getMessage());
            m.authenticate("PLAIN", challenge -> ("\0joe\0" + TOKEN).getBytes(StandardCharsets.UTF_8));
            m.select();
            Imap4AbortException abort = assertThrows(Imap4AbortException.class, m::noop);
            messages.add(abort.getMessage());
            messages.addAll(abort.recentExchanges());
            server.verify();
        } finally {
            System.err.flush();
            System.setErr(original);
            log = captured.toString(StandardCharsets.UTF_8);
        }
        for (String secret : SECRETS) {
            assertFalse(log.contains(secret), "level " + level + " logged " + secret + ":\n" + log);
            for (String msg : messages) {
                assertFalse(msg.contains(secret), "level " + level + " exception shows " + secret + ": " + msg);
            }
        }
        assertTrue(String.join("\n", messages).contains("C: <authentication data redacted>"), messages.toString());
        if (level >= 4) {
            assertTrue(log.contains("SELECT INBOX"), "level " + level + " traces commands:\n" + log);
            assertTrue(log.contains("LOGIN joe \"***\""), log);
            assertTrue(log.contains("LOGIN joe {10} <secret literal>"), log);
            assertTrue(log.contains("AUTHENTICATE PLAIN ***"), log);
            assertTrue(log.contains("< * 2 EXISTS"), log);
        } else {
            assertFalse(log.contains("SELECT INBOX"), "level " + level + " must not trace commands:\n" + log);
        }
    }

    @Test
    void aPasswordTheClientRefusesIsNotEchoedInTheError() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.GREETING)) {
            Imap4 m = Scripted.connect(server);
            Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.login("joe", "pa55\0word"));
            assertFalse(e.getMessage().contains("pa55") || e.getMessage().contains("word"), e.getMessage());
            m.shutdown();
            server.verify();
        }
    }
}
