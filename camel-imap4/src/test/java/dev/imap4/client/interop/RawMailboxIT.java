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
        String f = server.folder("mbox");
        String g = f + "-renamed";
        String sep = server.separator();
        try {
            assertEquals("OK", m.create(f).type());
            ImapResult again = m.create(f);
            assertEquals("NO", again.type(), "an existing mailbox: NO is returned, as imaplib returns it");
            assertEquals("OK", m.create(f + sep + "child").type());

            ImapResult list = m.list("\"\"", f + "*");
            assertEquals("OK", list.type());
            assertEquals(2, list.data().size(), list.texts().toString());
            assertTrue(list.texts().contains(children(server, true) + " \"" + sep + "\" " + server.onWire(f)),
                    list.texts().toString());
            String child = children(server, false) + " \"" + sep + "\" " + server.onWire(f + sep + "child");
            assertTrue(list.texts().contains(child), list.texts().toString());

            assertEquals("OK", m.subscribe(f).type());
            // imap4d quotes every name in LSUB (not in LIST)
            String lsubName = server.is(ImapServer.Kind.MAILUTILS) ? "\"" + f + "\"" : server.onWire(f);
            assertEquals(List.of(lsubAttributes(server) + " \"" + sep + "\" " + lsubName), m.lsub("\"\"", f).texts());
            assertEquals("OK", m.unsubscribe(f).type());
            assertNull(m.lsub("\"\"", f).data().get(0), "nothing subscribed: imaplib's [None]");

            assertEquals("OK", m.rename(f, g).type());
            assertEquals(List.of(children(server, false) + " \"" + sep + "\" " + server.onWire(g + sep + "child")),
                    m.list("\"\"", g + sep + "*").texts(),
                    "children move with their parent");
            // Courier answers OK to RENAME of a mailbox that does not exist, and creates nothing
            assertEquals(server.is(ImapServer.Kind.COURIER) ? "OK" : "NO", m.rename(f, g + "x").type(),
                    "the old name is gone");
            assertNull(m.list("\"\"", g + "x").data().get(0));

            ImapResult status = m.status(g, "(MESSAGES UIDNEXT UNSEEN)");
            assertEquals(List.of(server.onWire(g) + " (MESSAGES 0 UIDNEXT 1 UNSEEN 0)"), status.texts());

            assertEquals("OK", m.delete(g + sep + "child").type());
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
        String f = server.folder("select");
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
            if (!server.is(ImapServer.Kind.COURIER)) {
                assertEquals(List.of("4"), m.response("UIDNEXT").texts(), "Courier sends no UIDNEXT");
            }
            ImapResult recent = m.recent();
            assertEquals("OK", recent.type());
            // Courier counts as recent only what its own delivery put in new/
            assertEquals(List.of(server.is(ImapServer.Kind.COURIER) ? "0" : "3"), recent.texts(),
                    "the first SELECT sees the three new messages as recent");

            assertEquals("OK", m.check().type());
            assertEquals("OK", m.noop().type());
            ImapResult stored = m.store("1", "+FLAGS", "\\Deleted");
            assertEquals("OK", stored.type());
            assertTrue(stored.firstText().matches("1 \\(FLAGS \\(.*\\\\Deleted.*\\)\\)"), stored.texts().toString());
            assertEquals("OK", m.close().type());
            assertEquals("AUTH", m.state());
            assertEquals(List.of(server.onWire(f) + " (MESSAGES 2)"), m.status(f, "(MESSAGES)").texts(),
                    "CLOSE expunged");

            ImapResult ro = m.select(f, true);
            assertEquals(List.of("2"), ro.texts());
            assertEquals("READ-ONLY", m.response("READ-ONLY").type());
            ImapResult refused = m.store("1", "+FLAGS", "\\Seen");
            switch (server.kind()) {
                // Dovecot answers OK to STORE in a read-only mailbox and changes nothing
                case DOVECOT -> {
                    assertEquals("OK", refused.type());
                    assertNull(refused.data().get(0), "no FETCH: nothing changed");
                }
                case CYRUS -> assertEquals("NO", refused.type(), "Cyrus refuses STORE in a read-only mailbox");
                // imap4d and Courier answer OK and set the flag, read-only or not
                default -> {
                    assertEquals("OK", refused.type());
                    assertEquals(List.of("1 (FLAGS (\\Seen))"), refused.texts());
                }
            }
            boolean flagSet = server.is(ImapServer.Kind.MAILUTILS) || server.is(ImapServer.Kind.COURIER);
            assertEquals(List.of(flagSet ? "1 (FLAGS (\\Seen))" : "1 (FLAGS ())"), m.fetch("1", "(FLAGS)").texts(),
                    "unseen, where the server refused the STORE");
            if (server.supports(ImapServer.Feature.UNSELECT)) {
                assertEquals("OK", m.unselect().type());
            } else {
                // Courier has no UNSELECT: NO is returned, and the state is AUTH all the same, as
                // imaplib's unselect() leaves it
                assertEquals("NO", m.unselect().type());
            }
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
            String expectedNamespace = switch (server.kind()) {
                case DOVECOT -> "((\"\" \"/\")) ((\"shared/\" \"/\")) NIL";
                case CYRUS -> "((\"\" \"/\")) ((\"Other Users/\" \"/\")) ((\"Shared Folders/\" \"/\"))";
                case MAILUTILS -> "((\"\" \"/\")) NIL NIL";
                case COURIER -> "((\"INBOX.\" \".\")) NIL ((\"#shared.\" \".\")(\"shared.\" \".\"))";
            };
            assertEquals(List.of(expectedNamespace), m.namespace().texts());
            if (server.supports(ImapServer.Feature.CONDSTORE)) {
                assertEquals(List.of("CONDSTORE"), m.enable("CONDSTORE").texts());
            } else if (server.supports(ImapServer.Feature.ENABLE)) {
                assertEquals(List.of(""), m.enable("CONDSTORE").texts(), "Courier enables nothing it does not know");
            }
            if (server.supports(ImapServer.Feature.ACL)) {
                ImapResult rights = m.myrights("INBOX");
                String expectedRights = switch (server.kind()) {
                    case DOVECOT -> "INBOX lrwstipekxacd";
                    case COURIER -> "\"INBOX\" \"acdilrsw\"";
                    default -> "INBOX lrswipkxtecdan";
                };
                assertEquals(List.of(expectedRights), rights.texts());
            }
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
        if (server.isStream()) {
            assertNull(m.socket(), "a stream has no socket");
            m.shutdown();
        } else {
            assertTrue(m.socket().getTcpNoDelay());
            m.shutdown();
            assertTrue(m.socket().isClosed());
        }
        assertThrows(Imap4Exception.class, m::noop);
    }

    /**
     * The LIST attributes of a mailbox with or without children: RFC 3348 CHILDREN attributes,
     * which imap4d does not send.
     */
    private static String children(ImapServer server, boolean has) {
        if (server.is(ImapServer.Kind.MAILUTILS)) {
            return "()";
        }
        return has ? "(\\HasChildren)" : "(\\HasNoChildren)";
    }

    /** LSUB attributes: none, except on Courier, which adds the CHILDREN ones. */
    private static String lsubAttributes(ImapServer server) {
        return server.is(ImapServer.Kind.COURIER) ? "(\\HasNoChildren)" : "()";
    }
}
