package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.scripted.ScriptedServer;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The producer's UNAUTHENTICATE (RFC 8437): run only when the endpoint names it, refused when the
 * server lacks it, and never followed by a pooled connection in the logged-out state: the next
 * exchange gets a new, logged-in connection.
 */
@Timeout(30)
class Imap4ProducerUnauthenticateTest {

    private static final String LOGOUT = """
            C: {tag} LOGOUT
            S: * BYE
            S: {tag} OK bye
            """;

    private static String preauth(String caps) {
        return "S: * PREAUTH [CAPABILITY IMAP4rev1 " + caps + "] ready\n";
    }

    private static Exchange send(ProducerTemplate t, String uri, String command) {
        return t.request(uri, e -> e.getMessage().setHeader(Imap4Constants.COMMAND, command));
    }

    @Test
    void theConnectionIsClosedAfterwardsAndTheNextExchangeLogsInAfresh() throws Exception {
        try (ScriptedServer server = ScriptedServer.builder()
                .transcript(preauth("UNAUTHENTICATE") + """
                        C: {tag} NOOP
                        S: {tag} OK first
                        C: {tag} UNAUTHENTICATE
                        S: {tag} OK session ended
                        C: {tag} CAPABILITY
                        S: * CAPABILITY IMAP4rev1 UNAUTHENTICATE AUTH=PLAIN
                        S: {tag} OK done
                        """ + LOGOUT)
                .transcript(preauth("UNAUTHENTICATE") + """
                        C: {tag} NOOP
                        S: {tag} OK on a new connection
                        """ + LOGOUT)
                .start(); DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            ProducerTemplate t = context.createProducerTemplate();
            String uri = "imap4:127.0.0.1:" + server.port() + "?security=PLAIN&readTimeout=10000"
                    + "&allowedCommands=UNAUTHENTICATE,NOOP";
            assertNull(send(t, uri, "NOOP").getException());
            Exchange e = send(t, uri, "unauthenticate");
            assertNull(e.getException());
            assertEquals("OK", e.getMessage().getHeader(Imap4Constants.RESPONSE_TYPE));
            Exchange next = send(t, uri, "NOOP");
            assertNull(next.getException());
            assertEquals("on a new connection", next.getMessage().getHeader(Imap4Constants.RESPONSE_TEXT));
            context.stop();
            server.verify();
        }
    }

    @Test
    void aServerWithoutUnauthenticateGetsAClearErrorAndNothingIsSent() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(preauth("IDLE") + LOGOUT);
                DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            Exchange e = send(context.createProducerTemplate(), "imap4:127.0.0.1:" + server.port()
                    + "?security=PLAIN&readTimeout=10000&command=UNAUTHENTICATE", null);
            Imap4Exception x = assertInstanceOf(Imap4Exception.class, e.getException());
            assertTrue(x.getMessage().contains("does not offer UNAUTHENTICATE"), x.getMessage());
            context.stop();
            server.verify();
        }
    }

    @Test
    void aRefusalStillClosesTheConnection() throws Exception {
        try (ScriptedServer server = ScriptedServer.builder()
                .transcript(preauth("UNAUTHENTICATE") + """
                        C: {tag} UNAUTHENTICATE
                        S: {tag} NO not now
                        """ + LOGOUT)
                .transcript(preauth("UNAUTHENTICATE") + """
                        C: {tag} NOOP
                        S: {tag} OK new
                        """ + LOGOUT)
                .start(); DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            ProducerTemplate t = context.createProducerTemplate();
            String uri = "imap4:127.0.0.1:" + server.port() + "?security=PLAIN&readTimeout=10000"
                    + "&allowedCommands=UNAUTHENTICATE,NOOP";
            assertInstanceOf(Imap4CommandException.class, send(t, uri, "UNAUTHENTICATE").getException());
            assertNull(send(t, uri, "NOOP").getException());
            context.stop();
            server.verify();
        }
    }

    @Test
    void itRunsOnlyWhenTheEndpointNamesIt() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(preauth("UNAUTHENTICATE") + """
                C: {tag} NOOP
                S: {tag} OK fine
                """ + LOGOUT); DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            ProducerTemplate t = context.createProducerTemplate();
            // every typed operation is allowed on this endpoint, but UNAUTHENTICATE is not one of "every"
            String uri = "imap4:127.0.0.1:" + server.port() + "?security=PLAIN&readTimeout=10000";
            IllegalArgumentException x = assertInstanceOf(IllegalArgumentException.class,
                    send(t, uri, "UNAUTHENTICATE").getException());
            assertTrue(x.getMessage().contains("allowedCommands=UNAUTHENTICATE"), x.getMessage());
            assertNull(send(t, uri, "NOOP").getException());
            context.stop();
            server.verify();
        }
    }

    @Test
    void itIsATypedOperationNotARawVerb() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> context
                    .createProducerTemplate().request("imap4:127.0.0.1:1?security=PLAIN"
                            + "&allowedCommands=RAW:UNAUTHENTICATE", x -> { }));
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertTrue(root.getMessage().contains("list it as UNAUTHENTICATE without RAW:"), root.getMessage());
        }
    }
}
