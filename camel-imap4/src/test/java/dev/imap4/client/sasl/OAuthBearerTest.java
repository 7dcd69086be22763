package dev.imap4.client.sasl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OAuthBearerTest {

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void rfc7628Section4_1Example() {
        OAuthBearer o = new OAuthBearer("user@example.com", "server.example.com", 143,
                () -> "vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==");
        byte[] message = o.initialResponse();
        assertEquals("n,a=user@example.com,\u0001host=server.example.com\u0001port=143\u0001"
                + "auth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==\u0001\u0001", s(message));
        assertEquals("bixhPXVzZXJAZXhhbXBsZS5jb20sAWhvc3Q9c2VydmVyLmV4YW1wbGUuY29tAXBvcnQ9MTQzAWF1dGg9QmVhcmVy"
                + "IHZGOWRmdDRxbVRjMk52YjNSbGNrQmhiSFJoZG1semRHRXVZMjl0Q2c9PQEB",
                Base64.getEncoder().encodeToString(message));
        assertEquals("OAUTHBEARER", o.name());
    }

    @Test
    void errorChallengeIsAnsweredWithASingleCtrlA() {
        OAuthBearer o = new OAuthBearer("user@example.com", "server.example.com", 143, () -> "tok");
        o.initialResponse();
        String json = "{\"status\":\"invalid_token\",\"scope\":\"example_scope\"}";
        assertArrayEquals(new byte[] {0x01}, o.evaluateChallenge(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(json, o.serverError());
    }

    @Test
    void hostPortAndUserMayBeLeftOut() {
        OAuthBearer o = new OAuthBearer(null, null, 0, () -> "tok");
        assertEquals("n,,\u0001auth=Bearer tok\u0001\u0001", s(o.initialResponse()));
    }

    @Test
    void commaAndEqualsInTheUserAreEscaped() {
        OAuthBearer o = new OAuthBearer("a,b=c", null, 993, () -> "tok");
        assertEquals("n,a=a=2Cb=3Dc,\u0001port=993\u0001auth=Bearer tok\u0001\u0001", s(o.initialResponse()));
    }

    @Test
    void tokenSupplierIsAskedOncePerAuthentication() {
        AtomicInteger calls = new AtomicInteger();
        OAuthBearer o = new OAuthBearer("u", "h", 143, () -> "t" + calls.incrementAndGet());
        o.initialResponse();
        String second = s(o.initialResponse());
        assertEquals(2, calls.get());
        assertEquals("n,a=u,\u0001host=h\u0001port=143\u0001auth=Bearer t2\u0001\u0001", second);
    }

    @Test
    void invalidPortIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OAuthBearer("u", "h", 70000, () -> "t"));
    }
}
