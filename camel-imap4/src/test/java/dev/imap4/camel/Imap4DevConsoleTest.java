package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The imap4 dev console, found as Camel finds it (the generated service file), in text and JSON,
 * with one consumer and one producer on the fake server; the password shows nowhere.
 */
@Timeout(60)
class Imap4DevConsoleTest extends CamelTestSupport {

    private static final String PASSWORD = "s3cret-Pa55";

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS");

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private DevConsole console() throws Exception {
        fake.server().add(TestMailbox.message("one", "body one"));
        fake.server().add(TestMailbox.message("two", "body two"));
        // the fake server knows joe's password as "secret": the endpoints log in with a wrapper that
        // carries another one in the URI, so a leak of the URI's password would show
        context.getComponent("imap4", Imap4Component.class).setClientFactory(new Imap4ClientFactory() {
            @Override
            public dev.imap4.client.ImapClient connect(Imap4Configuration config, org.apache.camel.CamelContext c)
                    throws Exception {
                Imap4Configuration copy = config.copy();
                copy.setPassword("secret");
                return super.connect(copy, c);
            }
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("").replace("password=secret", "password=" + PASSWORD)).routeId("inbox").to("mock:out");
                from("direct:cmd").to(fake.uri("poolSize=2").replace("password=secret", "password=" + PASSWORD));
            }
        });
        getMockEndpoint("mock:out").expectedMessageCount(2);
        getMockEndpoint("mock:out").assertIsSatisfied(10000);
        template.sendBodyAndHeader("direct:cmd", null, Imap4Constants.COMMAND, "NOOP");
        Imap4Consumer consumer = (Imap4Consumer) context.getRoute("inbox").getConsumer();
        await(() -> consumer.getMessagesCompleted() == 2, "outcomes counted");
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("imap4");
        assertInstanceOf(Imap4DevConsole.class, console, "found through the generated service file");
        return console;
    }

    @Test
    void textShowsEachConsumerAndProducer() throws Exception {
        String text = (String) console().call(DevConsole.MediaType.TEXT);
        String server = "127.0.0.1:" + fake.server().port();
        assertTrue(text.contains("Consumer inbox: joe at " + server + " folder INBOX"), text);
        assertTrue(text.contains("Capabilities: IMAP4REV1 UIDPLUS"), text);
        assertTrue(text.contains("UIDVALIDITY: 1000  Last UID: 2  In flight: 0"), text);
        assertTrue(text.contains("Received: 2  Completed: 2  Failed: 0  Parked: 0  Skipped: 0"), text);
        assertTrue(text.contains("Last error: none"), text);
        assertTrue(text.contains("Producer: joe at " + server), text);
        assertTrue(text.contains("Pool: 0 in use, 1 idle, at most 2"), text);
        assertTrue(text.contains("Commands: 1 total, 0 failed"), text);
        assertFalse(text.contains(PASSWORD), text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonCarriesTheSameFields() throws Exception {
        JsonObject json = (JsonObject) console().call(DevConsole.MediaType.JSON);
        String serialized = Jsoner.serialize(json);
        assertFalse(serialized.contains(PASSWORD), serialized);
        List<Map<String, Object>> consumers = (List<Map<String, Object>>) json.get("consumers");
        assertEquals(1, consumers.size());
        Map<String, Object> c = consumers.get(0);
        assertEquals("inbox", c.get("routeId"));
        assertEquals("127.0.0.1:" + fake.server().port(), c.get("server"));
        assertEquals("INBOX", c.get("folder"));
        assertEquals("IMAP4REV1 UIDPLUS", c.get("capabilities"));
        assertEquals(1000L, c.get("uidValidity"));
        assertEquals(2L, c.get("lastUid"));
        assertEquals(0L, c.get("inFlight"));
        assertEquals(null, c.get("lastError"));
        assertEquals(2L, c.get("completed"));
        List<Map<String, Object>> producers = (List<Map<String, Object>>) json.get("producers");
        assertEquals(1, producers.size());
        Map<String, Object> p = producers.get(0);
        assertEquals(2, p.get("poolSize"));
        assertEquals(1, p.get("poolIdle"));
        assertEquals(0, p.get("poolInUse"));
        assertEquals(Map.of("NOOP ok", 1L), p.get("commands"));
    }
}
