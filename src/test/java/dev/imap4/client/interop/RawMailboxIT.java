package dev.imap4.client.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** imaplib's mailbox commands through the raw API, with the results real servers give. */
class RawMailboxIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void createListSubscribeRenameStatusDelete(ImapServer server) {
        Imap4 m = server.require().login();
        String f = Fixtures.folder("mbox");
        String g = f + "-renamed";
        try {
            assertEquals("OK", m.create(f).type());
            ImapResult again = m.create(f);
            assertEquals("NO", again.type(), "an existing mailbox: NO is returned, as imaplib returns it");
            assertEquals("OK", m.create(f + "/child").type());

            ImapResult list = m.list("\"\"", f + "*");
            assertEquals("OK", list.type());
            assertEquals(2, list.data().size(), list.texts().toString());
            assertTrue(list.texts().contains("(\\HasChildren) \"/\" " + f), list.texts().toString());
            assertTrue(list.texts().contains("(\\HasNoChildren) \"/\" " + f + "/child"), list.texts().toString());

            assertEquals("OK", m.subscribe(f).type());
            assertEquals(List.of("() \"/\" " + f), m.lsub("\"\"", f).texts());
            assertEquals("OK", m.unsubscribe(f).type());
            assertNull(m.lsub("\"\"", f).data().get(0), "nothing subscribed: imaplib's [None]");

            assertEquals("OK", m.rename(f, g).type());
            assertEquals(List.of("(\\HasNoChildren) \"/\" " + g + "/child"), m.list("\"\"", g + "/*").texts(),
                    "children move with their parent");
            assertEquals("NO", m.rename(f, g + "x").type(), "the old name is gone");

            ImapResult status = m.status(g, "(MESSAGES UIDNEXT UNSEEN)");
            assertEquals(List.of(g + " (MESSAGES 0 UIDNEXT 1 UNSEEN 0)"), status.texts());

            assertEquals("OK", m.delete(g + "/child").type());
            assertEquals("OK", m.delete(g).type());
            assertNull(m.list("\"\"", g + "*").data().get(0));
            assertEquals("NO", m.delete(g).type());
        } finally {
            Fixtures.quietly(m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void selectExamineCheckNoopCloseAndResponses(ImapServer server) {
        Imap4 m = server.require().login();
        String f = Fixtures.folder("select");
        try {
            m.create(f);
            for (int i = 1; i <= 3; i++) {
                assertEquals("OK", m.append(f, null, null, Fixtures.message("select " + i)).type());
            }
            ImapResult sel = m.select(f);
            assertEquals(List.of("3"), sel.texts(), "SELECT returns the EXISTS count");
            assertEquals("SELECTED", m.state());
            String uidValidity = m.response("UIDVALIDITY").firstText();
            assertTrue(Long.parseLong(uidValidity) > 0, uidValidity);
            assertEquals(List.of("4"), m.response("UIDNEXT").texts());
            ImapResult recent = m.recent();
            assertEquals("OK", recent.type());
            assertEquals(List.of("3"), recent.texts(), "the first SELECT sees the three new messages as recent");

            assertEquals("OK", m.check().type());
            assertEquals("OK", m.noop().type());
            ImapResult stored = m.store("1", "+FLAGS", "\\Deleted");
            assertEquals("OK", stored.type());
            assertTrue(stored.firstText().matches("1 \\(FLAGS \\(.*\\\\Deleted.*\\)\\)"), stored.texts().toString());
            assertEquals("OK", m.close().type());
            assertEquals("AUTH", m.state());
            assertEquals(List.of(f + " (MESSAGES 2)"), m.status(f, "(MESSAGES)").texts(), "CLOSE expunged");

            ImapResult ro = m.select(f, true);
            assertEquals(List.of("2"), ro.texts());
            assertEquals("READ-ONLY", m.response("READ-ONLY").type());
            ImapResult refused = m.store("1", "+FLAGS", "\\Seen");
            if (server.is(ImapServer.Kind.DOVECOT)) {
                // Dovecot answers OK to STORE in a read-only mailbox and changes nothing
                assertEquals("OK", refused.type());
                assertNull(refused.data().get(0), "no FETCH: nothing changed");
            } else {
                assertEquals("NO", refused.type(), "Cyrus refuses STORE in a read-only mailbox");
            }
            assertEquals(List.of("1 (FLAGS ())"), m.fetch("1", "(FLAGS)").texts(), "still unseen");
            assertEquals("OK", m.unselect().type());
            assertEquals("AUTH", m.state());

            ImapResult missing = m.select(f + "-missing");
            assertEquals("NO", missing.type());
            assertEquals("AUTH", m.state(), "a failed SELECT leaves no mailbox selected");
            Imap4Exception e = assertThrows(Imap4Exception.class, m::check);
            assertTrue(e.getMessage().contains("illegal in state AUTH"), e.getMessage());
        } finally {
            m.delete(f);
            Fixtures.quietly(m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void capabilityNamespaceEnableMyrights(ImapServer server) {
        Imap4 m = server.require().login();
        try {
            ImapResult caps = m.capability();
            assertEquals("OK", caps.type());
            assertTrue(caps.firstText().startsWith("IMAP4rev1 "), caps.firstText());
            String expectedNamespace = server.is(ImapServer.Kind.DOVECOT)
                    ? "((\"\" \"/\")) ((\"shared/\" \"/\")) NIL"
                    : "((\"\" \"/\")) ((\"Other Users/\" \"/\")) ((\"Shared Folders/\" \"/\"))";
            assertEquals(List.of(expectedNamespace), m.namespace().texts());
            assertEquals(List.of("CONDSTORE"), m.enable("CONDSTORE").texts());
            ImapResult rights = m.myrights("INBOX");
            String expectedRights = server.is(ImapServer.Kind.DOVECOT) ? "lrwstipekxacd" : "lrswipkxtecdan";
            assertEquals(List.of("INBOX " + expectedRights), rights.texts());
        } finally {
            Fixtures.quietly(m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void logoutReturnsTheServersBye(ImapServer server) {
        Imap4 m = server.require().login();
        ImapResult bye = m.logout();
        assertEquals("BYE", bye.type());
        assertEquals("LOGOUT", m.state());
        assertThrows(Imap4Exception.class, m::noop);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void transportSeamSendReadlineReadAndShutdown(ImapServer server) throws Exception {
        Imap4 m = server.require().login();
        m.send("x1 NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
        String line = new String(m.readline(), StandardCharsets.US_ASCII);
        assertTrue(line.startsWith("x1 OK ") && line.endsWith("\r\n"), line);
        m.send("x2 CAPABILITY\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("* CAPABILITY IMAP4rev1 ", new String(m.read(23), StandardCharsets.US_ASCII));
        m.readline();
        assertTrue(new String(m.readline(), StandardCharsets.US_ASCII).startsWith("x2 OK "));
        assertEquals("OK", m.noop().type(), "the engine carries on after raw exchanges");
        assertTrue(m.socket().getTcpNoDelay());
        m.shutdown();
        assertTrue(m.socket().isClosed());
        assertThrows(Imap4Exception.class, m::noop);
    }
}
