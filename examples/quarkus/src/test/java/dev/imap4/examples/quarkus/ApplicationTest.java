package dev.imap4.examples.quarkus;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.imap4.camel.Imap4Component;
import dev.imap4.camel.Imap4ComponentConfigurer;
import dev.imap4.camel.Imap4Constants;
import dev.imap4.camel.Imap4Security;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The application with its demo server: component options and the route consuming the mail. */
@QuarkusTest
@WithTestResource(FreeImapPort.class)
class ApplicationTest {

    @Inject
    CamelContext camelContext;
    @Inject
    ProducerTemplate template;
    @ConfigProperty(name = "imap.port")
    int port;

    @Test
    void componentOptionsAreBoundThroughTheGeneratedConfigurer() {
        Imap4Component imap4 = camelContext.getComponent("imap4", Imap4Component.class);
        assertInstanceOf(Imap4ComponentConfigurer.class, imap4.getComponentPropertyConfigurer());
        assertEquals(Imap4Security.PLAIN, imap4.getConfiguration().getSecurity());
        assertEquals("joe", imap4.getConfiguration().getUsername());
    }

    @Test
    void theRouteConsumesEveryDemoMessage() {
        // the route marks each message it logged as seen, so in the end none is unseen
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(),
                template.requestBodyAndHeaders("imap4:127.0.0.1:" + port, null,
                        Map.of(Imap4Constants.COMMAND, "SEARCH", Imap4Constants.ARGUMENTS, "UNSEEN"))));
    }
}
