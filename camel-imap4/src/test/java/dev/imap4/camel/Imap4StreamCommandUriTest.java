package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code streamCommand} runs a shell command line, so an endpoint URI (which a route may build
 * from message data) cannot set it unless the application allows it on the component.
 */
@Timeout(30)
class Imap4StreamCommandUriTest {

    @TempDir
    Path dir;

    @Test
    void aHeaderSmuggledIntoToDRunsNoCommand() throws Exception {
        Path marker = dir.resolve("x");
        String folder = "INBOX&streamCommand=id > " + marker + "; echo '* PREAUTH hi'";
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").toD("imap4:127.0.0.1:1?security=PLAIN&command=NOOP&folder=${header.folder}");
                }
            });
            context.start();
            Exchange out = context.createProducerTemplate().request("direct:in",
                    e -> e.getMessage().setHeader("folder", folder));
            Exception failure = out.getException();
            assertNotNull(failure, "the endpoint must be refused");
            assertFalse(Files.exists(marker), "the smuggled shell command ran");
            assertTrue(messages(failure).contains("streamCommand"), messages(failure));
            assertTrue(messages(failure).contains("allowStreamCommandInUri"), messages(failure));
        }
    }

    @Test
    void anyCaseOfTheOptionNameIsRefused() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                    () -> context.getEndpoint("imap4:?STREAMCOMMAND=true"));
            assertTrue(messages(e).contains("allowStreamCommandInUri"), messages(e));
        }
    }

    @Test
    void theComponentCanAllowItInUris() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Imap4Component component = new Imap4Component();
            component.setAllowStreamCommandInUri(true);
            context.addComponent("imap4", component);
            context.start();
            Imap4Endpoint endpoint = context.getEndpoint("imap4:?streamCommand=/usr/sbin/imapd", Imap4Endpoint.class);
            assertEquals("/usr/sbin/imapd", endpoint.getConfiguration().getStreamCommand());
        }
    }

    @Test
    void aComponentLevelStreamCommandNeedsNoPermission() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Imap4Component component = new Imap4Component();
            component.getConfiguration().setStreamCommand("/usr/sbin/imapd");
            context.addComponent("imap4", component);
            context.start();
            Imap4Endpoint endpoint = context.getEndpoint("imap4:?folder=Archive", Imap4Endpoint.class);
            assertEquals("/usr/sbin/imapd", endpoint.getConfiguration().getStreamCommand());
        }
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append(" | ");
        }
        return sb.toString();
    }
}
