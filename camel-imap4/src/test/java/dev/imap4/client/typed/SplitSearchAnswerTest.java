package dev.imap4.client.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imap4.client.Imap4;
import dev.imap4.client.ImapClient;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.SearchResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server may split one SEARCH, SORT or ESEARCH answer over several untagged lines; every line adds
 * to the result of the one command (a consumer that kept only the last line would skip the UIDs of
 * the others on every poll). The raw API keeps each line as its own data item, as imaplib does.
 * Each transcript ends with a NOOP, proving the stream stayed in step.
 */
@Timeout(30)
class SplitSearchAnswerTest {

    private static final String SELECTED = "S: * PREAUTH [CAPABILITY IMAP4rev1 SORT] ready\n" + """
            C: {tag} SELECT INBOX
            S: * 4 EXISTS
            S: {tag} OK [READ-WRITE] selected
            """;

    private static final String NOOP = """
            C: {tag} NOOP
            S: {tag} OK done
            """;

    private static ImapClient connect(ScriptedServer server) {
        ImapClient c = new Imap4("127.0.0.1", server.port(), TypedClientScriptedTest.OPTIONS).client();
        c.select("INBOX");
        return c;
    }

    @Test
    void uidSearchSplitOverTwoLinesGivesEveryUid() {
        try (ScriptedServer server = ScriptedServer.start(SELECTED + """
                C: {tag} UID SEARCH ALL
                S: * SEARCH 1 2
                S: * SEARCH 3 4
                S: {tag} OK done
                """ + NOOP)) {
            ImapClient c = connect(server);
            assertEquals(List.of(1L, 2L, 3L, 4L), c.uidSearch("ALL").numbers());
            c.noop();
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void theHighestModSeqOfSplitLinesIsTheGreater() {
        try (ScriptedServer server = ScriptedServer.start(SELECTED + """
                C: {tag} UID SEARCH MODSEQ 5
                S: * SEARCH 7 (MODSEQ 90)
                S: * SEARCH 8 9 (MODSEQ 40)
                S: {tag} OK done
                """ + NOOP)) {
            ImapClient c = connect(server);
            SearchResult r = c.uidSearch("MODSEQ 5");
            assertEquals(List.of(7L, 8L, 9L), r.numbers());
            assertEquals(90L, r.highestModSeq());
            c.noop();
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void uidSortSplitOverTwoLinesKeepsTheServersOrder() {
        try (ScriptedServer server = ScriptedServer.start(SELECTED + """
                C: {tag} UID SORT (ARRIVAL) UTF-8 ALL
                S: * SORT 9 3
                S: * SORT 5
                S: {tag} OK done
                """ + NOOP)) {
            ImapClient c = connect(server);
            assertEquals(List.of(9L, 3L, 5L), c.uidSort("ARRIVAL", "UTF-8", "ALL").numbers());
            c.noop();
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void esearchSplitOverTwoLinesAddsUp() {
        try (ScriptedServer server = ScriptedServer.start(
                "S: * PREAUTH [CAPABILITY IMAP4rev1 ESEARCH] ready\n" + """
                C: {tag} SELECT INBOX
                S: * 9 EXISTS
                S: {tag} OK [READ-WRITE] selected
                C: {tag} UID SEARCH RETURN (ALL) ALL
                S: * ESEARCH (TAG "{tag}") UID ALL 4:6 MIN 4 MAX 6 COUNT 3
                S: * ESEARCH (TAG "{tag}") UID ALL 9 MIN 9 MAX 9 COUNT 1
                S: {tag} OK done
                """ + NOOP)) {
            ImapClient c = connect(server);
            SearchResult r = c.uidSearch("ALL");
            assertEquals(List.of(4L, 5L, 6L, 9L), r.numbers());
            assertEquals(4L, r.min());
            assertEquals(9L, r.max());
            assertEquals(4L, r.count());
            c.noop();
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void theRawApiKeepsEachLineAsADataItemAsImaplibDoes() {
        try (ScriptedServer server = ScriptedServer.start(SELECTED + """
                C: {tag} UID SEARCH ALL
                S: * SEARCH 1 2
                S: * SEARCH 3 4
                S: {tag} OK done
                """ + NOOP)) {
            Imap4 m = new Imap4("127.0.0.1", server.port(), TypedClientScriptedTest.OPTIONS);
            m.select();
            assertEquals(List.of("1 2", "3 4"), m.uid("SEARCH", "ALL").texts());
            m.noop();
            m.shutdown();
            server.verify();
        }
    }
}
