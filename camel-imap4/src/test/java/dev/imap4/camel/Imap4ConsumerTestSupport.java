package dev.imap4.camel;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GreenMail on a dynamic port, user joe, and a route from an imap4 endpoint to mock:out. */
abstract class Imap4ConsumerTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    TestMailbox mailbox;

    @BeforeEach
    void openMailbox() {
        MAIL.setUser("joe@example.org", "joe", "secret");
        mailbox = new TestMailbox(MAIL.getImap().getPort());
    }

    @AfterEach
    void closeMailbox() {
        mailbox.close();
    }

    /** An endpoint URI on GreenMail polling every 100 ms unless {@code options} (a&b=c form) set a delay. */
    String uri(String options) {
        boolean ownDelay = ("&" + options).contains("&delay=");
        return "imap4:127.0.0.1:" + MAIL.getImap().getPort() + "?security=PLAIN&username=joe&password=secret"
                + "&initialDelay=0" + (ownDelay ? "" : "&delay=100") + (options.isEmpty() ? "" : "&" + options);
    }

    /** Starts route "r" from the endpoint to {@code mock:out}. */
    MockEndpoint consume(String options) throws Exception {
        return consume(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(options)).routeId("r").to("mock:out");
            }
        });
    }

    /** Adds {@code routes} (which should end in mock:out) and returns mock:out. */
    MockEndpoint consume(RouteBuilder routes) throws Exception {
        context.addRoutes(routes);
        return getMockEndpoint("mock:out");
    }

    Imap4Consumer imapConsumer() {
        return (Imap4Consumer) context.getRoute("r").getConsumer();
    }
}
