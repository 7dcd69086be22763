package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.imap4.client.scripted.ScriptedServer;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The tagged response's text reaches a Camel header without CR, LF or NUL, as mail header values do. */
@Timeout(30)
class Imap4ProducerResponseHeadersTest {

    @Test
    void aBareCarriageReturnInTheResponseTextBecomesASpace() throws Exception {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * PREAUTH [CAPABILITY IMAP4rev1] ready
                C: {tag} NOOP
                S: {tag} OK done<CR>Bcc: victim@example.org<NUL>!
                C: {tag} LOGOUT
                S: * BYE
                S: {tag} OK bye
                """); DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            Exchange out = context.createProducerTemplate().request("imap4:127.0.0.1:" + server.port()
                    + "?security=PLAIN&command=NOOP", e -> { });
            assertNull(out.getException());
            assertEquals("done Bcc: victim@example.org !", out.getMessage().getHeader(Imap4Constants.RESPONSE_TEXT));
            context.stop();
            server.verify();
        }
    }
}
