package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapClient;
import dev.imap4.client.scripted.ScriptedTransport;
import dev.imap4.client.scripted.Transcript;
import dev.imap4.client.types.BodyStructure;
import dev.imap4.testing.TransportImap4;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The PARTS fetch over scripted servers: BINARY, its refusal, and a server that leaves a section out. */
@Timeout(30)
class Imap4PartFetcherTest {

    private static final String SELECT = """
            S: * PREAUTH [CAPABILITY IMAP4rev1 BINARY] ready
            C: {tag} SELECT INBOX
            S: * 1 EXISTS
            S: * OK [UIDVALIDITY 1] ok
            S: {tag} OK [READ-WRITE] SELECT completed
            """;

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    private static BodyStructure part(String type, String subtype, String encoding, String name, String number) {
        return new BodyStructure(type, subtype, name == null ? Map.of() : Map.of("name", name), null, null, encoding,
                8, -1, null, null, List.of(), null, null, List.of(), null, List.of(), number);
    }

    private static BodyStructure mail() {
        return new BodyStructure("multipart", "mixed", Map.of("boundary", "b"), null, null, null, -1, -1, null, null,
                List.of(part("text", "plain", "7BIT", null, "1"), part("application", "pdf", "BASE64", "a.pdf", "2")),
                null, null, List.of(), null, List.of(), "");
    }

    private Exchange run(String script) {
        return run(script, configMapping());
    }

    private Exchange run(String script, Imap4Configuration config) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader(Imap4Constants.BODY_STRUCTURE, mail());
        ScriptedTransport transport = new ScriptedTransport(Transcript.parse(SELECT + script), "parts");
        ImapClient client = new TransportImap4(transport, Imap4Options.defaults()).client();
        client.select("INBOX");
        new Imap4MimeMapper(config).fetchParts(client, Map.of(7L, exchange));
        transport.close();
        return exchange;
    }

    private static String attachment(Exchange exchange, String name) throws Exception {
        return attachment(exchange, name, configMapping());
    }

    private static String attachment(Exchange exchange, String name, Imap4Configuration config) throws Exception {
        new Imap4MimeMapper(config).map(exchange);
        if (((AttachmentMessage) exchange.getMessage()).getAttachment(name) == null) {
            return null;
        }
        try (var in = ((AttachmentMessage) exchange.getMessage()).getAttachment(name).getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    private static Imap4Configuration configMapping() {
        Imap4Configuration config = new Imap4Configuration();
        config.setMapAttachments(true);
        config.setFetchContent(Imap4FetchContent.PARTS);
        return config;
    }

    @Test
    void aBase64PartIsFetchedWithBinaryWhenTheServerOffersIt() throws Exception {
        Exchange e = run("""
                C: {tag} UID FETCH 7 (UID BINARY.PEEK[2])
                S: * 1 FETCH (UID 7 BINARY[2] ~{4}
                R: %PDF
                S: )
                S: {tag} OK done
                """);
        assertEquals("%PDF", attachment(e, "a.pdf"));
    }

    @Test
    void aRefusedBinaryFetchIsAskedAgainWithBody() throws Exception {
        Exchange e = run("""
                C: {tag} UID FETCH 7 (UID BINARY.PEEK[2])
                S: {tag} NO [UNKNOWN-CTE] cannot decode that part
                C: {tag} UID FETCH 7 (UID BODY.PEEK[2])
                S: * 1 FETCH (UID 7 BODY[2] {8}
                R: JVBERg==
                S: )
                S: {tag} OK done
                """);
        assertEquals("%PDF", attachment(e, "a.pdf"));
    }

    @Test
    void aSectionTheServerLeavesOutFailsThatMessage() {
        Exchange e = run("""
                C: {tag} UID FETCH 7 (UID BINARY.PEEK[2])
                S: * 1 FETCH (UID 7 FLAGS ())
                S: {tag} OK done
                """);
        Imap4MimeException failure = assertThrows(Imap4MimeException.class,
                () -> new Imap4MimeMapper(configMapping()).map(e));
        assertTrue(failure.getMessage().contains("no data for BINARY.PEEK[2]"), failure.getMessage());
    }

    @Test
    void aPartLargerThanItsBodystructureSaidIsDroppedAboveAttachmentMaxSize() throws Exception {
        Imap4Configuration config = configMapping();
        config.setAttachmentMaxSize(16); // the BODYSTRUCTURE says 8 bytes, so the part is fetched
        Exchange e = run("""
                C: {tag} UID FETCH 7 (UID BINARY.PEEK[2])
                S: * 1 FETCH (UID 7 BINARY[2] ~{64}
                R: %PDF-01234567890123456789012345678901234567890123456789012345678
                S: )
                S: {tag} OK done
                """, config);
        assertEquals(null, attachment(e, "a.pdf", config));
    }

    @Test
    void aTextLargerThanTextBodyMaxSizeFailsThatMessage() {
        Imap4Configuration config = configMapping();
        config.setMapAttachments(false);
        config.setTextBody(Imap4TextBody.PLAIN);
        config.setTextBodyMaxSize(10);
        Exchange e = run("""
                C: {tag} UID FETCH 7 (UID BODY.PEEK[1])
                S: * 1 FETCH (UID 7 BODY[1] {20}
                R: twenty bytes of text
                S: )
                S: {tag} OK done
                """, config);
        Imap4MimeException failure = assertThrows(Imap4MimeException.class, () -> new Imap4MimeMapper(config).map(e));
        assertTrue(failure.getMessage().contains("larger than textBodyMaxSize (10 bytes)"), failure.getMessage());
    }
}
