package dev.imap4.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.imap4.camel.Imap4Component;
import dev.imap4.camel.Imap4Configuration;
import dev.imap4.camel.Imap4FetchContent;
import dev.imap4.camel.Imap4Security;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring Boot application that configures the imap4 component from properties only (the route
 * names host and port, nothing else) and consumes from GreenMail.
 */
@SpringBootTest(classes = Imap4StarterTest.App.class, properties = {
    "camel.component.imap4.security=PLAIN",
    "camel.component.imap4.username=joe",
    "camel.component.imap4.password=p&ss=w0rd+%",
    "camel.component.imap4.fetch-content=HEADERS",
    "camel.component.imap4.fetch-batch-size=2",
    "camel.component.imap4.connect-timeout=5s",
    "camel.component.imap4.read-timeout=20s"
})
@Timeout(120)
class Imap4StarterTest {

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
        registry.add("test.imap.port", () -> MAIL.getImap().getPort());
    }

    @SpringBootApplication
    static class App {
        final List<String> subjects = Collections.synchronizedList(new ArrayList<>());

        @Bean
        List<String> subjects() {
            return subjects;
        }

        @Bean
        RouteBuilder inbox(List<String> subjects) {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("imap4:127.0.0.1:{{test.imap.port}}?initialDelay=0&delay=300").routeId("inbox")
                            .process(e -> subjects.add(e.getMessage().getHeader("Subject", String.class)));
                }
            };
        }
    }

    @Autowired
    private CamelContext camelContext;
    @Autowired
    private List<String> subjects;

    @Test
    void theComponentIsConfiguredFromPropertiesAndConsumesEveryMessageOnce() throws Exception {
        Imap4Configuration c = camelContext.getComponent("imap4", Imap4Component.class).getConfiguration();
        assertThat(c.getSecurity()).isEqualTo(Imap4Security.PLAIN);
        assertThat(c.getFetchContent()).isEqualTo(Imap4FetchContent.HEADERS);
        assertThat(c.getFetchBatchSize()).isEqualTo(2);
        assertThat(c.getConnectTimeout()).isEqualTo(5_000L);
        assertThat(c.getReadTimeout()).isEqualTo(20_000L);

        GreenMailUser user = MAIL.setUser("joe@example.org", "joe", "p&ss=w0rd+%");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add("Message " + i);
            user.deliver(GreenMailUtil.createTextEmail("joe@example.org", "ann@example.org", "Message " + i, "body",
                    MAIL.getImap().getServerSetup()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> subjects.size() >= 5);
        Thread.sleep(500); // a few more polls: nothing may come twice
        assertThat(subjects).containsExactlyInAnyOrderElementsOf(sent);
    }
}
