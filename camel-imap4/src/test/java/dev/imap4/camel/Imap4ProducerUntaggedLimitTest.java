package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.UntaggedResponse;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CamelImap4UntaggedResponses keeps at most maxUntaggedResponses responses and
 * maxUntaggedResponseBytes bytes, the newest ones; CamelImap4UntaggedResponsesDropped counts the rest.
 */
@Timeout(60)
class Imap4ProducerUntaggedLimitTest {

    private static Exchange noop(UntaggedFloodServer server, String options) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            Exchange out = context.createProducerTemplate().request("imap4:127.0.0.1:" + server.port()
                    + "?security=PLAIN&command=NOOP&readTimeout=20000" + options, e -> { });
            if (out.getException() != null) {
                throw out.getException();
            }
            return out;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<UntaggedResponse> untagged(Exchange out) {
        return out.getMessage().getHeader(Imap4Constants.UNTAGGED_RESPONSES, List.class);
    }

    @Test
    void aFloodOfExistsKeepsTheNewestThousand() throws Exception {
        try (UntaggedFloodServer server = new UntaggedFloodServer("* 7 EXISTS", 20_000)) {
            Exchange out = noop(server, "");
            assertEquals(1000, untagged(out).size());
            assertEquals(19_000L, out.getMessage().getHeader(Imap4Constants.UNTAGGED_RESPONSES_DROPPED));
            assertEquals("EXISTS", untagged(out).get(999).name());
        }
    }

    @Test
    void theByteLimitHoldsForLargeResponses() throws Exception {
        String big = "* XFOO " + "x".repeat(4000);
        try (UntaggedFloodServer server = new UntaggedFloodServer(big, 500)) {
            Exchange out = noop(server, "&maxUntaggedResponseBytes=65536");
            List<UntaggedResponse> kept = untagged(out);
            assertTrue(kept.size() >= 10 && kept.size() <= 16, "kept " + kept.size());
            assertEquals(500L - kept.size(), out.getMessage().getHeader(Imap4Constants.UNTAGGED_RESPONSES_DROPPED));
        }
    }

    @Test
    void aSmallAnswerIsKeptWhole() throws Exception {
        try (UntaggedFloodServer server = new UntaggedFloodServer("* 3 RECENT", 2)) {
            Exchange out = noop(server, "");
            assertEquals(2, untagged(out).size());
            assertEquals(0L, out.getMessage().getHeader(Imap4Constants.UNTAGGED_RESPONSES_DROPPED));
        }
    }
}
