package dev.imap4.client.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The FETCH item list as sent: typed sections always PEEK, and text items never set \Seen silently. */
class FetchItemsTest {

    @Test
    void typedSectionsAreSentWithPeekAndKeyedWithout() {
        BodySection fields = BodySection.part(1, 2).headerFields("Subject", "From").partial(0, 1024);
        assertEquals("(UID BODY.PEEK[1.2.HEADER.FIELDS (Subject From)]<0.1024>)",
                FetchItems.of().withSection(fields).toWire());
        assertEquals("BODY[1.2.HEADER.FIELDS (SUBJECT FROM)]<0>", fields.responseKey());
        assertEquals("(UID BODY.PEEK[] BODY.PEEK[HEADER] BODY.PEEK[2.HEADER] BODY.PEEK[3.MIME] BODY.PEEK[TEXT]"
                + " BODY.PEEK[HEADER.FIELDS.NOT (Received)] BINARY.PEEK[1] BINARY.SIZE[1])",
                FetchItems.of().withBody().withHeader().withSection(BodySection.part(2).withHeader())
                        .withSection(BodySection.part(3).mime()).withSection(BodySection.text())
                        .withSection(BodySection.whole().headerFieldsNot("Received"))
                        .withSection(BodySection.binary(1)).withBinarySize(1).toWire());
    }

    @Test
    void badSectionsAreRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> BodySection.part(0));
        assertThrows(IllegalArgumentException.class, () -> BodySection.whole().mime());
        assertThrows(IllegalArgumentException.class, () -> BodySection.binary(1).withHeader());
        assertThrows(IllegalArgumentException.class, () -> BodySection.whole().headerFields());
        assertThrows(IllegalArgumentException.class, () -> BodySection.whole().partial(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> BodySection.whole().partial(0, 0));
        for (String bad : new String[] {"", "Sub ject", "X)", "A:B", "X]", "X\r\n", "Ä"}) {
            assertThrows(IllegalArgumentException.class, () -> BodySection.whole().headerFields(bad), bad);
        }
    }

    @Test
    void bodyItemsGivenAsTextAreSentWithPeek() {
        assertEquals("(UID BODY.PEEK[] FLAGS body.PEEK[header.fields (subject)] BINARY.PEEK[1]<0.10>)",
                FetchItems.parse("(BODY[] FLAGS body[header.fields (subject)] BINARY[1]<0.10>)").toWire());
        assertEquals("(UID BODY.PEEK[TEXT] RFC822.HEADER BODY BINARY.SIZE[1])",
                FetchItems.parse("(BODY.PEEK[TEXT] RFC822.HEADER BODY BINARY.SIZE[1])").toWire());
    }

    @Test
    void bodySectionsCannotBypassPeekThroughWithItem() {
        for (String item : new String[] {"BODY[]", "body[TEXT]", "BINARY[1]", "RFC822", "rfc822.text", "BODY.PEEK[1]"}) {
            assertThrows(IllegalArgumentException.class, () -> FetchItems.of().withItem(item), item);
        }
        assertEquals("(UID X-GM-LABELS RFC822.HEADER)", FetchItems.of().withItem("X-GM-LABELS").withItem("RFC822.HEADER").toWire());
    }

    @Test
    void rfc822AndRfc822TextAreRefusedUnlessMarkingSeenIsAskedFor() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FetchItems.parse("RFC822"));
        assertTrue(e.getMessage().contains("BODY.PEEK[]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FetchItems.parse("(FLAGS rfc822.text)"));
        assertTrue(e.getMessage().contains("BODY.PEEK[TEXT]"), e.getMessage());
        assertEquals("(UID RFC822 BODY[] RFC822.TEXT)", FetchItems.parseMarkingSeen("(RFC822 BODY[] RFC822.TEXT)").toWire());
    }
}
