package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ten million {@code * 1 EXISTS} during one producer command, with a 64 MB heap: the producer's
 * CamelImap4UntaggedResponses stays bounded, so the exchange completes instead of running out of
 * memory. Runs in the bounded-memory execution.
 */
@Tag("bounded-memory")
@Timeout(300)
class Imap4ProducerUntaggedBoundedMemoryTest {

    private static final long FLOOD = 10_000_000;

    @Test
    void millionsOfExistsDuringOneCommandDoNotExhaustTheHeap() throws Exception {
        try (UntaggedFloodServer server = new UntaggedFloodServer("* 1 EXISTS", FLOOD);
                DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            Exchange out = context.createProducerTemplate().request("imap4:127.0.0.1:" + server.port()
                    + "?security=PLAIN&command=NOOP&readTimeout=60000", e -> { });
            if (out.getException() != null) {
                throw out.getException();
            }
            assertEquals(1000, out.getMessage().getHeader(Imap4Constants.UNTAGGED_RESPONSES, List.class).size());
            assertEquals(FLOOD - 1000, out.getMessage().getHeader(Imap4Constants.UNTAGGED_RESPONSES_DROPPED));
        }
    }
}
