package dev.imap4.client.internal.parse;

import static dev.imap4.client.internal.parse.Wire.after;
import static dev.imap4.client.internal.parse.Wire.consumed;
import static dev.imap4.client.internal.parse.Wire.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.imap4.client.types.ListEntry;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListParserTest {

    private static ListEntry list(String wire) {
        String name = wire.startsWith("* LSUB") ? "LSUB" : "LIST";
        ImapInput in = after(wire, name);
        ListEntry e = ListParser.parse(in);
        consumed(in);
        return e;
    }

    @Test
    void rfc3501Example() {
        ListEntry e = list("* LIST (\\Noselect) \"/\" ~/Mail/foo");
        assertEquals(Set.of("\\Noselect"), e.attributes());
        assertEquals("/", e.delimiter());
        assertEquals("~/Mail/foo", e.name());
        assertEquals("~/Mail/foo", e.rawName());
    }

    @Test
    void lsubHasTheSameShape() {
        assertEquals("#news.comp.mail.misc", list("* LSUB () \".\" #news.comp.mail.misc").name());
    }

    @Test
    void inboxInAnyCaseIsInbox() {
        ListEntry e = list("* LIST (\\HasNoChildren) \".\" inbox");
        assertEquals("INBOX", e.name());
        assertEquals("INBOX", e.rawName());
        assertEquals("Inbox.Sent", list("* LIST () \".\" Inbox.Sent").name());
    }

    @Test
    void nilDelimiter() {
        ListEntry e = list("* LIST (\\Noselect) NIL \"\"");
        assertNull(e.delimiter());
        assertEquals("", e.name());
    }

    @Test
    void escapedBackslashDelimiter() {
        assertEquals("\\", list("* LIST () \"\\\\\" Trash").delimiter());
    }

    @Test
    void modifiedUtf7NameIsDecoded() {
        ListEntry e = list("* LIST (\\HasNoChildren \\Drafts) \"/\" \"Entw&APw-rfe\"");
        assertEquals("Entwürfe", e.name());
        assertEquals("Entw&APw-rfe", e.rawName());
        assertEquals("\\Drafts", e.specialUse());
    }

    @Test
    void rawEightBitNameIsKept() {
        assertEquals("Entwürfe", list("* LIST () \"/\" \"Entwürfe\"").name());
    }

    @Test
    void literalName() {
        assertEquals("a b", list("* LIST () \"/\" {3}\r\na b\r\n").name());
    }

    @Test
    void listExtendedData() {
        ListEntry e = list("* LIST (\\Subscribed \\HasChildren) \"/\" \"Fruit\" (\"CHILDINFO\" (\"SUBSCRIBED\")"
                + " \"OLDNAME\" (\"Frucht\"))");
        assertEquals(Map.of("CHILDINFO", List.of("SUBSCRIBED"), "OLDNAME", List.of("Frucht")), e.extended());
    }

    @Test
    void yahooExtraSpaces() {
        ListEntry e = list("* LIST ( \\HasNoChildren )  \"/\"  Sent ");
        assertEquals("Sent", e.name());
    }

    @Test
    void missingAttributeListNamesTheRule() {
        fails(after("* LIST \\Noselect \"/\" foo", "LIST"), ListParser::parse, "mbx-list-flags");
    }

    @Test
    void atomDelimiterNamesTheRule() {
        fails(after("* LIST () / foo", "LIST"), ListParser::parse, "mailbox-list");
    }

    @Test
    void missingNameNamesMailbox() {
        fails(after("* LIST () \"/\" ", "LIST"), ListParser::parse, "mailbox");
    }
}
