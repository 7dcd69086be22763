package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server that answers the consumer's QRESYNC resynchronisation with a million changed messages,
 * with a 64 MB heap: the SELECT stops at the connection's heap budget (maxHeldBytes) instead of
 * filling the heap, no flag change is routed, the saved MODSEQ stays where it was, and new mail
 * still flows. Runs in an execution of its own (flag-flood), so its heap is not shared.
 */
@Timeout(300)
class Imap4ConsumerFlagFloodBoundedMemoryTest extends CamelTestSupport {

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS ENABLE CONDSTORE QRESYNC");

    @Test
    void aMillionChangedMessagesDoNotFillTheHeapAndNewMailStillFlows() throws Exception {
        MemoryStateRepository repo = new MemoryStateRepository();
        context.getRegistry().bind("state", repo);
        List<String> flagEvents = new CopyOnWriteArrayList<>();
        fake.server().add(TestMailbox.message("m1", "x"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("stateRepository=#state&deliverFlagChanges=true&onSuccess=NONE&incremental=true"))
                        .routeId("r")
                        .choice().when(header(Imap4Constants.FLAGS_CHANGED).isNotNull())
                            .process(e -> flagEvents.add(e.getMessage().getHeader(Imap4Constants.UID, String.class)))
                        .otherwise().to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(10000);
        String key = Imap4StateStore.key("127.0.0.1:" + fake.server().port(), "joe", "INBOX");
        String mark = repo.getState(key);
        assertTrue(mark.contains(";modseq:"), mark);

        fake.server().floodChangesOnResync(1_000_000);
        out.reset();
        out.expectedMessageCount(1);
        fake.server().add(TestMailbox.message("m2", "x"));
        out.assertIsSatisfied(120000);
        assertEquals("m2", out.getReceivedExchanges().get(0).getMessage().getHeader("Subject"));
        assertEquals(List.of(), flagEvents, "nothing of the flood is routed");
        assertEquals(modSeq(mark), modSeq(repo.getState(key)), "the saved MODSEQ is kept: " + repo.getState(key));
        // the resynchronisation is not tried again while the route runs: later SELECTs are plain
        List<String> selects = fake.server().commands().stream().filter(c -> c.startsWith("SELECT")).toList();
        assertTrue(selects.get(selects.size() - 1).equals("SELECT INBOX"), selects.toString());
    }

    private static String modSeq(String state) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(";modseq:(\\d+)").matcher(state);
        assertTrue(m.find(), state);
        return m.group(1);
    }
}
