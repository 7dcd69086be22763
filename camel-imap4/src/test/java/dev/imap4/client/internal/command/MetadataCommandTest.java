package dev.imap4.client.internal.command;

import static dev.imap4.client.scripted.ScriptedClientTestSupport.connect;
import static dev.imap4.client.scripted.ScriptedClientTestSupport.done;
import static dev.imap4.client.scripted.ScriptedClientTestSupport.preauth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.ImapExtensions;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.Metadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** GETMETADATA and SETMETADATA (RFC 5464) through the typed API. */
@Timeout(30)
class MetadataCommandTest {

    @Test
    void getMetadataSendsMaxsizeAndDepthAndMergesEveryResponse() {
        try (ScriptedServer server = ScriptedServer.start(preauth("METADATA") + """
                C: {tag} GETMETADATA (MAXSIZE 1048576) INBOX (/private/comment)
                S: * METADATA INBOX (/private/comment "My own comment")
                S: {tag} OK done
                C: {tag} GETMETADATA (MAXSIZE 100 DEPTH infinity) &AMk-t&AOk- (/shared/vendor /private/comment)
                S: * METADATA "&AMk-t&AOk-" (/shared/vendor/a {6}
                R: Grüß
                S:  /shared/vendor/b ~{3}
                R: x y
                S: )
                S: * METADATA "&AMk-t&AOk-" (/private/comment NIL)
                S: {tag} OK [METADATA LONGENTRIES 2199] some left out
                """)) {
            ImapClient c = connect(server);
            assertEquals("My own comment", c.extensions().getMetadata("INBOX", "/private/comment").get("/private/comment"));
            Metadata m = c.extensions().getMetadata("Été", List.of("/shared/vendor", "/private/comment"), 100L,
                    Metadata.Depth.INFINITY);
            assertEquals("Été", m.mailbox());
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("/shared/vendor/a", "Grüß");
            expected.put("/shared/vendor/b", "x y");
            expected.put("/private/comment", null);
            assertEquals(expected, m.entries());
            assertEquals(2199L, m.longEntries());
            done(c, server);
        }
    }

    @Test
    void setMetadataWritesValuesAndNilAndTheServersRefusalKeepsItsCode() {
        try (ScriptedServer server = ScriptedServer.start(preauth("METADATA-SERVER") + """
                C: {tag} SETMETADATA "" (/shared/admin "mailto:root@example.org" /private/gone NIL)
                S: {tag} OK set
                C: {tag} SETMETADATA "" (/private/big "x")
                S: {tag} NO [METADATA MAXSIZE 1024] too large
                """)) {
            ImapClient c = connect(server);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("/shared/admin", "mailto:root@example.org");
            values.put("/private/gone", null);
            c.extensions().setMetadata("", values);
            Imap4CommandException e = assertThrows(Imap4CommandException.class,
                    () -> c.extensions().setMetadata("", Map.of("/private/big", "x")));
            assertEquals("METADATA", e.code());
            // METADATA-SERVER covers the server's own entries only
            assertThrows(Imap4Exception.class, () -> c.extensions().getMetadata("INBOX", "/private/comment"));
            done(c, server);
        }
    }

    @Test
    void badEntryNamesAndAMissingCapabilityAreRefusedBeforeSending() {
        try (ScriptedServer server = ScriptedServer.start(preauth("METADATA"))) {
            ImapClient c = connect(server);
            ImapExtensions x = c.extensions();
            for (String bad : new String[] {"comment", "/private/", "/shared//x", "/private/*", "/other/x",
                    "/private/a\r\nA1 LOGOUT"}) {
                assertThrows(IllegalArgumentException.class, () -> x.getMetadata("INBOX", bad), bad);
            }
            assertThrows(IllegalArgumentException.class, () -> x.getMetadata("INBOX"));
            assertThrows(IllegalArgumentException.class, () -> x.getMetadata("INBOX", List.of("/private/a"), -1L, null));
            done(c, server);
        }
        try (ScriptedServer server = ScriptedServer.start(preauth(""))) {
            ImapClient c = connect(server);
            Imap4Exception e = assertThrows(Imap4Exception.class, () -> c.extensions().getMetadata("", "/shared/admin"));
            assertTrue(e.getMessage().contains("METADATA"), e.getMessage());
            done(c, server);
        }
    }

    @Test
    void anUnsolicitedEntryListReadsAsEntriesWithoutValues() {
        Metadata m = dev.imap4.client.internal.parse.MetadataParser.parse(
                dev.imap4.client.internal.wire.BytesResponseSource.input(" INBOX /shared/comment /private/x"));
        assertEquals("INBOX", m.mailbox());
        assertTrue(m.entries().containsKey("/shared/comment") && m.entries().containsKey("/private/x"));
        assertNull(m.get("/shared/comment"));
    }
}
