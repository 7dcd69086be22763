package dev.imap4.client.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.testing.FakeTokenEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The token supplier against a fake token endpoint on loopback. */
@Timeout(60)
class OAuth2TokenSupplierTest {

    static {
        // every level of the supplier's log, to prove no secret reaches it
        System.setProperty("org.slf4j.simpleLogger.log.dev.imap4.client.sasl.OAuth2TokenSupplier", "trace");
    }

    private static final String CLIENT_SECRET = "cl1ent-S3cret~value";
    private static final String REFRESH = "1//r3fresh-Token_value";
    private static final String ROTATED = "1//r0tated-Token_value";
    private static final String TOKEN = "ya29.acc3ss-Token_one";
    private static final String TOKEN2 = "ya29.acc3ss-Token_two";
    private static final List<String> SECRETS = List.of(CLIENT_SECRET, REFRESH, ROTATED, TOKEN, TOKEN2);

    private FakeTokenEndpoint endpoint;
    private MutableClock clock;

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void start() throws Exception {
        endpoint = new FakeTokenEndpoint();
        clock = new MutableClock();
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private OAuth2TokenSupplier.Builder refreshing() {
        return OAuth2TokenSupplier.refreshToken(endpoint.url(), "client-id", REFRESH).clientSecret(CLIENT_SECRET)
                .scope("https://mail.google.com/").clock(clock);
    }

    @Test
    void theRefreshGrantPostsItsFormAndTheTokenIsKeptUntilShortlyBeforeItExpires() {
        endpoint.token(TOKEN, 3600).token(TOKEN2, 3600);
        OAuth2TokenSupplier s = refreshing().skew(Duration.ofSeconds(60)).build();
        assertEquals(TOKEN, s.get());
        Map<String, String> form = endpoint.requests().get(0).form();
        assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", REFRESH, "client_id", "client-id",
                "client_secret", CLIENT_SECRET, "scope", "https://mail.google.com/"), form);
        assertNull(endpoint.requests().get(0).authorization());

