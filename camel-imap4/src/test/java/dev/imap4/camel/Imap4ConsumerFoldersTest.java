package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** folder as a list and a LIST pattern: the folders polled in turn over one connection (GreenMail). */
@Timeout(60)
class Imap4ConsumerFoldersTest extends Imap4ConsumerTestSupport {

    private static Map<String, List<String>> byFolder(MockEndpoint out) {
        Map<String, List<String>> m = new TreeMap<>();
        for (Exchange e : out.getReceivedExchanges()) {
            m.computeIfAbsent(e.getMessage().getHeader(Imap4Constants.FOLDER, String.class), k -> new java.util.ArrayList<>())
                    .add(e.getMessage().getHeader("Subject", String.class));
        }
        return m;
    }

    @Test
    void aListAndAPatternEachExchangeNamingItsFolder() throws Exception {
        mailbox.create("Support");
        mailbox.create("Support.Tier1");
        mailbox.create("Support.Tier2");
        mailbox.create("Other");
        mailbox.append("i1");
        mailbox.append("Support.Tier1", TestMailbox.message("t1", "x"));
        mailbox.append("Support.Tier2", TestMailbox.message("t2", "x"));
        mailbox.append("Other", TestMailbox.message("o1", "x"));
        IdempotentRepository repo = MemoryIdempotentRepository.memoryIdempotentRepository();
        context.getRegistry().bind("repo", repo);

        MockEndpoint out = consume("folder=INBOX,Support.*&idempotentRepository=#repo");
        out.expectedMessageCount(3);
        out.assertIsSatisfied(10000);
        assertEquals(Map.of("INBOX", List.of("i1"), "Support.Tier1", List.of("t1"), "Support.Tier2", List.of("t2")),
                byFolder(out));
        long v = mailbox.uidValidity("Support.Tier2");
        assertTrue(repo.contains("Support.Tier2/" + v + "/1"), "key folder/UIDVALIDITY/UID");
        assertTrue(mailbox.seen("Support.Tier1", 1), "each folder's success action ran in that folder");

        // a folder created later matches the pattern at the next poll
        mailbox.create("Support.Tier3");
        mailbox.append("Support.Tier3", TestMailbox.message("t3", "x"));
        mailbox.append("Support.Tier1", TestMailbox.message("t1b", "x"));
        out.reset();
        out.expectedMessageCount(2);
        out.assertIsSatisfied(10000);
        assertEquals(Set.of("Support.Tier3", "Support.Tier1"), out.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(Imap4Constants.FOLDER, String.class)).collect(Collectors.toSet()));
        Imap4MultiFolderConsumer consumer = (Imap4MultiFolderConsumer) context.getRoute("r").getConsumer();
        assertEquals(List.of("INBOX", "Support.Tier1", "Support.Tier2", "Support.Tier3"), consumer.getFolders());
        assertFalse(consumer.getFolders().contains("Other"));
    }

    @Test
    void aFolderThatFailsDoesNotStopTheOthers() throws Exception {
        mailbox.create("B");
        mailbox.append("B", TestMailbox.message("b1", "x"));
        MockEndpoint out = consume("folder=Missing,B");
        out.expectedMessageCount(1);
        out.expectedHeaderReceived(Imap4Constants.FOLDER, "B");
        out.assertIsSatisfied(10000);
    }

    @Test
    void withIdleButNoNotifyTheFoldersArePolledAtTheDelay() throws Exception {
        mailbox.create("B");
        MockEndpoint out = consume("folder=INBOX,B&idle=true");
        out.expectedMessageCount(2);
        mailbox.append("i1");
        mailbox.append("B", TestMailbox.message("b1", "x"));
        out.assertIsSatisfied(10000);
    }

    @Test
    void anEmptyNameInTheListIsRefused() {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint(uri("folder=INBOX,,B")).createConsumer(x -> { }));
        assertTrue(String.valueOf(e.getMessage()).contains("empty name"), e.getMessage());
    }
}
