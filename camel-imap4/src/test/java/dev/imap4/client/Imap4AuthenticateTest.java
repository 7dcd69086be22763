package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.sasl.SaslMechanism;
import dev.imap4.client.scripted.ScriptedServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** AUTHENTICATE: imaplib's authobject callback, SASL mechanisms with and without SASL-IR, CRAM-MD5. */
@Timeout(30)
class Imap4AuthenticateTest {

    /** A test mechanism: a fixed initial response, then "answer-N" to the N-th challenge. */
    static final class TestMechanism implements SaslMechanism {
        final byte[] initial;
        final List<String> challenges = new ArrayList<>();

        TestMechanism(String initial) {
            this.initial = initial == null ? null : initial.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String name() {
            return "X-TEST";
        }

        @Override
        public byte[] initialResponse() {
            return initial;
        }

        @Override
        public byte[] evaluateChallenge(byte[] challenge) {
            challenges.add(new String(challenge, StandardCharsets.UTF_8));
            return ("answer-" + challenges.size()).getBytes(StandardCharsets.UTF_8);
        }
    }

    @Test
    void authobjectGetsDecodedChallengesAndItsAnswersAreEncoded() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.GREETING + """
                C: {tag} AUTHENTICATE X-ECHO
                S: + Y2hhbGxlbmdlLTE=
                C: YW5zd2VyLTE=
                S: + Y2hhbGxlbmdlLTI=
                C: YW5zd2VyLTI=
                S: {tag} OK [CAPABILITY IMAP4rev1 IDLE] authenticated
                """)) {
            Imap4 m = Scripted.connect(server);
            List<String> seen = new ArrayList<>();
            ImapResult r = m.authenticate("x-echo", challenge -> {
                seen.add(new String(challenge, StandardCharsets.US_ASCII));
                return ("answer-" + seen.size()).getBytes(StandardCharsets.US_ASCII);
            });
            assertEquals(List.of("challenge-1", "challenge-2"), seen);
            assertEquals("OK", r.type());
            assertEquals("AUTH", m.state());
            assertEquals(List.of("IMAP4REV1", "IDLE"), m.capabilities());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void aNullAnswerCancelsWithAStar() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.GREETING + """
                C: {tag} AUTHENTICATE X-ECHO
                S: + Y2hhbGxlbmdlLTE=
                C: *
                S: {tag} BAD AUTHENTICATE cancelled
                """)) {
            Imap4 m = Scripted.connect(server);
            Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.authenticate("X-ECHO", challenge -> null));
            assertFalse(e instanceof Imap4AbortException, e.toString());
            assertEquals("AUTHENTICATE cancelled", e.getMessage());
            assertEquals("NONAUTH", m.state());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void withSaslIrTheInitialResponseRidesOnTheCommand() {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=X-TEST] ready
                C: {tag} AUTHENTICATE X-TEST aGVsbG8=
                S: + Y2hhbGxlbmdlLTE=
                C: YW5zd2VyLTE=
                S: {tag} OK done
                """)) {
            Imap4 m = Scripted.connect(server);
            TestMechanism mech = new TestMechanism("hello");
            assertEquals("OK", m.authenticate(mech).type());
            assertEquals(List.of("challenge-1"), mech.challenges);
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void withSaslIrAnEmptyInitialResponseIsAnEqualsSign() {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=X-TEST] ready
                C: {tag} AUTHENTICATE X-TEST =
                S: {tag} OK done
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals("OK", m.authenticate(new TestMechanism("")).type());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void withoutSaslIrTheInitialResponseAnswersTheFirstEmptyChallenge() {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * OK [CAPABILITY IMAP4rev1 AUTH=X-TEST] ready
                C: {tag} AUTHENTICATE X-TEST
                S: +<SP>
                C: aGVsbG8=
                S: +
                C: YW5zd2VyLTE=
                S: {tag} OK done
                """)) {
            Imap4 m = Scripted.connect(server);
            TestMechanism mech = new TestMechanism("hello");
            assertEquals("OK", m.authenticate(mech).type());
            assertEquals(List.of(""), mech.challenges, "the second, empty challenge went to the mechanism");
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void loginCramMd5FollowsRfc2195() {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * OK [CAPABILITY IMAP4rev1 AUTH=CRAM-MD5] ready
                C: {tag} AUTHENTICATE CRAM-MD5
                S: + PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+
                C: dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw
                S: {tag} OK CRAM-MD5 authentication successful
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(List.of("CRAM-MD5 authentication successful"), m.loginCramMd5("tim", "tanstaaftanstaaf").texts());
            assertEquals("AUTH", m.state());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void loginCramMd5IsRefusedUnlessAdvertised() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.GREETING)) {
            Imap4 m = Scripted.connect(server);
            Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.loginCramMd5("tim", "tanstaaftanstaaf"));
            assertTrue(e.getMessage().contains("CRAM-MD5"), e.getMessage());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void authenticateNoRaises() {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=X-TEST] ready
                C: {tag} AUTHENTICATE X-TEST aGVsbG8=
                S: {tag} NO [AUTHENTICATIONFAILED] Authentication failed
                """)) {
            Imap4 m = Scripted.connect(server);
            Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.authenticate(new TestMechanism("hello")));
            assertFalse(e instanceof Imap4AbortException, e.toString());
            assertEquals("[AUTHENTICATIONFAILED] Authentication failed", e.getMessage());
            assertEquals("NONAUTH", m.state());
            m.shutdown();
            server.verify();
        }
    }
}
