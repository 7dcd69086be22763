package dev.imap4.client.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CramMd5Test {

    @Test
    void rfc2195Example() {
        CramMd5 cram = new CramMd5("tim", "tanstaaftanstaaf");
        byte[] challenge = Base64.getDecoder().decode("PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+");
        assertEquals("<1896.697170952@postoffice.reston.mci.net>", new String(challenge, StandardCharsets.US_ASCII));
        byte[] answer = cram.evaluateChallenge(challenge);
        assertEquals("tim b913a602c7eda7a495b4e6e7334d3890", new String(answer, StandardCharsets.US_ASCII));
        assertEquals("dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw", Base64.getEncoder().encodeToString(answer));
    }

    @Test
    void serverSpeaksFirst() {
        CramMd5 cram = new CramMd5("tim", "tanstaaftanstaaf");
        assertNull(cram.initialResponse());
        assertEquals("CRAM-MD5", cram.name());
    }
}
