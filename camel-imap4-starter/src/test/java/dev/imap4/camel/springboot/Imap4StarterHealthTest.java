package dev.imap4.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /actuator/health} shows the imap4 consumer through Camel's health checks: DOWN while the
 * server refuses the configured password (without the password in the answer), UP once it accepts it.
 */
@SpringBootTest(classes = Imap4StarterHealthTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camel.component.imap4.security=PLAIN",
            "camel.component.imap4.username=joe",
            "camel.component.imap4.password=hunter2-right",
            "management.endpoints.web.exposure.include=health",
            "management.endpoint.health.show-details=always",
            "camel.health.enabled=true",
            "camel.health.consumers-enabled=true",
            "camel.health.exposure-level=full"
        })
@Timeout(120)
class Imap4StarterHealthTest {

    // started before the application context, which needs its port; stopped after it
    static final GreenMail MAIL = new GreenMail(ServerSetupTest.IMAP.dynamicPort());

    static {
        MAIL.start();
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        // the account exists before the application starts, with another password than the configured one
        MAIL.setUser("joe@example.org", "joe", "hunter2-old");
        registry.add("test.imap.port", () -> MAIL.getImap().getPort());
    }

    @SpringBootApplication
    static class App {
        @Bean
        RouteBuilder inbox() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("imap4:127.0.0.1:{{test.imap.port}}?initialDelay=0&delay=300").routeId("inbox")
                            .log("${header.Subject}");
                }
            };
        }
    }

    @Autowired
    private TestRestTemplate rest;

    @SuppressWarnings("unchecked")
    private Map<String, Object> camelHealth() {
        ResponseEntity<Map> response = rest.getForEntity("/actuator/health", Map.class);
        Map<String, Object> components = (Map<String, Object>) response.getBody().get("components");
        assertThat(components).containsKey("camelHealth");
        return (Map<String, Object>) components.get("camelHealth");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConsumerIsDownWhileTheLoginIsRefusedAndUpOnceItIsAccepted() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ResponseEntity<String> raw = rest.getForEntity("/actuator/health", String.class);
            assertThat(raw.getStatusCode().value()).isEqualTo(503);
            assertThat(raw.getBody()).doesNotContain("hunter2");
            Map<String, Object> camel = camelHealth();
            assertThat(camel).containsEntry("status", "DOWN");
            assertThat((Map<String, Object>) camel.get("details")).containsEntry("consumer:inbox", "DOWN");
        });

        MAIL.setUser("joe@example.org", "joe", "hunter2-right");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> camel = camelHealth();
            assertThat(camel).containsEntry("status", "UP");
            assertThat((Map<String, Object>) camel.get("details")).containsEntry("consumer:inbox", "UP");
            assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
        });
    }
}
