package dev.imap4.client.typed;

import static dev.imap4.client.scripted.ScriptedClientTestSupport.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.SearchKey;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The typed search program on the wire: WITHIN offered or not, CONDSTORE, ESEARCH, SORT, injection. */
@Timeout(30)
class SearchKeyScriptedTest {

    private static String preauth(String caps) {
        return "S: * PREAUTH [CAPABILITY IMAP4rev1 " + caps + "] ready\n"
                + "C: {tag} SELECT INBOX\nS: {tag} OK [READ-WRITE] done\n";
    }

    @Test
    void youngerIsSentWhenTheServerOffersWithin() {
        try (ScriptedServer server = ScriptedServer.start(preauth("WITHIN ESEARCH") + """
                C: {tag} UID SEARCH RETURN (ALL) YOUNGER 604800 UNSEEN UID 5:*
                S: * ESEARCH (TAG "{tag}") UID ALL 5:7
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            SearchKey key = SearchKey.and(SearchKey.younger(Duration.ofDays(7)), SearchKey.UNSEEN,
                    SearchKey.uids(NumberSet.uidRange(5, NumberSet.STAR)));
            assertEquals(List.of(5L, 6L, 7L), c.uidSearch(key).numbers());
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void youngerIsRefusedBeforeSendingWhenTheServerLacksWithin() {
        try (ScriptedServer server = ScriptedServer.start(preauth("") + """
                C: {tag} UID SEARCH SINCE 1-Dec-2026
                S: * SEARCH 2
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            Imap4Exception e = assertThrows(Imap4Exception.class,
                    () -> c.uidSearch(SearchKey.not(SearchKey.older(Duration.ofHours(2)))));
            assertTrue(e.getMessage().contains("WITHIN"), e.getMessage());
            // the connection is still in step: the next search goes out and is answered
            assertEquals(List.of(2L), c.uidSearch(SearchKey.since(LocalDate.of(2026, 12, 1))).numbers());
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void modSeqNeedsCondstore() {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * PREAUTH [CAPABILITY IMAP4rev1 CONDSTORE] ready
                C: {tag} SELECT INBOX (CONDSTORE)
                S: {tag} OK [READ-WRITE] done
                C: {tag} SEARCH MODSEQ 620162338
                S: * SEARCH 2 5 (MODSEQ 917162500)
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            assertEquals(List.of(2L, 5L), c.search(SearchKey.modSeq(620162338)).numbers());
            c.shutdown();
            server.verify();
        }
        try (ScriptedServer server = ScriptedServer.start(preauth(""))) {
            ImapClient c = connect(server);
            c.select("INBOX");
            assertThrows(Imap4Exception.class, () -> c.search(SearchKey.modSeq(1)));
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void aValueWithCrLfIsOneLiteralNotASecondCommand() {
        try (ScriptedServer server = ScriptedServer.start(preauth("") + """
                C: {tag} UID SEARCH OR FROM {20}
                S: + go on
                C: x<CRLF>A999 DELETE INBOX SEEN
                S: * SEARCH
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            assertEquals(List.of(), c.uidSearch(SearchKey.or(SearchKey.from("x\r\nA999 DELETE INBOX"), SearchKey.SEEN))
                    .numbers());
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void sortTakesATypedProgramWithItsCharset() {
        try (ScriptedServer server = ScriptedServer.start(preauth("SORT LITERAL+") + """
                C: {tag} UID SORT (REVERSE ARRIVAL) UTF-8 SUBJECT {7+}
                C: Grüße LARGER 1000
                S: * SORT 9 4
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            assertEquals(List.of(9L, 4L), c.sort(true, "REVERSE ARRIVAL",
                    SearchKey.and(SearchKey.subject("Grüße"), SearchKey.larger(1000))).numbers());
            c.shutdown();
            server.verify();
        }
    }
}
