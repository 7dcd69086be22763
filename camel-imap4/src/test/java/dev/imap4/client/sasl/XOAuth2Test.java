package dev.imap4.client.sasl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class XOAuth2Test {

    @Test
    void googleDocumentedMessageBytes() {
        XOAuth2 x = new XOAuth2("someuser@example.com", () -> "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg");
        byte[] message = x.initialResponse();
        assertArrayEquals(("user=someuser@example.com\u0001auth=Bearer ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg"
                + "\u0001\u0001").getBytes(StandardCharsets.US_ASCII), message);
        assertEquals("dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJo"
                + "ZG1semRHRXVZMjl0Q2cBAQ==", Base64.getEncoder().encodeToString(message));
        assertEquals("XOAUTH2", x.name());
    }

    @Test
    void errorChallengeIsAnsweredWithAnEmptyResponse() {
        XOAuth2 x = new XOAuth2("joe", () -> "tok");
        x.initialResponse();
        String json = "{\"status\":\"401\",\"schemes\":\"bearer\",\"scope\":\"https://mail.google.com/\"}";
        assertArrayEquals(new byte[0], x.evaluateChallenge(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(json, x.serverError());
    }

    @Test
    void tokenSupplierIsAskedOncePerAuthentication() {
        AtomicInteger calls = new AtomicInteger();
        XOAuth2 x = new XOAuth2("joe", () -> "token" + calls.incrementAndGet());
        assertEquals("user=joe\u0001auth=Bearer token1\u0001\u0001", new String(x.initialResponse(), StandardCharsets.UTF_8));
        assertEquals("user=joe\u0001auth=Bearer token2\u0001\u0001", new String(x.initialResponse(), StandardCharsets.UTF_8));
        assertEquals(2, calls.get());
        assertNull(x.serverError());
    }

    @Test
    void emptyFirstChallengeGetsTheMessage() {
        XOAuth2 x = new XOAuth2("joe", () -> "tok");
        assertEquals("dXNlcj1qb2UBYXV0aD1CZWFyZXIgdG9rAQE=", Base64.getEncoder().encodeToString(x.evaluateChallenge(new byte[0])));
    }

    @Test
    void tokenWithControlCharacterIsRefusedWithoutEchoingIt() {
        XOAuth2 x = new XOAuth2("joe", () -> "zq\u0001xv");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, x::initialResponse);
        assertEquals("access token contains a control character", e.getMessage());
        assertFalse(e.getMessage().contains("zq"));
    }

    @Test
    void missingTokenIsReported() {
        XOAuth2 x = new XOAuth2("joe", () -> null);
        assertThrows(NullPointerException.class, x::initialResponse);
    }
}
