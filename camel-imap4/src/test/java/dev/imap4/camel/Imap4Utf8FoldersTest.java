package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.ModifiedUtf7;
import dev.imap4.client.scripted.ScriptedServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Non-ASCII folder names end to end: the consumer's folder, moveTo/copyTo (options and headers) and
 * errorFolder, and the producer's folder header, over a server with UTF8=ACCEPT (names as UTF-8,
 * RFC 6855) and over one without (names in modified UTF-7, RFC 3501 §5.1.3).
 */
@Timeout(60)
class Imap4Utf8FoldersTest extends CamelTestSupport {

    private static final String FOLDER = "Posteingang-Été";
    private static final String COPY_TO = "Kopie-ö";
    private static final String MOVE_TO = "Verschoben-ä";
    private static final String ERROR_FOLDER = "Fehler-ü";

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS ENABLE UTF8=ACCEPT");

    private static String param(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The name as the fake server keeps it: the bytes of the command line read as ISO-8859-1. */
    private static String onWire(String name, boolean utf8) {
        return utf8 ? new String(("\"" + name + "\"").getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
                : ModifiedUtf7.encode(name);
    }

    private static String unquoted(String wire) {
        return wire.startsWith("\"") ? wire.substring(1, wire.length() - 1) : wire;
    }

    private static void await(Callable<Boolean> condition, java.util.function.Supplier<String> what) throws Exception {
        long end = System.currentTimeMillis() + 10000;
        while (!condition.call() && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        assertTrue(condition.call(), what);
    }

    private void consumeAndCheck(FakeImapServer server, boolean utf8) throws Exception {
        server.add(TestMailbox.message("copy me", "x"));
        server.add(TestMailbox.message("move me", "y"));
        server.add(TestMailbox.message("fail me", "z"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(fake.uri("folder=" + param(FOLDER) + "&onSuccess=COPY&copyTo=" + param(COPY_TO)
                        + "&onFailure=MOVE&errorFolder=" + param(ERROR_FOLDER)
                        + "&maxFailedAttempts=1&createMissingFolders=true"))
                        .routeId("r")
                        .to("mock:out")
                        .choice()
                        .when(header("Subject").isEqualTo("move me")).setHeader(Imap4Constants.MOVE_TO, constant(MOVE_TO))
                        .when(header("Subject").isEqualTo("fail me")).throwException(new IllegalStateException("poison"))
                        .end();
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMinimumMessageCount(3);
        out.assertIsSatisfied(10000);
        // copyTo is the default action, so the message moved by the header is copied as well
        await(() -> server.uids(unquoted(onWire(COPY_TO, utf8))).size() == 2
                && server.uids(unquoted(onWire(MOVE_TO, utf8))).size() == 1
                && server.uids(unquoted(onWire(ERROR_FOLDER, utf8))).size() == 1, () -> "copied, moved and parked: "
                        + server.commands().subList(0, Math.min(30, server.commands().size())));
        context.getRouteController().stopRoute("r");
        List<String> commands = server.commands();
        assertTrue(commands.contains("SELECT " + onWire(FOLDER, utf8)), commands.toString());
        for (String name : List.of(COPY_TO, MOVE_TO, ERROR_FOLDER)) {
            assertTrue(commands.contains("CREATE " + onWire(name, utf8)), name + ": " + commands);
        }
        assertEquals(utf8, commands.contains("ENABLE UTF8=ACCEPT"), commands.toString());
        if (utf8) {
            assertTrue(commands.stream().noneMatch(c -> c.contains("&")), "no modified UTF-7 after ENABLE: " + commands);
        }
    }

    @Test
    void consumerFoldersTravelAsUtf8OverUtf8AcceptAndAsModifiedUtf7WithoutIt() throws Exception {
        consumeAndCheck(fake.server(), true);
        context.removeRoute("r");
        getMockEndpoint("mock:out").reset();
        consumeAndCheck(fake.restart("UIDPLUS"), false);
    }

    private static Exchange append(ScriptedServer server, String folder, String message) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            String uri = "imap4:127.0.0.1:" + server.port() + "?security=PLAIN&readTimeout=10000";
            return template.request(uri, e -> {
                e.getMessage().setHeader(Imap4Constants.COMMAND, "APPEND");
                e.getMessage().setHeader(Imap4Constants.FOLDER, folder);
                e.getMessage().setBody(message.getBytes(StandardCharsets.UTF_8));
            });
        }
    }

    @Test
    void producerFolderHeaderAndUtf8HeadersWithAndWithoutUtf8Accept() throws Exception {
        String message = "Subject: Grüße\r\n\r\nhi\r\n";
        int n = message.getBytes(StandardCharsets.UTF_8).length;
        try (ScriptedServer server = ScriptedServer.start("""
                S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE UTF8=ACCEPT LITERAL+] ready
                C: {tag} ENABLE UTF8=ACCEPT
                S: * ENABLED UTF8=ACCEPT
                S: {tag} OK enabled
                C: {tag} APPEND "Entwürfe/日本語" () UTF8 (~{%d+}
                C: Subject: Grüße<CRLF><CRLF>hi<CRLF>)
                S: {tag} OK [APPENDUID 7 3] appended
                C: {tag} LOGOUT
                S: * BYE bye
                S: {tag} OK bye
                """.formatted(n))) {
            Exchange e = append(server, "Entwürfe/日本語", message);
            assertEquals(null, e.getException());
            server.verify();
        }
        // without UTF8=ACCEPT: the name in modified UTF-7, the message as a plain literal
        try (ScriptedServer server = ScriptedServer.start("""
                S: * PREAUTH [CAPABILITY IMAP4rev1 LITERAL+] ready
                C: {tag} APPEND Entw&APw-rfe/&ZeVnLIqe- {%d+}
                C: Subject: Grüße<CRLF><CRLF>hi<CRLF>
                S: {tag} OK [APPENDUID 7 3] appended
                C: {tag} LOGOUT
                S: * BYE bye
                S: {tag} OK bye
                """.formatted(n))) {
            Exchange e = append(server, "Entwürfe/日本語", message);
            assertEquals(null, e.getException());
            server.verify();
        }
    }
}
