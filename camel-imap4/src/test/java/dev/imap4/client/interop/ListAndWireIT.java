package dev.imap4.client.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4;
import dev.imap4.client.ImapClient;
import dev.imap4.client.ImapResult;
import dev.imap4.client.types.ListEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LIST-EXTENDED, LIST-STATUS and SPECIAL-USE (the typed list has no selection or return options,
 * so these go through xatom), modified UTF-7 names and LITERAL+ on the wire (COMPRESS=DEFLATE is
 * {@link CompressIT}).
 */
class ListAndWireIT {

    private static final Map<String, String> SPECIAL = Map.of("Archive", "\\Archive", "Drafts", "\\Drafts",
            "Junk", "\\Junk", "Sent", "\\Sent", "Trash", "\\Trash");

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void specialUseFoldersTypedAndThroughListExtended(ImapServer server) {
        ImapClient c = server.require(ImapServer.Feature.SPECIAL_USE).client();
        try {
            Map<String, String> typed = new TreeMap<>();
            for (ListEntry e : c.list("", "*")) {
                if (e.specialUse() != null) {
                    typed.put(e.name(), e.specialUse());
                }
            }
            assertEquals(SPECIAL, typed, "special-use attributes in a plain LIST");

            ImapResult r = rawOf(server, m -> m.xatom("LIST", "(SPECIAL-USE)", "\"\"", "*"), "LIST");
            assertEquals(5, r.data().size(), r.texts().toString());
            for (String line : r.texts()) {
                String name = line.substring(line.lastIndexOf(' ') + 1);
                assertTrue(line.contains(SPECIAL.get(name)), line);
            }
        } finally {
            Fixtures.quietly(c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void listStatusAndListExtendedReturnOptions(ImapServer server) {
        Imap4 m = server.require(ImapServer.Feature.LIST_EXTENDED).login();
        String f = server.folder("liststatus");
        try {
            m.create(f);
            m.create(f + "/sub");
            m.append(f, null, null, Fixtures.message("ls 1"));
            m.append(f, "(\\Seen)", null, Fixtures.message("ls 2"));
            m.subscribe(f + "/sub");

            assertEquals("OK", m.xatom("LIST", "\"\"", f, "RETURN", "(CHILDREN STATUS (MESSAGES UNSEEN))").type());
            // Dovecot also marks the mailbox: it has messages new since the last SELECT
            String marked = server.is(ImapServer.Kind.DOVECOT) ? " \\Marked" : "";
            assertEquals(List.of("(\\HasChildren" + marked + ") \"/\" " + f), m.response("LIST").texts());
            assertEquals(List.of(f + " (MESSAGES 2 UNSEEN 1)"), m.response("STATUS").texts());

            assertEquals("OK", m.xatom("LIST", "(SUBSCRIBED)", "\"\"", f + "*").type());
            List<String> subscribed = m.response("LIST").texts();
            assertEquals(1, subscribed.size(), subscribed.toString());
            assertTrue(subscribed.get(0).contains("\\Subscribed") && subscribed.get(0).endsWith(f + "/sub"),
                    subscribed.get(0));

            assertEquals("OK", m.xatom("LIST", "(SUBSCRIBED RECURSIVEMATCH)", "\"\"", f).type());
            String childInfo = m.response("LIST").firstText();
            assertTrue(childInfo.endsWith(" " + f + " (\"CHILDINFO\" (\"SUBSCRIBED\"))") || childInfo.endsWith(
                    " " + f + " (CHILDINFO (\"SUBSCRIBED\"))"), "RFC 5258 CHILDINFO: " + childInfo);
        } finally {
            m.unsubscribe(f + "/sub");
            m.delete(f + "/sub");
            m.delete(f);
            Fixtures.quietly(m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void modifiedUtf7NamesRoundTripThroughTheTypedApi(ImapServer server) {
        // UTF8=ACCEPT off: a server offering it (Courier) would otherwise get UTF-8 names (Utf8AcceptIT)
        ImapClient c = server.require().open(server.options().withUtf8Accept(false)).client();
        server.logIn(c);
        String prefix = server.folder("utf7");
        String drafts = prefix + "-Entwürfe";
        String japanese = prefix + "-日本語";
        try {
            c.create(drafts);
            c.create(japanese);
            Map<String, String> raw = c.list("", prefix + "*").stream()
                    .collect(Collectors.toMap(ListEntry::name, ListEntry::rawName));
            assertEquals(Map.of(drafts, prefix + "-Entw&APw-rfe", japanese, prefix + "-&ZeVnLIqe-"), raw);
            c.append(japanese, List.of(), null, Fixtures.message("in Japanese"));
            assertEquals(1, c.select(japanese).exists());
            if (server.supports(ImapServer.Feature.UNSELECT)) {
                c.unselect();
            } else {
                c.closeMailbox();
            }
            c.rename(drafts, drafts + "-Ä");
            assertEquals(List.of(prefix + "-Entw&APw-rfe-&AMQ-"),
                    c.list("", drafts + "*").stream().map(ListEntry::rawName).toList());
            Imap4 m = server.login();
            try {
                assertEquals(List.of(server.onWire(prefix + "-&ZeVnLIqe-") + " (MESSAGES 1)"),
                        m.status(prefix + "-&ZeVnLIqe-", "(MESSAGES)").texts(), "the raw API speaks the wire form");
            } finally {
                Fixtures.quietly(m);
            }
            c.delete(drafts + "-Ä");
        } finally {
            Fixtures.drop(c, japanese);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void literalPlusAppendsWithoutWaitingForAContinuation(ImapServer server) {
        Recorder rec = new Recorder();
        Imap4 m = Recorder.RecordingImap4.open(server.require(ImapServer.Feature.LITERAL_PLUS), server.user(), rec);
        String f = server.folder("literal");
        try {
            server.logIn(m);
            assertTrue(m.capabilities().contains("LITERAL+"));
            m.create(f);
            byte[] msg = Fixtures.message("non-synchronizing");
            int firstEvent = rec.events().size();
            assertEquals("OK", m.append(f, null, null, msg).type());
            List<Recorder.Event> events = rec.events().subList(firstEvent, rec.events().size());
            StringBuilder sentBeforeFirstRead = new StringBuilder();
            for (Recorder.Event e : events) {
                if (!e.sent()) {
                    break;
                }
                sentBeforeFirstRead.append(e.text());
            }
            String sent = sentBeforeFirstRead.toString();
            assertTrue(sent.matches("(?s)\\w+ APPEND " + f + " \\{" + msg.length + "\\+\\}\r\n.*\r\n"),
                    "announcement {n+}, then the literal and the end of the command, before any read: " + sent);
            assertTrue(sent.contains(new String(msg, StandardCharsets.ISO_8859_1)));
            assertTrue(events.stream().noneMatch(e -> !e.sent() && e.text().startsWith("+")), "no continuation");
        } finally {
            m.delete(f);
            Fixtures.quietly(m);
        }
    }

    private static ImapResult rawOf(ImapServer server, Consumer<Imap4> command, String response) {
        Imap4 m = server.login();
        try {
            command.accept(m);
            return m.response(response);
        } finally {
            Fixtures.quietly(m);
        }
    }
}
