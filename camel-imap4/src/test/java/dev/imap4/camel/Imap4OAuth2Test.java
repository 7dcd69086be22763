package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.sasl.OAuth2TokenException;
import dev.imap4.client.sasl.OAuth2TokenSupplier;
import dev.imap4.testing.FakeTokenEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The oauth2 options against GreenMail (whose XOAUTH2 takes the user's password as the bearer
 * token) and a fake token endpoint: the producer and the consumer fetch their token there, a token
 * the server refuses is replaced once, an endpoint failure fails the exchange with the OAuth error,
 * and no token or secret reaches the log (captured at every level of the component) or a message.
 */
@Timeout(60)
class Imap4OAuth2Test extends Imap4ConsumerTestSupport {

    static {
        System.setProperty("org.slf4j.simpleLogger.log.dev.imap4.client.sasl.OAuth2TokenSupplier", "trace");
    }

    private static final String TOKEN = "ya29.Ann-access-T0ken";
    private static final String STALE = "ya29.Stale-T0ken";
    private static final String CLIENT_SECRET = "Cl1ent-Secret-v4lue";
    private static final String REFRESH = "1//Refresh-T0ken-value";
    private static final List<String> SECRETS = List.of(TOKEN, STALE, CLIENT_SECRET, REFRESH);

    private FakeTokenEndpoint tokens;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        MAIL.setUser("ann@example.org", "ann", TOKEN);
        tokens = new FakeTokenEndpoint();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.err.flush();
        System.setErr(originalErr);
        tokens.close();
    }

    private String oauthUri(String options) {
        return "imap4:127.0.0.1:" + MAIL.getImap().getPort() + "?security=PLAIN&username=ann&saslMechanism=XOAUTH2"
                + "&oauth2TokenUrl=" + tokens.url() + "&oauth2ClientId=client-id&oauth2ClientSecret=RAW(" + CLIENT_SECRET
                + ")&oauth2RefreshToken=RAW(" + REFRESH + ")&oauth2Scope=https://mail.google.com/"
                + (options.isEmpty() ? "" : "&" + options);
    }

    private void assertNoSecretIn(String text, String where) {
        for (String secret : SECRETS) {
            assertFalse(text.contains(secret), where + " shows " + secret + ":\n" + text);
        }
    }

    @Test
    void theProducerFetchesItsTokenAndReplacesARefusedOneOnce() throws Exception {
        tokens.token(STALE, 3600).token(TOKEN, 3600);
        String uri = oauthUri("");
        Exchange first = template.request(uri, e -> e.getMessage().setHeader(Imap4Constants.COMMAND, "NOOP"));
        assertEquals(null, first.getException());
        assertEquals("OK", first.getMessage().getHeader(Imap4Constants.RESPONSE_TYPE));
        assertEquals(2, tokens.requests().size(), "the refused token was replaced once");
        assertEquals("refresh_token", tokens.requests().get(0).form().get("grant_type"));
        assertEquals(REFRESH, tokens.requests().get(0).form().get("refresh_token"));
        assertEquals(CLIENT_SECRET, tokens.requests().get(0).form().get("client_secret"));

        template.requestBodyAndHeader(uri, null, Imap4Constants.COMMAND, "NOOP");
        assertEquals(2, tokens.requests().size(), "the pooled connection needs no new token");
        Imap4Endpoint endpoint = context.getEndpoint(uri, Imap4Endpoint.class);
        assertInstanceOf(OAuth2TokenSupplier.class, endpoint.getConfiguration().getAccessTokenSupplier());
        System.err.flush();
        String captured = log.toString(StandardCharsets.UTF_8);
        assertNoSecretIn(captured, "the log");
        assertNoSecretIn(endpoint.toString(), "the endpoint");
    }

    @Test
    void aTokenRefusedTwiceFailsTheExchangeWithoutLeakingIt() throws Exception {
        tokens.token(STALE, 3600).token(STALE + "2", 3600);
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(oauthUri(""), null, Imap4Constants.COMMAND, "NOOP"));
        assertEquals(2, tokens.requests().size(), "one retry, not more");
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertNoSecretIn(trace.toString(), "the exception");
        System.err.flush();
        assertNoSecretIn(log.toString(StandardCharsets.UTF_8), "the log");
    }

    @Test
    void anEndpointFailureFailsTheExchangeWithTheOAuthError() throws Exception {
        tokens.answer(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Bad refresh token " + REFRESH + "\"}");
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(oauthUri(""), null, Imap4Constants.COMMAND, "NOOP"));
        OAuth2TokenException cause = assertInstanceOf(OAuth2TokenException.class, e.getCause());
        assertEquals("invalid_grant", cause.error());
        assertTrue(cause.getMessage().contains("HTTP 400 invalid_grant (Bad refresh token ***)"), cause.getMessage());
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertNoSecretIn(trace.toString(), "the exception");
        System.err.flush();
        assertNoSecretIn(log.toString(StandardCharsets.UTF_8), "the log");
    }

    @Test
    void theConsumerLogsInWithItsTokenAndAFailedEndpointIsTheHealthReason() throws Exception {
        tokens.answer(503, "{\"error\":\"temporarily_unavailable\"}").token(TOKEN, 3600);
        mailbox.close();
        mailbox = new TestMailbox(MAIL.getImap().getPort());
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from(oauthUri("initialDelay=0&delay=100&searchCriteria=ALL&onSuccess=NONE")).routeId("r").to("mock:out");
            }
        });
        // the first poll fails on the token endpoint; the next one logs in and sees the folder
        long end = System.nanoTime() + 10_000_000_000L;
        while (tokens.requests().size() < 2 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(2, tokens.requests().size());
        Imap4Consumer consumer = imapConsumer();
        while (consumer.getUidValidity() < 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(consumer.getUidValidity() > 0, "logged in and selected INBOX");
        assertTrue(consumer.getLastPollError().contains("temporarily_unavailable"), consumer.getLastPollError());
        assertNoSecretIn(consumer.getLastPollError(), "the last error");
        System.err.flush();
        assertNoSecretIn(log.toString(StandardCharsets.UTF_8), "the log");
    }

    @Test
    void incompleteOrConflictingOptionsAreRefusedAtOnce() {
        assertRefused(oauthUri("").replace("&oauth2ClientId=client-id", ""), "needs oauth2ClientId");
        assertRefused("imap4:localhost?oauth2ClientId=x", "need oauth2TokenUrl");
        assertRefused(oauthUri("saslMechanism=LOGIN").replace("saslMechanism=XOAUTH2&", ""), "saslMechanism=LOGIN");
        assertRefused(oauthUri("").replace("http://127.0.0.1", "http://login.example.org"), "must be https");
        assertRefused(oauthUri("oauth2TokenSkew=11m"), "skew must be");
        assertRefused(oauthUri("").replaceAll("&oauth2RefreshToken=RAW\\([^)]*\\)", "")
                .replaceAll("&oauth2ClientSecret=RAW\\([^)]*\\)", ""), "oauth2RefreshToken (refresh-token grant) or");
    }

    private void assertRefused(String uri, String expected) {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint(uri));
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        assertTrue(all.toString().contains(expected), all.toString());
        assertNoSecretIn(all.toString(), "the error");
    }
}
