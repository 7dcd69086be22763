package dev.imap4.client.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.imap4.client.Imap4;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.AppendUid;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.SearchKey;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The typed search program against GreenMail: each kind of key finds what it should. */
@Timeout(60)
class SearchKeyGreenMailTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    private ImapClient client;
    private long invoice;
    private long greeting;
    private long big;

    @BeforeEach
    void fill() {
        MAIL.setUser("joe@example.org", "joe", "secret");
        client = new Imap4("127.0.0.1", MAIL.getImap().getPort()).client();
        client.login("joe", "secret");
        invoice = append("billing@example.org", "Invoice 42", "X-Kind: bill\r\n", "pay", List.of("$Invoice"),
                ZonedDateTime.of(2026, 1, 10, 12, 0, 0, 0, ZoneOffset.UTC));
        greeting = append("ann@example.org", "Grüße aus Köln", "", "hallo", List.of("\\Seen"),
                ZonedDateTime.of(2026, 2, 10, 12, 0, 0, 0, ZoneOffset.UTC));
        big = append("bob@example.org", "Report \"Q1\"", "", "x".repeat(20_000), List.of("\\Flagged"),
                ZonedDateTime.of(2026, 3, 10, 12, 0, 0, 0, ZoneOffset.UTC));
        client.select("INBOX");
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private long append(String from, String subject, String extra, String body, List<String> flags, ZonedDateTime date) {
        byte[] msg = ("From: " + from + "\r\nTo: joe@example.org\r\nSubject: " + subject + "\r\n" + extra
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
        AppendUid uid = client.append("INBOX", flags, date, msg);
        return uid.uids().toList().get(0);
    }

    private List<Long> search(SearchKey key) {
        return client.uidSearch(key).numbers();
    }

    @Test
    void flagsAndKeywords() {
        assertEquals(List.of(invoice, big), search(SearchKey.UNSEEN));
        assertEquals(List.of(greeting), search(SearchKey.flag("\\Seen")));
        assertEquals(List.of(invoice), search(SearchKey.keyword("$Invoice")));
        assertEquals(List.of(greeting, big), search(SearchKey.unkeyword("$Invoice")));
        assertEquals(List.of(big), search(SearchKey.FLAGGED));
    }

    @Test
    void headersAndText() {
        // GreenMail 2.1 matches FROM against the whole address and answers BAD to a partial one with '@'
        assertEquals(List.of(invoice), search(SearchKey.from("billing@example.org")));
        assertEquals(List.of(big), search(SearchKey.subject("\"Q1\"")));
        assertEquals(List.of(invoice), search(SearchKey.header("X-Kind", "bill")));
        assertEquals(List.of(greeting), search(SearchKey.subject("Köln")));
        assertEquals(List.of(greeting), search(SearchKey.body("hallo")));
    }

    @Test
    void datesSizesAndSets() {
        assertEquals(List.of(greeting, big), search(SearchKey.since(LocalDate.of(2026, 2, 1))));
        assertEquals(List.of(invoice), search(SearchKey.before(LocalDate.of(2026, 2, 1))));
        assertEquals(List.of(greeting), search(SearchKey.on(LocalDate.of(2026, 2, 10))));
        assertEquals(List.of(big), search(SearchKey.larger(10_000)));
        assertEquals(List.of(invoice, greeting), search(SearchKey.smaller(10_000)));
        assertEquals(List.of(greeting, big), search(SearchKey.uids(NumberSet.uidRange(greeting, NumberSet.STAR))));
        assertEquals(List.of(invoice), search(SearchKey.seqs(NumberSet.seqs(1))));
    }

    @Test
    void andOrNot() {
        assertEquals(List.of(invoice, greeting), search(SearchKey.or(SearchKey.keyword("$Invoice"), SearchKey.SEEN)));
        assertEquals(List.of(big), search(SearchKey.not(SearchKey.or(SearchKey.keyword("$Invoice"), SearchKey.SEEN))));
        // GreenMail 2.1 parses a parenthesised list only of keys without arguments (Dovecot takes any)
        assertEquals(List.of(invoice), search(SearchKey.and(SearchKey.UNSEEN,
                SearchKey.not(SearchKey.and(SearchKey.FLAGGED, SearchKey.UNSEEN)))));
        assertEquals(List.of(invoice, greeting), search(SearchKey.or(SearchKey.and(SearchKey.UNSEEN, SearchKey.UNFLAGGED),
                SearchKey.and(SearchKey.SEEN, SearchKey.UNFLAGGED))));
    }
}
