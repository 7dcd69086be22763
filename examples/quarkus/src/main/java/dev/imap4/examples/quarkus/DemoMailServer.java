package dev.imap4.examples.quarkus;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.camel.spi.CamelEvent.CamelContextStartingEvent;
import org.apache.camel.spi.CamelEvent.CamelContextStoppedEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo mail server (on unless the "mail" profile is active): an in-process IMAP server on
 * 127.0.0.1 with the account the component is configured with and three messages in its INBOX.
 * It starts as Camel starts, before any route polls, and stops after Camel has stopped.
 */
@ApplicationScoped
public class DemoMailServer {

    @ConfigProperty(name = "demo.mail-server.enabled")
    boolean enabled;
    @ConfigProperty(name = "imap.port")
    int port;
    @ConfigProperty(name = "camel.component.imap4.username")
    String username;
    @ConfigProperty(name = "camel.component.imap4.password")
    String password;

    private GreenMail greenMail;

    void start(@Observes CamelContextStartingEvent event) {
        if (!enabled) {
            return;
        }
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        greenMail.start();
        GreenMailUser user = greenMail.setUser(username + "@example.org", username, password);
        ServerSetup setup = greenMail.getImap().getServerSetup();
        user.deliver(GreenMailUtil.createTextEmail(user.getEmail(), "ann@example.org", "Minutes of Monday's meeting",
                "Attached, as promised.", setup));
        user.deliver(GreenMailUtil.createTextEmail(user.getEmail(), "billing@example.com", "Your invoice 2026-031",
                "Amount due: 42.00 EUR.", setup));
        user.deliver(GreenMailUtil.createTextEmail(user.getEmail(), "bob@example.net", "Lunch?",
                "Thai place at noon?", setup));
        Log.infof("Demo IMAP server on 127.0.0.1:%d, user %s, 3 messages in INBOX", port, username);
    }

    void stop(@Observes CamelContextStoppedEvent event) {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
