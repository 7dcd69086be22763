package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.types.SearchKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The producer's SEARCH and SORT with a typed SearchKey, as the body or the CamelImap4SearchCriteria header. */
@Timeout(60)
class Imap4ProducerSearchKeyTest extends CamelTestSupport {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:imap").to("imap4:127.0.0.1:" + MAIL.getImap().getPort()
                        + "?security=PLAIN&username=joe&password=secret");
            }
        };
    }

    @BeforeEach
    void fill() {
        MAIL.setUser("joe@example.org", "joe", "secret");
        append("b invoice", "billing@example.org");
        append("a greeting", "ann@example.org");
        append("c invoice", "billing@example.org");
    }

    private void append(String subject, String from) {
        byte[] raw = ("From: " + from + "\r\nTo: joe@example.org\r\nSubject: " + subject + "\r\n\r\nx\r\n")
                .getBytes(StandardCharsets.UTF_8);
        Exchange e = run("APPEND", null, raw, Map.of());
        assertEquals(null, e.getException());
    }

    private Exchange run(String command, Object arguments, Object body, Map<String, Object> extra) {
        Map<String, Object> headers = new HashMap<>(extra);
        headers.put(Imap4Constants.COMMAND, command);
        if (arguments != null) {
            headers.put(Imap4Constants.ARGUMENTS, arguments);
        }
        return template.request("direct:imap", e -> {
            e.getMessage().setHeaders(headers);
            e.getMessage().setBody(body);
        });
    }

    private Object ok(Exchange e) {
        if (e.getException() != null) {
            throw new AssertionError("failed", e.getException());
        }
        return e.getMessage().getBody();
    }

    @Test
    void aSearchKeyBodyIsTheProgram() {
        Exchange e = run("UID SEARCH", null, SearchKey.from("billing@example.org"), Map.of());
        assertEquals(List.of(1L, 3L), ok(e));
        assertEquals("1,3", e.getMessage().getHeader(Imap4Constants.MESSAGE_SET));
    }

    @Test
    void theHeaderWinsOverTheBody() {
        Exchange e = run("SEARCH", null, "ignored text body",
                Map.of(Imap4Constants.SEARCH_CRITERIA, SearchKey.not(SearchKey.from("billing@example.org"))));
        assertEquals(List.of(2L), ok(e));
    }

    @Test
    void sortTakesItsCriteriaFromTheArguments() {
        Exchange e = run("UID SORT", "(SUBJECT)", null, Map.of(Imap4Constants.SEARCH_CRITERIA, SearchKey.ALL));
        assertEquals(List.of(2L, 1L, 3L), ok(e));
        Exchange reverse = run("UID SORT", List.of("REVERSE SUBJECT"), SearchKey.subject("invoice"), Map.of());
        assertEquals(List.of(3L, 1L), ok(reverse));
    }

    @Test
    void ambiguousOrWrongInputIsRefusedClearly() {
        Exchange twice = run("UID SEARCH", "UNSEEN", SearchKey.ALL, Map.of());
        assertInstanceOf(IllegalArgumentException.class, twice.getException());
        assertTrue(twice.getException().getMessage().contains("twice"), twice.getException().getMessage());

        Exchange text = run("UID SEARCH", null, null, Map.of(Imap4Constants.SEARCH_CRITERIA, "ALL"));
        assertInstanceOf(IllegalArgumentException.class, text.getException());
        assertTrue(text.getException().getMessage().contains("CamelImap4Arguments"), text.getException().getMessage());

        Exchange sortWithout = run("UID SORT", List.of("(SUBJECT)", "UTF-8"), SearchKey.ALL, Map.of());
        assertInstanceOf(IllegalArgumentException.class, sortWithout.getException());

        // GreenMail does not offer WITHIN: refused before anything is sent, the connection stays usable
        Exchange within = run("UID SEARCH", null, SearchKey.younger(Duration.ofDays(1)), Map.of());
        assertInstanceOf(Imap4Exception.class, within.getException());
        assertTrue(within.getException().getMessage().contains("WITHIN"), within.getException().getMessage());
        assertEquals(List.of(1L, 2L, 3L), ok(run("UID SEARCH", null, SearchKey.ALL, Map.of())));
    }
}
