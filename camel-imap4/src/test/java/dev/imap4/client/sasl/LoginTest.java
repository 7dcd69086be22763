package dev.imap4.client.sasl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class LoginTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void serverSpeaksFirst() {
        assertNull(new Login("joe", "secret").initialResponse());
    }

    @Test
    void answersTheStandardPromptsInOrder() {
        Login login = new Login("joe", "secret");
        // what servers send: base64 "VXNlcm5hbWU6" and "UGFzc3dvcmQ6"
        assertArrayEquals(b("joe"), login.evaluateChallenge(Base64.getDecoder().decode("VXNlcm5hbWU6")));
        assertArrayEquals(b("secret"), login.evaluateChallenge(Base64.getDecoder().decode("UGFzc3dvcmQ6")));
    }

    @Test
    void promptWordingDecidesOverPosition() {
        Login login = new Login("joe", "secret");
        assertArrayEquals(b("secret"), login.evaluateChallenge(b("Password\0")));
        assertArrayEquals(b("joe"), login.evaluateChallenge(b("User Name\0")));
    }

    @Test
    void unrecognisedPromptsAreAnsweredByPosition() {
        Login login = new Login("joe", "secret");
        assertArrayEquals(b("joe"), login.evaluateChallenge(new byte[0]));
        assertArrayEquals(b("secret"), login.evaluateChallenge(b("?")));
    }

    @Test
    void aThirdUnrecognisedPromptFailsWithoutTheSecret() {
        Login login = new Login("joe", "secret");
        login.evaluateChallenge(b("Username:"));
        login.evaluateChallenge(b("Password:"));
        Imap4SaslException e = assertThrows(Imap4SaslException.class, () -> login.evaluateChallenge(b("More?")));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertEquals("LOGIN", login.name());
    }
}
