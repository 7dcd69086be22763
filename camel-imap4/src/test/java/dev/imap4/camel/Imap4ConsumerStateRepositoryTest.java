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

/** The stateRepository in one JVM: what a saved state the consumer cannot use does. */
@Timeout(60)
class Imap4ConsumerStateRepositoryTest extends CamelTestSupport {

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS");

    private final MemoryStateRepository repo = new MemoryStateRepository();

    private String key() {
        return Imap4StateStore.key("127.0.0.1:" + fake.server().port(), "joe", "INBOX");
    }

    private MockEndpoint route(String options) throws Exception {
        context.getRegistry().bind("state", repo);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("stateRepository=#state&" + options)).routeId("r").to("mock:out");
            }
        });
        return getMockEndpoint("mock:out");
    }

    private static List<Object> uids(MockEndpoint out) {
        return out.getReceivedExchanges().stream().map(e -> e.getMessage().getHeader(Imap4Constants.UID)).toList();
    }

    @Test
    void aCorruptStateIsReplacedAndTheFolderConsumedFromTheStart() throws Exception {
        for (int i = 1; i <= 3; i++) {
            fake.server().add(TestMailbox.message("m" + i, "x"));
        }
        repo.setState(key(), "imap4-state/1;uidvalidity:1000;watermark:banana");
        MockEndpoint out = route("onSuccess=NONE&incremental=true");
        out.expectedMessageCount(3);
        out.assertIsSatisfied(10000);
        assertEquals(List.of(1L, 2L, 3L), uids(out));
        context.getRouteController().stopRoute("r");
        assertTrue(repo.getState(key()).startsWith("imap4-state/1;uidvalidity:1000;watermark:3;"), repo.getState(key()));
    }

    @Test
    void aStateOfAnotherUidValidityIsDropped() throws Exception {
        for (int i = 1; i <= 3; i++) {
            fake.server().add(TestMailbox.message("m" + i, "x"));
        }
        // saved under UIDVALIDITY 999: UIDs 1-5 named other messages then
        repo.setState(key(), "imap4-state/1;uidvalidity:999;watermark:5;done:;attempts:2*7");
        MockEndpoint out = route("onSuccess=NONE&incremental=true");
        out.expectedMessageCount(3);
        out.assertIsSatisfied(10000);
        assertEquals(List.of(1L, 2L, 3L), uids(out));
        context.getRouteController().stopRoute("r");
        assertEquals("imap4-state/1;uidvalidity:1000;watermark:3;done:;attempts:", repo.getState(key()));
    }

    @Test
    void aMatchingStateSkipsWhatIsDoneWithoutFetchingIt() throws Exception {
        for (int i = 1; i <= 5; i++) {
            fake.server().add(TestMailbox.message("m" + i, "x"));
        }
        // not incremental: the configured search runs, and the saved done UIDs are never fetched
        repo.setState(key(), "imap4-state/1;uidvalidity:1000;watermark:0;done:1:2,4;attempts:");
        MockEndpoint out = route("onSuccess=NONE&searchCriteria=ALL");
        out.expectedMessageCount(2);
        out.assertIsSatisfied(10000);
        Thread.sleep(200);
        assertEquals(List.of(3L, 5L), uids(out));
        assertTrue(fake.server().commands().stream().filter(c -> c.startsWith("UID FETCH"))
                .noneMatch(c -> c.matches("UID FETCH [^ ]*\\b[124]\\b.*")), fake.server().commands().toString());
    }
}
