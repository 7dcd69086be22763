package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The consumer's and producer's JMX attributes and their reconnect operation, read and invoked
 * through the platform MBeanServer as an operator's JMX client would, against the fake server
 * (which counts LOGIN and LOGOUT).
 */
@Timeout(60)
class Imap4ManagementTest extends CamelTestSupport {

    private static final int MESSAGES = 12;

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS");

    @Override
    public void configureTest(TestExecutionConfiguration testConfiguration) {
        super.configureTest(testConfiguration);
        testConfiguration.withEnableJMX();
    }

    private MBeanServer mbeans() {
        return context.getManagementStrategy().getManagementAgent().getMBeanServer();
    }

    private ObjectName one(String type) throws Exception {
        Set<ObjectName> names = mbeans().queryNames(new ObjectName("org.apache.camel:context="
                + context.getManagementName() + ",type=" + type + ",*"), null);
        List<ObjectName> imap = new ArrayList<>();
        for (ObjectName n : names) {
            if (String.valueOf(mbeans().getAttribute(n, "EndpointUri")).startsWith("imap4:")) {
                imap.add(n);
            }
        }
        assertEquals(1, imap.size(), names.toString());
        return imap.get(0);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    @Test
    void theConsumerShowsItsStateAndReconnectsWithoutLosingOrDuplicatingAMessage() throws Exception {
        for (int i = 1; i <= MESSAGES / 2; i++) {
            fake.server().add(TestMailbox.message("message " + i, "body " + i));
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("fetchBatchSize=2")).routeId("r").delay(30).to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        ObjectName consumer = one("consumers");
        await(() -> out.getReceivedCounter() >= 2, "the first messages");
        mbeans().invoke(consumer, "reconnect", null, null);
        for (int i = MESSAGES / 2 + 1; i <= MESSAGES; i++) {
            fake.server().add(TestMailbox.message("message " + i, "body " + i));
        }
        await(() -> out.getReceivedCounter() >= MESSAGES, "every message");
        await(() -> fake.server().withFlag("\\Seen").size() == MESSAGES, "every outcome applied");
        Thread.sleep(300);

        List<Long> uids = out.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(Imap4Constants.UID, Long.class)).sorted().toList();
        List<Long> expected = new ArrayList<>();
        for (long uid = 1; uid <= MESSAGES; uid++) {
            expected.add(uid);
        }
        assertEquals(expected, uids, "each message exactly once across the reconnection");
        assertEquals(2, fake.server().count("LOGIN"), fake.server().commands().toString());
        assertTrue(fake.server().count("LOGOUT") >= 1, "the old connection was logged out");

        assertEquals("127.0.0.1:" + fake.server().port(), mbeans().getAttribute(consumer, "Server"));
        assertEquals("INBOX", mbeans().getAttribute(consumer, "Folder"));
        assertEquals(1000L, mbeans().getAttribute(consumer, "UidValidity"));
        assertEquals((long) MESSAGES, mbeans().getAttribute(consumer, "LastUid"));
        assertEquals(0L, mbeans().getAttribute(consumer, "InFlightCount"));
        assertEquals(1L, mbeans().getAttribute(consumer, "Reconnects"));
        assertEquals((long) MESSAGES, mbeans().getAttribute(consumer, "MessagesReceived"));
        assertEquals((long) MESSAGES, mbeans().getAttribute(consumer, "MessagesCompleted"));
        assertEquals("", mbeans().getAttribute(consumer, "LastPollError"));
        assertTrue(String.valueOf(mbeans().getAttribute(consumer, "Capabilities")).contains("UIDPLUS"));
    }

    @Test
    void aFailedPollIsTheLastPollErrorWithoutThePassword() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("").replace("password=secret", "password=wrong-secret")).routeId("r").to("mock:out");
            }
        });
        ObjectName consumer = one("consumers");
        await(() -> {
            try {
                return !"".equals(mbeans().getAttribute(consumer, "LastPollError"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "a failed poll");
        String error = String.valueOf(mbeans().getAttribute(consumer, "LastPollError"));
        assertTrue(error.startsWith("authentication failed"), error);
        assertTrue(!error.contains("wrong-secret"), error);
        assertEquals("", mbeans().getAttribute(consumer, "Capabilities"), "no open connection");
    }

    @Test
    void theProducerShowsItsPoolAndReconnectDropsItsConnections() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:cmd").to(fake.uri("poolSize=3"));
            }
        });
        ObjectName producer = one("producers");
        template.sendBodyAndHeader("direct:cmd", null, Imap4Constants.COMMAND, "NOOP");
        template.sendBodyAndHeader("direct:cmd", null, Imap4Constants.COMMAND, "NOOP");
        assertEquals(3, mbeans().getAttribute(producer, "PoolSize"));
        assertEquals(0, mbeans().getAttribute(producer, "PoolInUse"));
        assertEquals(1, mbeans().getAttribute(producer, "PoolIdle"));
        assertEquals(2L, mbeans().getAttribute(producer, "CommandsTotal"));
        assertEquals(0L, mbeans().getAttribute(producer, "CommandsFailed"));
        assertEquals("NOOP ok=2", mbeans().getAttribute(producer, "Commands"));
        assertEquals(1, fake.server().count("LOGIN"));

        mbeans().invoke(producer, "reconnect", null, null);
        assertEquals(0, mbeans().getAttribute(producer, "PoolIdle"));
        assertEquals(1, fake.server().count("LOGOUT"), "the idle connection was logged out");
        template.sendBodyAndHeader("direct:cmd", null, Imap4Constants.COMMAND, "NOOP");
        assertEquals(2, fake.server().count("LOGIN"), "the next exchange opened a new one");
    }

    @Test
    void aReconnectAskedForWithoutAConnectionOpensJustOne() throws Exception {
        Imap4Endpoint endpoint = context.getEndpoint(fake.uri(""), Imap4Endpoint.class);
        Imap4ConsumerCounters counters = new Imap4ConsumerCounters();
        Imap4ConsumerConnection connection = new Imap4ConsumerConnection(endpoint, counters);
        connection.lock();
        try {
            connection.requestReconnect();
            connection.select("INBOX", false);
            connection.select("INBOX", false);
            assertEquals(1, fake.server().count("LOGIN"), fake.server().commands().toString());
            connection.requestReconnect();
            connection.select("INBOX", false);
            assertEquals(2, fake.server().count("LOGIN"));
            assertEquals(1, counters.reconnects());
        } finally {
            connection.close();
            connection.unlock();
        }
    }
}
