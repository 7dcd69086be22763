package dev.imap4.client.typed;

import static dev.imap4.client.scripted.ScriptedClientTestSupport.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.SearchKey;
import dev.imap4.client.types.SortCriterion;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Typed SORT criteria, with RFC 5957 DISPLAYFROM/DISPLAYTO sent only to a server offering SORT=DISPLAY. */
@Timeout(30)
class SortDisplayScriptedTest {

    private static String preauth(String caps) {
        return "S: * PREAUTH [CAPABILITY IMAP4rev1 " + caps + "] ready\n"
                + "C: {tag} SELECT INBOX\nS: {tag} OK [READ-WRITE] done\n";
    }

    @Test
    void displayCriteriaGoOutWhenTheServerOffersSortDisplay() {
        try (ScriptedServer server = ScriptedServer.start(preauth("SORT SORT=DISPLAY") + """
                C: {tag} UID SORT (DISPLAYFROM REVERSE DISPLAYTO REVERSE DATE) UTF-8 UNSEEN
                S: * SORT 12 3 7
                S: {tag} OK done
                C: {tag} SORT (ARRIVAL) UTF-8 ALL
                S: * SORT 1 2
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            assertEquals(List.of(12L, 3L, 7L), c.sort(true, List.of(SortCriterion.DISPLAYFROM,
                    SortCriterion.DISPLAYTO.reversed(), SortCriterion.DATE.reversed()), SearchKey.UNSEEN).numbers());
            assertEquals(List.of(1L, 2L), c.sort(false, List.of(SortCriterion.ARRIVAL), SearchKey.ALL).numbers());
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void displayCriteriaAreRefusedBeforeSendingWithoutSortDisplay() {
        try (ScriptedServer server = ScriptedServer.start(preauth("SORT") + """
                C: {tag} UID SORT (REVERSE FROM) UTF-8 ALL
                S: * SORT 4
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            Imap4Exception e = assertThrows(Imap4Exception.class,
                    () -> c.sort(true, List.of(SortCriterion.DISPLAYTO), SearchKey.ALL));
            assertTrue(e.getMessage().contains("SORT=DISPLAY"), e.getMessage());
            // nothing was sent: the next sort is the next command the server sees
            assertEquals(List.of(4L), c.sort(true, List.of(SortCriterion.FROM.reversed()), SearchKey.ALL).numbers());
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void criteriaAreNamesNeverProtocolText() {
        assertThrows(IllegalArgumentException.class, () -> new SortCriterion("DATE) UTF-8 ALL\r\nA1 LOGOUT", false));
        assertThrows(IllegalArgumentException.class, () -> new SortCriterion("date", false));
        assertThrows(IllegalArgumentException.class, () -> SortCriterion.wire(List.of()));
        assertEquals("(REVERSE SIZE SUBJECT)", SortCriterion.wire(List.of(SortCriterion.SIZE.reversed(), SortCriterion.SUBJECT)));
        assertEquals(SortCriterion.CC, SortCriterion.CC.reversed().reversed());
    }
}