        clock.now = clock.now.plusSeconds(3539);
        assertEquals(TOKEN, s.get(), "still valid 61 s before expiry");
        assertEquals(1, endpoint.requests().size());
        clock.now = clock.now.plusSeconds(2);
        assertEquals(TOKEN2, s.get(), "59 s before expiry, within the skew: a new one");
        assertEquals(2, endpoint.requests().size());
    }

    @Test
    void aRotatedRefreshTokenIsUsedFromThenOn() {
        endpoint.answer(200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":\"60\","
                + "\"refresh_token\":\"" + ROTATED + "\",\"ext\":{\"a\":[1,2,{\"b\":null}]},\"id\":true}");
        endpoint.token(TOKEN2, 3600);
        OAuth2TokenSupplier s = refreshing().skew(Duration.ZERO).build();
        assertEquals(TOKEN, s.get());
        clock.now = clock.now.plusSeconds(61);
        assertEquals(TOKEN2, s.get());
        assertEquals(ROTATED, endpoint.requests().get(1).form().get("refresh_token"));
    }

    @Test
    void invalidatingTheRefusedTokenFetchesANewOneButNotForAnOlderOne() {
        endpoint.token(TOKEN, 3600).token(TOKEN2, 3600);
        OAuth2TokenSupplier s = refreshing().build();
        assertEquals(TOKEN, s.get());
        s.invalidate("some older token");
        assertEquals(TOKEN, s.get());
        s.invalidate(TOKEN);
        assertEquals(TOKEN2, s.get());
        assertEquals(2, endpoint.requests().size());
    }

    @Test
    void withoutExpiresInTheTokenIsKeptUntilRefused() {
        endpoint.token(TOKEN, -1).token(TOKEN2, -1);
        OAuth2TokenSupplier s = refreshing().build();
        assertEquals(TOKEN, s.get());
        clock.now = clock.now.plus(Duration.ofDays(30));
        assertEquals(TOKEN, s.get());
        s.invalidate(TOKEN);
        assertEquals(TOKEN2, s.get());
    }

    @Test
    void clientCredentialsWithBasicAuthenticationSendsTheSecretInTheHeaderOnly() {
        endpoint.token(TOKEN, 3600);
        OAuth2TokenSupplier s = OAuth2TokenSupplier.clientCredentials(endpoint.url(), "app id", CLIENT_SECRET)
                .clientAuthentication(OAuth2TokenSupplier.ClientAuthentication.BASIC)
                .scope("https://outlook.office365.com/.default").build();
        assertEquals(TOKEN, s.get());
        FakeTokenEndpoint.Request r = endpoint.requests().get(0);
        assertEquals(Map.of("grant_type", "client_credentials", "scope", "https://outlook.office365.com/.default"),
                r.form());
        // RFC 6749 §2.3.1: both form-urlencoded (Appendix B) before Basic
        assertEquals("Basic " + Base64.getEncoder().encodeToString("app+id:cl1ent-S3cret%7Evalue"
                .getBytes(StandardCharsets.UTF_8)), r.authorization());
        assertFalse(s.toString().contains(CLIENT_SECRET), s.toString());
    }

    @Test
    void endpointFailuresAreClearAndNeverShowASecret() {
        List<String> messages = new ArrayList<>();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            endpoint.answer(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token " + REFRESH
                    + " has been expired or revoked.\"}");
            OAuth2TokenException e = assertThrows(OAuth2TokenException.class, () -> refreshing().build().get());
            assertEquals(400, e.status());
            assertEquals("invalid_grant", e.error());
            assertTrue(e.getMessage().contains("refused the refresh_token grant: HTTP 400 invalid_grant (Token ***"
                    + " has been expired or revoked.)"), e.getMessage());
            assertTrue(e.getMessage().contains(endpoint.url().toString()), e.getMessage());
            messages.add(e.getMessage());

            endpoint.answer(503, "<html>down</html>");
            messages.add(expectFailure("answered HTTP 503, and the token endpoint's answer is not a JSON object"));
            endpoint.answer(200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\"} trailing");
            messages.add(expectFailure("text after the object"));
            endpoint.answer(200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"mac\"}");
            messages.add(expectFailure("issued a token of type mac, not Bearer"));
            endpoint.answer(200, "{\"access_token\":\"" + TOKEN + "\\r\\nA2 LOGOUT\",\"token_type\":\"Bearer\"}");
            messages.add(expectFailure("holds characters a bearer token may not"));
            endpoint.answer(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600}");
            messages.add(expectFailure("without an access_token"));
            endpoint.answer(200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":-5}");
            messages.add(expectFailure("expires_in that is not a whole number"));
            endpoint.answer(200, "{\"access_token\":\"" + TOKEN + "\",\"access_token\":\"" + TOKEN2
                    + "\",\"token_type\":\"Bearer\"}");
            messages.add(expectFailure("a member named twice"));
            endpoint.answer(200, "[".repeat(100));
            messages.add(expectFailure("'{' expected"));
            endpoint.answer(200, "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}");
            messages.add(expectFailure("nested deeper than"));
            endpoint.token(TOKEN, 3600);
            assertEquals(TOKEN, refreshing().build().get(), "the endpoint works again");
        } finally {
            System.err.flush();
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("Got an access token from " + endpoint.url()), "the debug line was logged: " + log);
        for (String secret : SECRETS) {
            assertFalse(log.contains(secret), "logged " + secret + ":\n" + log);
            for (String m : messages) {
                assertFalse(m.contains(secret), "message shows " + secret + ": " + m);
            }
        }
    }

    private String expectFailure(String expected) {
        OAuth2TokenException e = assertThrows(OAuth2TokenException.class, () -> refreshing().build().get());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        return e.getMessage();
    }

    @Test
    void anAnswerOverTheCapIsRefused() {
        endpoint.answer(200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"pad\":\""
                + "x".repeat(5000) + "\"}");
        OAuth2TokenException e = assertThrows(OAuth2TokenException.class,
                () -> refreshing().maxResponseBytes(1024).build().get());
        assertTrue(e.getMessage().contains("larger than 1024 bytes"), e.getMessage());
    }

    @Test
    void aSilentEndpointTimesOut() {
        endpoint.answer(200, "{}", 10_000); // far beyond the 1 s read timeout, with room for a loaded machine
        long start = System.nanoTime();
        OAuth2TokenException e = assertThrows(OAuth2TokenException.class,
                () -> refreshing().readTimeout(Duration.ofSeconds(1)).build().get());
        assertTrue(e.getMessage().contains("did not answer within 1 s"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(8).toNanos(), "bounded by the read timeout");
    }

    @Test
    void anUnreachableEndpointSaysSo() throws Exception {
        URI url = endpoint.url();
        endpoint.close();
        OAuth2TokenException e = assertThrows(OAuth2TokenException.class,
                () -> OAuth2TokenSupplier.refreshToken(url, "id", REFRESH).build().get());
        assertTrue(e.getMessage().startsWith("cannot reach the token endpoint " + url), e.getMessage());
        assertEquals(0, e.status());
    }

    @Test
    void plainHttpIsRefusedExceptOnLoopbackAndBoundsAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OAuth2TokenSupplier
                .refreshToken(URI.create("http://login.example.org/token"), "id", REFRESH));
        assertTrue(e.getMessage().contains("must be https"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OAuth2TokenSupplier
                .refreshToken(URI.create("ftp://login.example.org/token"), "id", REFRESH));
        assertThrows(IllegalArgumentException.class, () -> OAuth2TokenSupplier
                .refreshToken(URI.create("https://user:pw@login.example.org/token"), "id", REFRESH));
        OAuth2TokenSupplier.refreshToken(URI.create("https://login.example.org/token"), "id", REFRESH).build();
        OAuth2TokenSupplier.refreshToken(URI.create("http://localhost:1/token"), "id", REFRESH).build();
        OAuth2TokenSupplier.refreshToken(URI.create("http://[::1]:1/token"), "id", REFRESH).build();
        assertTrue(OAuth2TokenSupplier.loopback("127.0.0.1"));
        assertFalse(OAuth2TokenSupplier.loopback("127.example.org"));
        assertThrows(IllegalArgumentException.class, () -> refreshing().skew(Duration.ofMinutes(11)));
        assertThrows(IllegalArgumentException.class, () -> refreshing().skew(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> refreshing().readTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> refreshing().connectTimeout(Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> refreshing().maxResponseBytes(100));
        assertThrows(IllegalArgumentException.class, () -> refreshing().maxResponseBytes(2 * 1024 * 1024));
    }
}
