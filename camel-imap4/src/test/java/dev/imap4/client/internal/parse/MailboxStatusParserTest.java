package dev.imap4.client.internal.parse;

import static dev.imap4.client.internal.parse.Wire.after;
import static dev.imap4.client.internal.parse.Wire.consumed;
import static dev.imap4.client.internal.parse.Wire.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.imap4.client.types.MailboxStatus;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailboxStatusParserTest {

    private static MailboxStatus status(String wire) {
        ImapInput in = after(wire, "STATUS");
        MailboxStatus s = MailboxStatusParser.parse(in);
        consumed(in);
        return s;
    }

    @Test
    void rfc3501Example() {
        MailboxStatus s = status("* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)");
        assertEquals("blurdybloop", s.mailbox());
        assertEquals(231L, s.messages());
        assertEquals(44292L, s.uidNext());
        assertNull(s.unseen());
    }

    @Test
    void condstoreAndSizeWith64BitValues() {
        MailboxStatus s = status("* STATUS INBOX (HIGHESTMODSEQ 7011231777 SIZE 12884901888 UNSEEN 0 RECENT 1"
                + " UIDVALIDITY 3857529045)");
        assertEquals(7011231777L, s.highestModSeq());
        assertEquals(12884901888L, s.size());
        assertEquals(0L, s.unseen());
        assertEquals(1L, s.recent());
        assertEquals(3857529045L, s.uidValidity());
    }

    @Test
    void nonNumericItemsGoToOther() {
        MailboxStatus s = status("* STATUS INBOX (MESSAGES 1 MAILBOXID (F2212ea87-6097-4256-9d51-71338625))");
        assertEquals(Map.of("MAILBOXID", "(F2212ea87-6097-4256-9d51-71338625)"), s.other());
        assertEquals(1L, s.messages());
    }

    @Test
    void quotedModifiedUtf7Mailbox() {
        assertEquals("Entwürfe", status("* STATUS \"Entw&APw-rfe\" (MESSAGES 0)").mailbox());
        assertEquals("INBOX", status("* STATUS inbox (MESSAGES 0)").mailbox());
    }

    @Test
    void emptyListAndStraySpaces() {
        assertEquals(Map.of(), status("* STATUS x ()").items());
        assertEquals(2L, status("* STATUS x ( MESSAGES 2 )").messages());
    }

    @Test
    void missingListNamesTheRule() {
        fails(after("* STATUS INBOX MESSAGES 1", "STATUS"), MailboxStatusParser::parse, "status-att-list");
    }

    @Test
    void missingValueNamesSp() {
        fails(after("* STATUS INBOX (MESSAGES)", "STATUS"), MailboxStatusParser::parse, "SP");
    }
}
