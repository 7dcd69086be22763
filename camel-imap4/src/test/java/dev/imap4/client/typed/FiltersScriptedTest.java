package dev.imap4.client.typed;

import static dev.imap4.client.scripted.ScriptedClientTestSupport.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.SearchKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RFC 5466 FILTERS: a filter stored through METADATA, named by the typed FILTER key, refused without FILTERS. */
@Timeout(30)
class FiltersScriptedTest {

    private static String preauth(String caps) {
        return "S: * PREAUTH [CAPABILITY IMAP4rev1 " + caps + "] ready\n"
                + "C: {tag} SELECT INBOX\nS: {tag} OK [READ-WRITE] done\n";
    }

    @Test
    void aFilterIsStoredReadAndSearched() {
        try (ScriptedServer server = ScriptedServer.start(preauth("METADATA-SERVER FILTERS") + """
                C: {tag} SETMETADATA "" (/private/filters/values/billing "UNSEEN FROM \\"billing\\"")
                S: {tag} OK done
                C: {tag} GETMETADATA (MAXSIZE 1048576) "" (/private/filters/values/billing)
                S: * METADATA "" (/PRIVATE/filters/values/billing "UNSEEN FROM \\"billing\\"")
                S: {tag} OK done
                C: {tag} UID SEARCH FILTER billing NOT DELETED
                S: * SEARCH 4 8
                S: {tag} OK done
                C: {tag} GETMETADATA (MAXSIZE 1048576) "" (/private/filters/values/gone)
                S: * METADATA "" (/private/filters/values/gone NIL)
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            c.extensions().setFilter("billing", "UNSEEN FROM \"billing\"");
            assertEquals("UNSEEN FROM \"billing\"", c.extensions().getFilter("billing"));
            assertEquals(List.of(4L, 8L), c.uidSearch(SearchKey.and(SearchKey.filter("billing"),
                    SearchKey.not(SearchKey.DELETED))).numbers());
            assertNull(c.extensions().getFilter("gone"));
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void filterIsRefusedBeforeSendingWithoutFilters() {
        try (ScriptedServer server = ScriptedServer.start(preauth("METADATA-SERVER") + """
                C: {tag} UID SEARCH UNSEEN
                S: * SEARCH 1
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            Imap4Exception e = assertThrows(Imap4Exception.class, () -> c.uidSearch(SearchKey.filter("billing")));
            assertTrue(e.getMessage().contains("FILTERS"), e.getMessage());
            assertThrows(Imap4Exception.class, () -> c.extensions().setFilter("billing", "UNSEEN"));
            assertThrows(Imap4Exception.class, () -> c.extensions().getFilter("billing"));
            assertEquals(List.of(1L), c.uidSearch(SearchKey.UNSEEN).numbers());
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void aFilterNameIsAnAtomWithoutSlash() {
        for (String bad : List.of("", "a/b", "a b", "x\r\nA1 LOGOUT", "a)", "%")) {
            assertThrows(IllegalArgumentException.class, () -> SearchKey.filter(bad), bad);
        }
        assertEquals(new SearchKey.Filter("on-hold.2026"), SearchKey.filter("on-hold.2026"));
    }
}
