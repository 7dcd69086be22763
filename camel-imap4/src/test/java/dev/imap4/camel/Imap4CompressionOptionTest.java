package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.ImapClient;
import dev.imap4.client.scripted.ScriptedServer;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The compression option: off by default; on, the connection is compressed after LOGIN or PREAUTH. */
@Timeout(30)
class Imap4CompressionOptionTest {

    private static ImapClient connect(String uri) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            Imap4Endpoint endpoint = context.getEndpoint(uri, Imap4Endpoint.class);
            return new Imap4ClientFactory().connect(endpoint.getConfiguration(), context);
        }
    }

    @Test
    void offByDefault() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            Imap4Endpoint endpoint = context.getEndpoint("imap4:localhost?username=joe", Imap4Endpoint.class);
            assertFalse(endpoint.getConfiguration().isCompression());
            assertFalse(new Imap4ClientFactory().options(endpoint.getConfiguration(), context).compression());
        }
        try (ScriptedServer server = ScriptedServer.start("""
                S: * PREAUTH [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE] ready
                C: {tag} NOOP
                S: {tag} OK plain
                """)) {
            ImapClient c = connect("imap4:127.0.0.1:" + server.port() + "?security=PLAIN&readTimeout=10000");
            assertFalse(c.isCompressed());
            c.noop();
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void compressesAfterLogin() throws Exception {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * OK [CAPABILITY IMAP4rev1] ready
                C: {tag} LOGIN joe "secret"
                S: {tag} OK [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE] welcome
                C: {tag} COMPRESS DEFLATE
                S: {tag} OK DEFLATE active
                !deflate
                C: {tag} NOOP
                S: {tag} OK compressed
                """)) {
            ImapClient c = connect("imap4:127.0.0.1:" + server.port()
                    + "?security=PLAIN&readTimeout=10000&username=joe&password=secret&compression=true");
            assertTrue(c.isCompressed());
            c.noop();
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void compressesAfterPreauthAndTheProducerWorksThroughIt() throws Exception {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * PREAUTH [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE] ready
                C: {tag} COMPRESS DEFLATE
                S: {tag} OK DEFLATE active
                !deflate
                C: {tag} SELECT INBOX
                S: * 3 EXISTS
                S: {tag} OK [READ-WRITE] done
                C: {tag} UID SEARCH ALL
                S: * SEARCH 4 5 6
                S: {tag} OK searched
                !close
                """);
             DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            Exchange out = context.createProducerTemplate().request("imap4:127.0.0.1:" + server.port()
                    + "?security=PLAIN&readTimeout=10000&compression=true", e -> {
                        e.getMessage().setHeader(Imap4Constants.COMMAND, "UID SEARCH");
                        e.getMessage().setHeader(Imap4Constants.ARGUMENTS, List.of("ALL"));
                        e.getMessage().setHeader(Imap4Constants.FOLDER, "INBOX");
                    });
            assertEquals(null, out.getException());
            assertTrue(out.getMessage().getBody().toString().contains("4"), out.getMessage().getBody().toString());
        }
    }
}
