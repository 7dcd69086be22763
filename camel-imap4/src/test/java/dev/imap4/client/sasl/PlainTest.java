package dev.imap4.client.sasl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PlainTest {

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    @Test
    void rfc4616MessageWithoutAuthorizationIdentity() {
        byte[] message = new Plain("tim", "tanstaaftanstaaf").initialResponse();
        assertArrayEquals("\0tim\0tanstaaftanstaaf".getBytes(StandardCharsets.US_ASCII), message);
        assertEquals("AHRpbQB0YW5zdGFhZnRhbnN0YWFm", b64(message));
    }

    @Test
    void rfc4616MessageWithAuthorizationIdentity() {
        byte[] message = new Plain("Ursel", "Kurt", "xipj3plmq").initialResponse();
        assertEquals("VXJzZWwAS3VydAB4aXBqM3BsbXE=", b64(message));
    }

    @Test
    void nonAsciiFieldsAreUtf8() {
        byte[] message = new Plain(null, "jörg", "pässwörd").initialResponse();
        assertArrayEquals("\0jörg\0pässwörd".getBytes(StandardCharsets.UTF_8), message);
    }

    @Test
    void nameIsPlain() {
        assertEquals("PLAIN", new Plain("u", "p").name());
    }

    @Test
    void emptyFirstChallengeIsAnsweredWithTheMessage() {
        Plain plain = new Plain("tim", "tanstaaftanstaaf");
        assertEquals("AHRpbQB0YW5zdGFhZnRhbnN0YWFm", b64(plain.evaluateChallenge(new byte[0])));
    }

    @Test
    void challengeAfterTheMessageFailsWithoutTheSecret() {
        Plain plain = new Plain("tim", "tanstaaftanstaaf");
        plain.initialResponse();
        Imap4SaslException e = assertThrows(Imap4SaslException.class, () -> plain.evaluateChallenge(new byte[] {'x'}));
        assertFalse(e.getMessage().contains("tanstaaf"), e.getMessage());
    }

    @Test
    void nulInPasswordIsRejectedWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Plain("tim", "sec\0ret"));
        assertEquals("password contains a NUL character", e.getMessage());
    }
}
