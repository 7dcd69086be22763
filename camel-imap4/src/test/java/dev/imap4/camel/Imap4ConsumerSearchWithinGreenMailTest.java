package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imap4.client.types.SearchKey;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * searchWithin and a typed searchCriteria against GreenMail, which lacks WITHIN: the window goes as
 * SINCE and really leaves older messages out.
 */
@Timeout(60)
class Imap4ConsumerSearchWithinGreenMailTest extends Imap4ConsumerTestSupport {

    private List<Object> subjects(MockEndpoint out) {
        return out.getReceivedExchanges().stream().map(e -> e.getMessage().getHeader("Subject")).toList();
    }

    @Test
    void onlyMessagesOfTheWindowAreDelivered() throws Exception {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        mailbox.appendAt(TestMailbox.message("a month old", "x"), now.minusDays(30));
        mailbox.appendAt(TestMailbox.message("ten days old", "x"), now.minusDays(10));
        mailbox.appendAt(TestMailbox.message("two days old", "x"), now.minusDays(2));
        mailbox.appendAt(TestMailbox.message("new", "x"), now);
        MockEndpoint out = consume("searchWithin=7d&onSuccess=NONE&delay=100");
        out.expectedMessageCount(2);
        out.assertIsSatisfied(10_000);
        Thread.sleep(500);
        assertEquals(List.of("two days old", "new"), subjects(out));
    }

    @Test
    void aSearchKeyBeanChoosesTheMessages() throws Exception {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        mailbox.appendAt("From: billing@example.org\r\nSubject: old invoice\r\n\r\nx\r\n", now.minusDays(40));
        mailbox.appendAt("From: billing@example.org\r\nSubject: invoice\r\n\r\nx\r\n", now);
        mailbox.appendAt(TestMailbox.message("greeting", "x"), now);
        context.getRegistry().bind("invoices", SearchKey.and(SearchKey.UNSEEN, SearchKey.from("billing@example.org")));
        MockEndpoint out = consume("searchCriteria=#bean:invoices&searchWithin=P7D");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(10_000);
        Thread.sleep(500);
        assertEquals(List.of("invoice"), subjects(out));
    }
}
