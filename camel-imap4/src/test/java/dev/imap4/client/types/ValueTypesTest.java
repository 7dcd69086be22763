package dev.imap4.client.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Literal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void addressEmailAndGroupMarkers() {
        assertEquals("a@b.c", new Address(null, null, "a", "b.c").email());
        assertEquals("Ann <a@b.c>", new Address("Ann", null, "a", "b.c").toString());
        assertNull(new Address(null, null, "team", null).email());
        assertTrue(new Address(null, null, "team", null).isGroupStart());
        assertTrue(new Address(null, null, null, null).isGroupEnd());
        assertEquals("Jörg", new Address("=?UTF-8?Q?J=C3=B6rg?=", null, "j", "x").decodedName());
    }

    @Test
    void envelopeListsAreNeverNull() {
        Envelope e = new Envelope(null, null, null, null, null, null, null, null, null, null);
        assertEquals(List.of(), e.from());
        assertEquals(List.of(), e.bcc());
    }

    @Test
    void mailboxStatusAccessors() {
        MailboxStatus s = new MailboxStatus("INBOX", Map.of("MESSAGES", 3L, "UIDNEXT", 9L, "HIGHESTMODSEQ", 1L << 40));
        assertEquals(3L, s.messages());
        assertEquals(9L, s.uidNext());
        assertEquals(1L << 40, s.highestModSeq());
        assertNull(s.unseen());
        assertNull(s.size());
        assertEquals(Map.of(), s.other());
    }

    @Test
    void listEntryAttributesCompareCaseInsensitively() {
        ListEntry e = new ListEntry(Set.of("\\NoSelect", "\\Sent"), "/", "x", "x", Map.of());
        assertTrue(e.hasAttribute("\\Noselect"));
        assertFalse(e.isSelectable());
        assertEquals("\\Sent", e.specialUse());
    }

    @Test
    void copyUidMappingInOrder() {
        CopyUid c = new CopyUid(1, NumberSet.parse("304,319:320", true), NumberSet.parse("3956:3958", true));
        assertEquals(Map.of(304L, 3956L, 319L, 3957L, 320L, 3958L), c.mapping());
        assertEquals(List.of(304L, 319L, 320L), List.copyOf(c.mapping().keySet()));
    }

    @Test
    void copyUidMappingRefusesUnequalSets() {
        CopyUid c = new CopyUid(1, NumberSet.parse("1:2", true), NumberSet.parse("5", true));
        assertThrows(IllegalStateException.class, c::mapping);
    }

    @Test
    void appendUidFirstUid() {
        assertEquals(3955, new AppendUid(38505, NumberSet.parse("3955:3957", true)).uid());
    }

    @Test
    void fetchResponseLooksUpSectionsAndCloses() {
        Literal body = Literal.of("x");
        FetchResponse r = new FetchResponse(1, null, List.of("\\Seen"), null, null, null, null, null,
                Map.of("RFC822", body), Map.of());
        assertEquals(body, r.section("rfc822"));
        assertEquals(body, r.message());
        assertTrue(r.hasFlag("\\SEEN"));
        assertFalse(r.hasFlag("\\Deleted"));
        r.close();
    }

    @Test
    void quotaResourceLookup() {
        Quota q = new Quota("", List.of(new QuotaResource("STORAGE", 10, 512)));
        assertEquals(512, q.resource("storage").limit());
        assertNull(q.resource("MESSAGE"));
    }

    @Test
    void threadNodeDummy() {
        assertTrue(new ThreadNode(0, List.of()).isDummy());
        assertFalse(new ThreadNode(3, List.of()).isDummy());
    }

    @Test
    void aReleasedSpoolFileOutlivesItsLiteral() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("imap4-literal-", ".tmp");
        try {
            java.nio.file.Files.writeString(file, "spooled");
            Literal spooled = Literal.spooled(file, 7);
            assertEquals(file, spooled.release());
            spooled.close();
            assertTrue(java.nio.file.Files.exists(file), "the caller owns the file now");
            try (java.io.InputStream in = spooled.openStream()) {
                assertEquals("spooled", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII));
            }

            Literal owned = Literal.spooled(file, 7);
            owned.close();
            assertFalse(java.nio.file.Files.exists(file), "a literal that kept its file deletes it");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        assertThrows(IllegalStateException.class, () -> Literal.of("x").release(), "in memory: no file to hand over");
    }
}
