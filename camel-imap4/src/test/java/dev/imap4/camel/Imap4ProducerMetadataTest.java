package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.Metadata;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** GETMETADATA and SETMETADATA as typed producer operations (RFC 5464), without allowRawCommands. */
@Timeout(30)
class Imap4ProducerMetadataTest {

    private static Exchange send(ProducerTemplate template, ScriptedServer server, String command, Object arguments) {
        String uri = "imap4:127.0.0.1:" + server.port() + "?security=PLAIN&readTimeout=10000";
        return template.request(uri, e -> {
            e.getMessage().setHeader(Imap4Constants.COMMAND, command);
            e.getMessage().setHeader(Imap4Constants.ARGUMENTS, arguments);
        });
    }

    @Test
    void getAndSetMetadataAreTyped() throws Exception {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * PREAUTH [CAPABILITY IMAP4rev1 METADATA] ready
                C: {tag} SETMETADATA INBOX (/private/comment "Q3 final" /private/old NIL)
                S: {tag} OK set
                C: {tag} GETMETADATA (MAXSIZE 1048576) INBOX (/private/comment /private/old)
                S: * METADATA INBOX (/private/comment "Q3 final" /private/old NIL)
                S: {tag} OK done
                C: {tag} LOGOUT
                S: * BYE
                S: {tag} OK bye
                """)) {
            DefaultCamelContext context = new DefaultCamelContext();
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            Exchange set = send(template, server, "SETMETADATA", List.of("INBOX", "(/private/comment \"Q3 final\" /private/old NIL)"));
            assertNull(set.getException());
            Exchange got = send(template, server, "GETMETADATA", List.of("INBOX", "(\"/private/comment\" /private/old)"));
            assertNull(got.getException());
            Metadata m = got.getMessage().getBody(Metadata.class);
            assertEquals("Q3 final", m.get("/private/comment"));
            assertNull(m.get("/private/old"));
            context.close();
            server.verify();
        }
    }
}
