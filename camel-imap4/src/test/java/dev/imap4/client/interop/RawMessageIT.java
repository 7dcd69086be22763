package dev.imap4.client.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.ImapData;
import dev.imap4.client.ImapResult;
import dev.imap4.client.ImapUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** imaplib's message commands through the raw API, with the results real servers give. */
class RawMessageIT {

    private static final String ENVELOPE = "ENVELOPE (\"Wed, 26 Nov 2025 10:00:00 +0000\" \"env check\""
            + " ((\"Ann Example\" NIL \"ann\" \"example.org\")) ((\"Ann Example\" NIL \"ann\" \"example.org\"))"
            + " ((\"Ann Example\" NIL \"ann\" \"example.org\")) ((\"Joe Example\" NIL \"joe\" \"example.org\"))"
            + " NIL NIL NIL \"<env.check@example.org>\")";

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void appendThenFetchCommonItems(ImapServer server) {
        Imap4 m = server.require().login();
        String f = server.folder("fetch");
        try {
            m.create(f);
            byte[] text = Fixtures.message("env check");
            ZonedDateTime date = ZonedDateTime.of(2025, 11, 26, 10, 0, 0, 0, ZoneOffset.ofHours(1));
            ImapResult appended = m.append(f, "(\\Flagged)", date, text);
            assertEquals("OK", appended.type());
            if (server.supports(ImapServer.Feature.UIDPLUS)) {
                assertTrue(appended.firstText().startsWith("[APPENDUID "), appended.firstText());
            }
            assertEquals("OK", m.append(f, null, null, Fixtures.multipart("with attachment")).type());
            m.select(f);

            ImapResult r = m.fetch("1", "(UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE)");
            String line = r.firstText();
            assertTrue(line.startsWith("1 ("), line);
            assertTrue(line.contains("UID 1"), line);
            assertTrue(line.contains("RFC822.SIZE " + text.length), line);
            assertTrue(line.contains(ENVELOPE), line);
            assertEquals(flagged(server), Set.copyOf(ImapUtil.parseFlags(line)));
            // imap4d 3.15 keeps the wall-clock time of an APPEND date and drops its zone (+01:00)
            ZonedDateTime stored = server.is(ImapServer.Kind.MAILUTILS) ? date.withZoneSameLocal(ZoneOffset.UTC) : date;
            assertEquals(stored.toInstant(), ImapUtil.internaldate2tuple(line).toInstant());

            String structure = m.fetch("2", "(BODYSTRUCTURE)").firstText().toLowerCase();
            assertTrue(structure.matches("2 \\(bodystructure \\(\\(\"text\" \"plain\" .*\\)\\("
                    + "\"application\" \"pdf\" \\(\"name\" \"r.pdf\"\\) nil nil \"base64\" 20 .*\\) \"mixed\" "
                    + "\\(\"boundary\" \"b1\"\\).*\\)\\)"), structure);

            ImapResult body = m.fetch("1", "(BODY.PEEK[])");
            ImapData.Pair pair = assertInstanceOf(ImapData.Pair.class, body.data().get(0));
            assertTrue(pair.headerText().matches("1 \\((UID 1 )?BODY\\[\\] \\{" + text.length + "\\}"),
                    pair.headerText());
            assertArrayEquals(text, pair.literal().bytes(), "the literal holds exactly the appended bytes");
            assertEquals(")", body.data().get(1).toString(), "the rest of the line, as imaplib returns it");

            ImapResult header = m.fetch("1", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])");
            assertEquals(subjectField(server) + ": env check\r\n\r\n",
                    new String(((ImapData.Pair) header.data().get(0)).literal().bytes()));
            String flags = m.fetch("1", "(FLAGS)").firstText();
            assertEquals(flagged(server), Set.copyOf(ImapUtil.parseFlags(flags)),
                    "BODY.PEEK does not set \\Seen");
        } finally {
            closeIfSelected(m);
            m.delete(f);
            Fixtures.quietly(m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void searchStoreCopyExpunge(ImapServer server) {
        Imap4 m = server.require().login();
        String f = server.folder("store");
        String g = f + "-copy";
        try {
            m.create(f);
            m.create(g);
            for (int i = 1; i <= 5; i++) {
                m.append(f, null, null, Fixtures.message("store " + i));
            }
            m.select(f);
            assertEquals(List.of("1 2 3 4 5"), m.search(null, "ALL").texts());
            assertEquals(List.of("3"), m.search("UTF-8", "SUBJECT", "\"store 3\"").texts());
            ImapResult stored = m.store("1:2", "+FLAGS", "(\\Deleted)");
            assertEquals(2, stored.data().size(), stored.texts().toString());
            assertEquals(List.of("1 2"), m.search(null, "DELETED").texts());
            ImapResult copied = m.copy("3:4", g);
            assertEquals("OK", copied.type());
            if (server.supports(ImapServer.Feature.UIDPLUS)) {
                assertTrue(copied.firstText().startsWith("[COPYUID "), copied.firstText());
            }
            ImapResult expunged = m.expunge();
            assertEquals("OK", expunged.type());
            if (server.is(ImapServer.Kind.MAILUTILS)) {
                // imap4d 3.15 writes "* 1 EXPUNGED", not EXPUNGE: imaplib finds no EXPUNGE data either
                assertEquals(Arrays.asList((String) null), expunged.texts());
            } else {
                assertEquals(2, expunged.data().size(), expunged.texts().toString());
            }
            assertEquals(List.of("1 2 3"), m.search(null, "ALL").texts());
            assertEquals(List.of(server.onWire(g) + " (MESSAGES 2)"), m.status(g, "(MESSAGES)").texts());
            assertEquals(List.of(""), m.search(null, "DELETED").texts(), "no match: one empty line, as imaplib");
        } finally {
            closeIfSelected(m);
            m.delete(f);
            m.delete(g);
            Fixtures.quietly(m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void uidWithEachCommand(ImapServer server) {
        Imap4 m = server.require().login();
        String f = server.folder("uid");
        String g = f + "-dest";
        try {
            m.create(f);
            m.create(g);
            for (int i = 1; i <= 4; i++) {
                m.append(f, null, null, Fixtures.message("uid " + i));
            }
            m.select(f);
            assertEquals(List.of("1 2 3 4"), m.uid("SEARCH", "ALL").texts());
            ImapResult fetched = m.uid("FETCH", "2:3", "(FLAGS)");
            assertEquals(2, fetched.data().size());
            assertTrue(fetched.firstText().matches("2 \\((UID 2 FLAGS \\(.*\\)|FLAGS \\(.*\\) UID 2)\\)"),
                    fetched.firstText());
            ImapResult stored = m.uid("STORE", "2", "+FLAGS", "(\\Seen)");
            assertTrue(stored.firstText().contains("\\Seen"), stored.texts().toString());
            ImapResult copied = m.uid("COPY", "2", g);
            assertEquals("OK", copied.type());
            assertEquals(null, copied.data().get(0), "UID COPY returns FETCH data, None here, as imaplib does");
            if (server.supports(ImapServer.Feature.UIDPLUS)) {
                assertTrue(m.response("COPYUID").firstText().matches("\\d+ 2 1"), "the tagged OK's code is kept");
            }
            if (server.supports(ImapServer.Feature.MOVE)) {
                assertEquals("OK", m.uid("MOVE", "3", g).type());
            } else {
                // no MOVE: the same by UID COPY, STORE \Deleted and EXPUNGE (RFC 6851 §3.3)
                assertEquals("OK", m.uid("COPY", "3", g).type());
                m.uid("STORE", "3", "+FLAGS.SILENT", "(\\Deleted)");
                assertEquals("OK", m.expunge().type());
            }
            assertEquals(List.of("1 2 4"), m.uid("SEARCH", "ALL").texts());
            if (server.supports(ImapServer.Feature.UIDPLUS)) {
                m.uid("STORE", "1,4", "+FLAGS.SILENT", "(\\Deleted)");
                assertEquals("OK", m.uid("EXPUNGE", "4").type());
                assertEquals(List.of("1 2"), m.uid("SEARCH", "ALL").texts(),
                        "UID EXPUNGE leaves UID 1, though \\Deleted");
            }
            if (server.is(ImapServer.Kind.COURIER)) {
                // Courier sorts messages that arrived in the same second in no fixed order
                // (RFC 5256 §3 breaks ties by sequence number)
                List<String> arrival = List.of(m.uid("SORT", "(ARRIVAL)", "UTF-8", "ALL").firstText().split(" "));
                assertEquals(Set.of("1", "2"), Set.copyOf(arrival));
            } else if (server.supports(ImapServer.Feature.SORT_THREAD)) {
                assertEquals(List.of("1 2"), m.uid("SORT", "(ARRIVAL)", "UTF-8", "ALL").texts());
            }
            Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.uid("BOGUS", "1"));
            assertTrue(e.getMessage().contains("Unknown IMAP4 UID command"), e.getMessage());
        } finally {
            closeIfSelected(m);
            m.delete(f);
            m.delete(g);
            Fixtures.quietly(m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void sortAndThreadByReferencesAndOrderedSubject(ImapServer server) {
        Imap4 m = server.require(ImapServer.Feature.SORT_THREAD).login();
        String f = server.folder("thread");
        try {
            m.create(f);
            m.append(f, null, null, Fixtures.message("alpha", "a@example.org", null, 9));
            m.append(f, null, null, Fixtures.message("Re: alpha", "a2@example.org", "a@example.org", 10));
            m.append(f, null, null, Fixtures.message("beta", "b@example.org", null, 11));
            m.append(f, null, null, Fixtures.message("Re: alpha", "a3@example.org", "a2@example.org", 12));
            m.select(f);
            assertEquals(List.of("4 3 2 1"), m.sort("(REVERSE DATE)", "UTF-8", "ALL").texts());
            // RFC 5256 §3 breaks ties by sequence number; Courier 5.0 does not
            assertEquals(List.of(server.is(ImapServer.Kind.COURIER) ? "4 2 1 3" : "1 2 4 3"),
                    m.sort("SUBJECT", "UTF-8", "ALL").texts());
            assertEquals(List.of("(1 2 4)(3)"), m.thread("REFERENCES", "UTF-8", "ALL").texts());
            // RFC 5256 §2.1 makes the later messages children of the first; Courier 5.0 chains them
            assertEquals(List.of(server.is(ImapServer.Kind.COURIER) ? "(1 2 4)(3)" : "(1 (2)(4))(3)"),
                    m.thread("ORDEREDSUBJECT", "UTF-8", "ALL").texts());
            assertEquals(List.of("(1 2 4)"), m.uid("THREAD", "REFERENCES", "UTF-8", "SUBJECT", "alpha").texts());
        } finally {
            closeIfSelected(m);
            m.delete(f);
            Fixtures.quietly(m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void searchWithNonAsciiCriteria(ImapServer server) {
        Imap4 m = server.require().login();
        String f = server.folder("charset");
        try {
            m.create(f);
            m.append(f, null, null, ("Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\n\r\nhi\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            m.append(f, null, null, Fixtures.message("other"));
            m.select(f);
            // raw API: an 8-bit argument goes as a literal, as RFC 3501 requires
            assertEquals(List.of("1"), m.search("UTF-8", "SUBJECT", "Grüße").texts());
            // typed API: each word is encoded by the same rule, so the 8-bit word goes as a literal too
            ImapClient c = m.client();
            assertEquals(List.of(1L), c.search("UTF-8", "SUBJECT Grüße").numbers());
            // a word the caller already quoted is sent as written: 8-bit in a quoted string is not
            // RFC 3501, but both servers accept it
            assertEquals(List.of(1L), c.search("UTF-8", "SUBJECT \"Grüße\"").numbers());
        } finally {
            closeIfSelected(m);
            m.delete(f);
            Fixtures.quietly(m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void partialProxyauthAndUnknownVerbsFailClearlyWithoutHanging(ImapServer server) {
        Imap4 m = server.require().login();
        try {
            if (server.is(ImapServer.Kind.COURIER)) {
                // Courier answers NO, not BAD, to a verb it does not know: returned, as imaplib returns it
                assertEquals("NO", m.proxyauth(server.user2()).type());
                m.select("INBOX");
                assertEquals("NO", m.partial("1", "BODY[]", 0, 10).type());
                assertEquals("NO", m.xatom("XBOGUS").type());
                assertEquals("OK", m.noop().type(), "the connection is still good");
                return;
            }
            // no server implements PARTIAL (RFC 1730) or PROXYAUTH: BAD raises, as in imaplib
            Imap4Exception proxy = assertTimeout(Duration.ofSeconds(10),
                    () -> assertThrows(Imap4Exception.class, () -> m.proxyauth(server.user2())));
            assertTrue(proxy.getMessage().startsWith("PROXYAUTH command error: BAD"), proxy.getMessage());
            m.select("INBOX");
            Imap4Exception partial = assertTimeout(Duration.ofSeconds(10),
                    () -> assertThrows(Imap4Exception.class, () -> m.partial("1", "BODY[]", 0, 10)));
            assertTrue(partial.getMessage().startsWith("PARTIAL command error: BAD"), partial.getMessage());
            Imap4Exception bogus = assertThrows(Imap4Exception.class, () -> m.xatom("XBOGUS"));
            assertTrue(bogus.getMessage().startsWith("XBOGUS command error: BAD"), bogus.getMessage());
            assertEquals("OK", m.noop().type(), "the connection is still good");
        } finally {
            Fixtures.quietly(m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void xatomSendsAnExtensionVerbAndKeepsItsData(ImapServer server) {
        Imap4 m = server.require().login();
        try {
            ImapResult r = m.xatom("ID", "(\"name\" \"camel-imap4\")");
            if (!server.supports(ImapServer.Feature.ID)) {
                assertEquals("NO", r.type(), "Courier has no ID");
                return;
            }
            assertEquals("OK", r.type());
            String id = m.response("ID").firstText();
            if (server.is(ImapServer.Kind.MAILUTILS)) {
                // imap4d 3.15 answers OK without the untagged ID response RFC 2971 §3.1 requires
                assertNull(id, "imap4d sends no ID data");
                return;
            }
            String name = server.is(ImapServer.Kind.DOVECOT) ? "\"name\" \"Dovecot\"" : "\"name\" \"Cyrus IMAPD\"";
            assertTrue(id.contains(name), id);
        } finally {
            Fixtures.quietly(m);
        }
    }

    /**
     * What FETCH FLAGS shows of a message appended with \\Flagged: Courier gives it no \\Recent;
     * imap4d 3.15 drops the flags APPEND gives a message in a Maildir.
     */
    private static Set<String> flagged(ImapServer server) {
        return switch (server.kind()) {
            case COURIER -> Set.of("\\Flagged");
            case MAILUTILS -> Set.of("\\Recent");
            default -> Set.of("\\Flagged", "\\Recent");
        };
    }

    /** imap4d writes a HEADER.FIELDS field name as the request spelled it, not as the message does. */
    private static String subjectField(ImapServer server) {
        return server.is(ImapServer.Kind.MAILUTILS) ? "SUBJECT" : "Subject";
    }

    /** Cleans up without hiding the test's failure: CLOSE only when a mailbox is selected. */
    private static void closeIfSelected(Imap4 m) {
        if ("SELECTED".equals(m.state())) {
            m.close();
        }
    }
}
