package dev.imap4.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imap4.camel.Imap4Component;
import dev.imap4.camel.Imap4Constants;
import dev.imap4.camel.Imap4Security;
import dev.imap4.client.types.MailboxStatus;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application with its demo server: component options, the route consuming the mail, and health. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationTest {

    private static final int IMAP_PORT = freePort();

    @DynamicPropertySource
    static void demoServerOnAFreePort(DynamicPropertyRegistry registry) {
        registry.add("imap.port", () -> IMAP_PORT);
        registry.add("imap.poll-delay", () -> "500");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    @Autowired
    private CamelContext camelContext;
    @Autowired
    private ProducerTemplate template;
    @Autowired
    private TestRestTemplate rest;

    @Test
    void componentOptionsComeFromApplicationProperties() {
        Imap4Component imap4 = camelContext.getComponent("imap4", Imap4Component.class);
        assertThat(imap4.getConfiguration().getSecurity()).isEqualTo(Imap4Security.PLAIN);
        assertThat(imap4.getConfiguration().getUsername()).isEqualTo("joe");
        assertThat(imap4.getConfiguration().getPassword()).isNotBlank();
    }

    @Test
    void anEndpointNamingOnlyHostAndPortLogsInWithThem() {
        MailboxStatus inbox = template.requestBodyAndHeaders("imap4:127.0.0.1:" + IMAP_PORT, null,
                Map.of(Imap4Constants.COMMAND, "STATUS", Imap4Constants.ARGUMENTS, List.of("INBOX", "(MESSAGES)")),
                MailboxStatus.class);
        assertThat(inbox.messages()).isEqualTo(3L);
    }

    @Test
    void theRouteConsumesEveryDemoMessage() {
        // the route marks each message it logged as seen, so in the end none is unseen
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                template.requestBodyAndHeaders("imap4:127.0.0.1:" + IMAP_PORT, null,
                        Map.of(Imap4Constants.COMMAND, "SEARCH", Imap4Constants.ARGUMENTS, "UNSEEN"), List.class))
                .isEmpty());
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthIsUpWithTheContextRouteAndConsumerChecks() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ResponseEntity<Map> response = rest.getForEntity("/actuator/health", Map.class);
            assertThat(response.getStatusCode().value()).isEqualTo(200);
            Map<String, Object> components = (Map<String, Object>) response.getBody().get("components");
            Map<String, Object> camel = (Map<String, Object>) components.get("camelHealth");
            assertThat(camel).containsEntry("status", "UP");
            assertThat((Map<String, Object>) camel.get("details"))
                    .containsEntry("context", "UP")
                    .containsEntry("route:inbox", "UP")
                    .containsEntry("consumer:inbox", "UP");
        });
    }
}
