package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.scripted.ScriptedServer;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** maxHeldBytes and maxSpoolBytes reach the connection's budget; exceeding it aborts with its name. */
@Timeout(30)
class Imap4BudgetOptionsTest {

    private static Imap4Options options(String query) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            Imap4Endpoint endpoint = context.getEndpoint("imap4:localhost?" + query, Imap4Endpoint.class);
            return new Imap4ClientFactory().options(endpoint.getConfiguration(), context);
        }
    }

    @Test
    void theDefaultsAreTheCoresAndTheOptionsSetThem() throws Exception {
        Imap4Options defaults = options("username=joe");
        assertEquals(Imap4Options.defaults().maxHeldBytes(), defaults.maxHeldBytes());
        assertEquals(Imap4Options.DEFAULT_MAX_SPOOL_BYTES, defaults.maxSpoolBytes());
        Imap4Options set = options("maxHeldBytes=1048576&maxSpoolBytes=536870912");
        assertEquals(1_048_576L, set.maxHeldBytes());
        assertEquals(536_870_912L, set.maxSpoolBytes());
    }

    @Test
    void aNegativeBudgetIsRefused() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> options("maxHeldBytes=-1"));
        assertTrue(e.getMessage().contains("maxHeldBytes"), e.getMessage());
    }

    @Test
    void aSearchAnswerOverTheHeapBudgetAbortsTheConnection() throws Exception {
        String numbers = LongStream.rangeClosed(1, 40_000).mapToObj(Long::toString).collect(Collectors.joining(" "));
        try (ScriptedServer server = ScriptedServer.start("""
                S: * PREAUTH [CAPABILITY IMAP4rev1] ready
                C: {tag} SELECT INBOX
                S: * 40000 EXISTS
                S: {tag} OK [READ-WRITE] done
                C: {tag} UID SEARCH ALL
                S: * SEARCH %s
                !close
                """.formatted(numbers));
             DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            Exchange out = context.createProducerTemplate().request("imap4:127.0.0.1:" + server.port()
                    + "?security=PLAIN&readTimeout=10000&maxHeldBytes=65536", e -> {
                        e.getMessage().setHeader(Imap4Constants.COMMAND, "UID SEARCH");
                        e.getMessage().setHeader(Imap4Constants.ARGUMENTS, List.of("ALL"));
                        e.getMessage().setHeader(Imap4Constants.FOLDER, "INBOX");
                    });
            Imap4AbortException abort = assertInstanceOf(Imap4AbortException.class, out.getException());
            assertTrue(abort.getMessage().contains("heap budget of 65536 bytes (maxHeldBytes) exceeded"),
                    abort.getMessage());
        }
    }
}
