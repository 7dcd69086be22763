package dev.imap4.examples.springboot;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The "demo" profile (on unless another profile is chosen): an in-process IMAP server on
 * 127.0.0.1 with the account the component is configured with and three messages in its INBOX.
 * It starts before Camel's routes and stops with the application.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
public class DemoMailServer {

    @Bean(destroyMethod = "stop")
    GreenMail demoImapServer(@Value("${imap.port}") int port,
            @Value("${camel.component.imap4.username}") String username,
            @Value("${camel.component.imap4.password}") String password) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        greenMail.start();
        GreenMailUser user = greenMail.setUser(username + "@example.org", username, password);
        ServerSetup setup = greenMail.getImap().getServerSetup();
        user.deliver(GreenMailUtil.createTextEmail(user.getEmail(), "ann@example.org", "Minutes of Monday's meeting",
                "Attached, as promised.", setup));
        user.deliver(GreenMailUtil.createTextEmail(user.getEmail(), "billing@example.com", "Your invoice 2026-031",
                "Amount due: 42.00 EUR.", setup));
        user.deliver(GreenMailUtil.createTextEmail(user.getEmail(), "bob@example.net", "Lunch?",
                "Thai place at noon?", setup));
        LoggerFactory.getLogger(DemoMailServer.class)
                .info("Demo IMAP server on 127.0.0.1:{}, user {}, 3 messages in INBOX", port, username);
        return greenMail;
    }
}
