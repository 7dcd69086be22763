package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Quirk, GNU Mailutils imap4d 3.15: the SEARCH key {@code UID set} is matched against sequence
 * numbers and {@code *} in it is not resolved, so {@code UID n:*} finds nothing. The incremental
 * consumer notices it (the server refuses {@code UID *}) and searches without the key.
 */
@Timeout(60)
class Imap4ConsumerImap4dSearchQuirkTest extends CamelTestSupport {

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("");

    private MockEndpoint route(String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri(options)).routeId("r").to("mock:out");
            }
        });
        return getMockEndpoint("mock:out");
    }

    private static List<String> subjects(MockEndpoint out) {
        return out.getReceivedExchanges().stream().map(e -> e.getMessage().getHeader("Subject", String.class)).toList();
    }

    @Test
    void imap4dAMessageAddedWhileStoppedIsFoundAfterTheRestart() throws Exception {
        MemoryStateRepository repo = new MemoryStateRepository();
        context.getRegistry().bind("state", repo);
        fake.server().searchLikeImap4d();
        fake.server().add(TestMailbox.message("m1", "x"));
        fake.server().add(TestMailbox.message("m2", "x"));
        MockEndpoint out = route("stateRepository=#state&onSuccess=NONE&incremental=true");
        out.expectedMessageCount(2);
        out.assertIsSatisfied(10000);
        context.getRouteController().stopRoute("r");

        // while stopped: the first message expunged (sequence numbers no longer equal UIDs), one added
        fake.server().expunge(1);
        fake.server().add(TestMailbox.message("m3", "x"));
        out.reset();
        out.expectedMessageCount(1);
        context.getRouteController().startRoute("r");
        out.assertIsSatisfied(10000);
        assertEquals(List.of("m3"), subjects(out));
        Thread.sleep(300);
        assertEquals(1, out.getReceivedCounter(), "m2 is not delivered again");
        List<String> commands = fake.server().commands();
        assertTrue(commands.contains("UID SEARCH UID *"), commands.toString());
        assertTrue(commands.contains("UID SEARCH UNSEEN UNDELETED"), "searched without the UID key: " + commands);
        assertEquals(1, fake.server().count("UID SEARCH UID *"), "asked once for the connection: " + commands);
    }

    @Test
    void imap4dNewMailIsFoundOnTheKeptConnection() throws Exception {
        fake.server().searchLikeImap4d();
        fake.server().add(TestMailbox.message("m1", "x"));
        MockEndpoint out = route("onSuccess=NONE&incremental=true");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(10000);
        out.reset();
        out.expectedMessageCount(2);
        fake.server().add(TestMailbox.message("m2", "x"));
        fake.server().add(TestMailbox.message("m3", "x"));
        out.assertIsSatisfied(10000);
        assertEquals(List.of("m2", "m3"), subjects(out));
    }

    @Test
    void aServerThatResolvesTheUidKeyIsNotAskedAgain() throws Exception {
        fake.server().withoutUidNext(); // every poll searches, so the probe would be asked again if it were
        fake.server().add(TestMailbox.message("m1", "x"));
        MockEndpoint out = route("onSuccess=SEEN&incremental=true");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(10000);
        long searches = fake.server().count("UID SEARCH");
        while (fake.server().count("UID SEARCH") < searches + 5) {
            Thread.sleep(20);
        }
        // UNSEEN UID 2:* finds nothing in a folder that is not empty: asked once, answered, never again
        assertEquals(1, fake.server().count("UID SEARCH UID *"), fake.server().commands().toString());
        assertTrue(fake.server().commands().stream().filter(c -> c.startsWith("UID SEARCH UNSEEN"))
                .skip(1).allMatch(c -> c.endsWith("UID 2:*")), fake.server().commands().toString());
    }
}
