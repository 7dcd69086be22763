package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** onSuccess SEEN/DELETE/MOVE/COPY/NONE, expungeMode, and the per-message override headers, on GreenMail. */
class Imap4ConsumerSuccessActionsTest extends Imap4ConsumerTestSupport {

    private static void await(Callable<Boolean> condition, String what) throws Exception {
        long end = System.currentTimeMillis() + 5000;
        while (!condition.call() && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        assertTrue(condition.call(), what);
    }

    private MockEndpoint consumeTwo(String options) throws Exception {
        mailbox.append("one");
        mailbox.append("two");
        MockEndpoint out = consume(options);
        out.expectedMessageCount(2);
        out.assertIsSatisfied(5000);
        return out;
    }

    @Test
    void deleteWithImmediateExpungeRemovesTheMessages() throws Exception {
        consumeTwo("onSuccess=DELETE&expungeMode=IMMEDIATE");
        await(() -> mailbox.flags("INBOX").isEmpty(), "expunged");
    }

    @Test
    void deleteWithBatchExpungeRemovesTheMessagesAtTheEndOfThePoll() throws Exception {
        consumeTwo("onSuccess=DELETE&expungeMode=BATCH");
        await(() -> mailbox.flags("INBOX").isEmpty(), "expunged");
    }

    @Test
    void deleteWithoutExpungeLeavesThemFlaggedAndNeverDeliversThemAgain() throws Exception {
        MockEndpoint out = consumeTwo("onSuccess=DELETE&expungeMode=NONE&searchCriteria=ALL");
        await(() -> mailbox.flags("INBOX").values().stream().allMatch(f -> f.contains("\\Deleted")), "flagged \\Deleted");
        Thread.sleep(400);
        assertEquals(2, mailbox.flags("INBOX").size(), "still there");
        assertEquals(2, out.getReceivedCounter(), "a \\Deleted message is not delivered again, even with ALL");
    }

    @Test
    void moveTakesTheMessagesToMoveToCreatingItWhenMissing() throws Exception {
        consumeTwo("onSuccess=MOVE&moveTo=Processed&createMissingFolders=true");
        await(() -> mailbox.flags("INBOX").isEmpty(), "moved out of INBOX");
        assertEquals(List.of("one", "two"), mailbox.subjects("Processed"));
    }

    @Test
    void copyLeavesTheOriginalAsItIsAndDeliversItOnlyOnce() throws Exception {
        mailbox.create("Archive");
        MockEndpoint out = consumeTwo("onSuccess=COPY&copyTo=Archive");
        await(() -> mailbox.subjects("Archive").size() == 2, "copied");
        Thread.sleep(400);
        assertEquals(2, out.getReceivedCounter());
        assertTrue(mailbox.flags("INBOX").values().stream().noneMatch(f -> f.contains("\\Seen")), "originals untouched");
    }

    @Test
    void noneLeavesEverythingAsItIsAndDeliversOnlyOnce() throws Exception {
        MockEndpoint out = consumeTwo("onSuccess=NONE");
        Thread.sleep(500);
        assertEquals(2, out.getReceivedCounter());
        assertEquals(Map.of(1L, List.of(), 2L, List.of()), mailbox.flags("INBOX"));
    }

    @Test
    void headersOverrideTheActionPerMessage() throws Exception {
        mailbox.create("Copies");
        for (String s : List.of("move me", "delete me", "copy me", "keep me", "plain")) {
            mailbox.append(s);
        }
        MockEndpoint out = consume(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("onSuccess=DELETE&expungeMode=IMMEDIATE&createMissingFolders=true")).routeId("r")
                        .choice()
                        .when(header("Subject").isEqualTo("move me")).setHeader(Imap4Constants.MOVE_TO, constant("Special"))
                        .when(header("Subject").isEqualTo("copy me")).setHeader(Imap4Constants.COPY_TO, constant("Copies"))
                        .when(header("Subject").isEqualTo("keep me")).setHeader(Imap4Constants.DELETE, constant(false))
                        .when(header("Subject").isEqualTo("delete me")).setHeader(Imap4Constants.DELETE, constant(true))
                        .end()
                        .to("mock:out");
            }
        });
        out.expectedMessageCount(5);
        out.assertIsSatisfied(5000);
        // "keep me" stays (seen); "copy me" is copied and then deleted as the endpoint says; the rest are gone
        await(() -> mailbox.subjects("INBOX").equals(List.of("keep me")), "only 'keep me' left");
        assertTrue(mailbox.flags("INBOX").values().iterator().next().contains("\\Seen"));
        assertEquals(List.of("move me"), mailbox.subjects("Special"));
        assertEquals(List.of("copy me"), mailbox.subjects("Copies"));
    }

    @Test
    void copyToHeaderAddsACopyToTheDefaultSeenAction() throws Exception {
        mailbox.create("Copies");
        long uid = mailbox.append("copied and seen");
        MockEndpoint out = consume(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("")).routeId("r").setHeader(Imap4Constants.COPY_TO, constant("Copies")).to("mock:out");
            }
        });
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        await(() -> mailbox.seen("INBOX", uid), "seen");
        assertEquals(List.of("copied and seen"), mailbox.subjects("Copies"));
    }
}
