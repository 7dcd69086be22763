package dev.imap4.client.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.scripted.ScriptedClientTestSupport;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.ListEntry;
import dev.imap4.client.types.ListOptions;
import dev.imap4.client.types.ListResult;
import dev.imap4.client.types.MailboxStatus;
import dev.imap4.client.types.SearchKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RFC 6855 UTF8=ACCEPT: ENABLEd after login when offered, names then UTF-8 both ways. */
@Timeout(30)
class ImapClientUtf8AcceptTest {

    private static final String GREETING = "S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\n";

    @Test
    void enabledAfterLoginNamesTravelAsUtf8() {
        try (ScriptedServer server = ScriptedServer.start(GREETING + """
                C: {tag} LOGIN joe "pw"
                S: {tag} OK [CAPABILITY IMAP4rev1 ENABLE UTF8=ACCEPT LITERAL+] logged in
                C: {tag} ENABLE UTF8=ACCEPT
                S: * ENABLED UTF8=ACCEPT
                S: {tag} OK enabled
                C: {tag} LIST "" "Été/*"
                S: * LIST () "/" "Été/R&D-Notes"
                S: {tag} OK listed
                C: {tag} CREATE "Été/R&D-Notes"
                S: {tag} OK created
                C: {tag} CREATE {4+}
                C: a<CRLF>b
                S: {tag} NO [CANNOT] no line breaks in names
                """)) {
            ImapClient c = new Imap4("127.0.0.1", server.port(), TypedClientScriptedTest.OPTIONS).client();
            c.login("joe", "pw");
            assertTrue(c.isUtf8Enabled());
            List<ListEntry> all = c.list("", "Été/*");
            assertEquals("Été/R&D-Notes", all.get(0).name(), "a UTF-8 name is never decoded as modified UTF-7");
            c.create("Été/R&D-Notes");
            // a name UTF-8 quoting cannot carry still goes as a literal, never raw
            Imap4CommandException e = assertThrows(Imap4CommandException.class, () -> c.create("a\r\nb"));
            assertEquals("CANNOT", e.code());
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void offByOptionOrWithoutAnEnabledAnswerNamesStayModifiedUtf7() {
        try (ScriptedServer server = ScriptedServer.start(GREETING + """
                C: {tag} LOGIN joe "pw"
                S: {tag} OK [CAPABILITY IMAP4rev1 ENABLE UTF8=ACCEPT] logged in
                C: {tag} CREATE &AMk-t&AOk-
                S: {tag} OK created
                """)) {
            ImapClient c = new Imap4("127.0.0.1", server.port(),
                    TypedClientScriptedTest.OPTIONS.withUtf8Accept(false)).client();
            c.login("joe", "pw");
            assertFalse(c.isUtf8Enabled());
            c.create("Été");
            c.shutdown();
            server.verify();
        }
        try (ScriptedServer server = ScriptedServer.start(GREETING + """
                C: {tag} LOGIN joe "pw"
                S: {tag} OK [CAPABILITY IMAP4rev1 ENABLE UTF8=ACCEPT] logged in
                C: {tag} ENABLE UTF8=ACCEPT
                S: {tag} OK nothing enabled
                C: {tag} CREATE &AMk-t&AOk-
                S: {tag} OK created
                """)) {
            ImapClient c = new Imap4("127.0.0.1", server.port(), TypedClientScriptedTest.OPTIONS).client();
            c.login("joe", "pw");
            assertFalse(c.isUtf8Enabled());
            c.create("Été");
            c.shutdown();
            server.verify();
        }
    }

    private static ImapClient loggedIn(ScriptedServer server) {
        ImapClient c = new Imap4("127.0.0.1", server.port(), TypedClientScriptedTest.OPTIONS).client();
        c.login("joe", "pw");
        return c;
    }

    private static final String LOGIN_UTF8 = GREETING + """
            C: {tag} LOGIN joe "pw"
            S: {tag} OK [CAPABILITY IMAP4rev1 ENABLE UTF8=ACCEPT LIST-EXTENDED LIST-STATUS NAMESPACE] logged in
            C: {tag} ENABLE UTF8=ACCEPT
            S: * ENABLED UTF8=ACCEPT
            S: {tag} OK enabled
            """;

    @Test
    void statusAndNamespaceNamesDecodeLikeListNames() {
        // "&AOk-t&AOk-" is a valid modified UTF-7 spelling of "été": after ENABLE it is a UTF-8 name of its own
        try (ScriptedServer server = ScriptedServer.start(LOGIN_UTF8 + """
                C: {tag} STATUS &AOk-t&AOk- (MESSAGES)
                S: * STATUS "&AOk-t&AOk-" (MESSAGES 3)
                S: {tag} OK status
                C: {tag} LIST (SUBSCRIBED) "" "*" RETURN (STATUS (MESSAGES))
                S: * LIST () "/" "&AOk-t&AOk-"
                S: * STATUS "&AOk-t&AOk-" (MESSAGES 3)
                S: * LIST () "/" "Été"
                S: * STATUS "Été" (MESSAGES 4)
                S: {tag} OK listed
                C: {tag} NAMESPACE
                S: * NAMESPACE (("&AOk-/" "/")) NIL NIL
                S: {tag} OK namespace
                """)) {
            ImapClient c = loggedIn(server);
            MailboxStatus st = c.status("&AOk-t&AOk-", "MESSAGES");
            assertEquals("&AOk-t&AOk-", st.mailbox());
            ListResult r = c.list("", List.of("*"), ListOptions.none().select(ListOptions.Selection.SUBSCRIBED)
                    .withStatus("MESSAGES"));
            assertEquals(List.of("&AOk-t&AOk-", "Été"), r.entries().stream().map(ListEntry::name).toList());
            assertEquals(3L, r.status("&AOk-t&AOk-").items().get("MESSAGES"));
            assertEquals(4L, r.status("Été").items().get("MESSAGES"));
            assertEquals("&AOk-/", c.extensions().namespace().personal().get(0).prefix());
            ScriptedClientTestSupport.done(c, server);
        }
        // before ENABLE (here: none offered) the same data is modified UTF-7 both ways
        try (ScriptedServer server = ScriptedServer.start(GREETING + """
                C: {tag} LOGIN joe "pw"
                S: {tag} OK [CAPABILITY IMAP4rev1 LIST-EXTENDED LIST-STATUS] logged in
                C: {tag} STATUS &AMk-t&AOk- (MESSAGES)
                S: * STATUS "&AMk-t&AOk-" (MESSAGES 3)
                S: {tag} OK status
                C: {tag} LIST (SUBSCRIBED) "" "&AMk-t&AOk-/*" RETURN (STATUS (MESSAGES))
                S: * LIST () "/" "&AMk-t&AOk-/R&-D"
                S: * STATUS "&AMk-t&AOk-/R&-D" (MESSAGES 5)
                S: {tag} OK listed
                """)) {
            ImapClient c = loggedIn(server);
            assertFalse(c.isUtf8Enabled());
            assertEquals("Été", c.status("Été", "MESSAGES").mailbox());
            ListResult r = c.list("", List.of("Été/*"), ListOptions.none().select(ListOptions.Selection.SUBSCRIBED)
                    .withStatus("MESSAGES"));
            assertEquals("Été/R&D", r.entries().get(0).name());
            assertEquals(5L, r.status("Été/R&D").items().get("MESSAGES"));
            ScriptedClientTestSupport.done(c, server);
        }
    }

    @Test
    void preauthGreetingEnablesUtf8WithoutALogin() {
        try (ScriptedServer server = ScriptedServer.start(ScriptedClientTestSupport.preauth("ENABLE UTF8=ACCEPT") + """
                C: {tag} ENABLE UTF8=ACCEPT
                S: * ENABLED UTF8=ACCEPT
                S: {tag} OK enabled
                C: {tag} SELECT "Été"
                S: * 0 EXISTS
                S: {tag} OK [READ-WRITE] selected
                """)) {
            ImapClient c = ScriptedClientTestSupport.connect(server);
            assertTrue(c.isUtf8Enabled());
            c.select("Été");
            ScriptedClientTestSupport.done(c, server);
        }
        // the option off: no ENABLE, modified UTF-7 names
        try (ScriptedServer server = ScriptedServer.start(ScriptedClientTestSupport.preauth("ENABLE UTF8=ACCEPT") + """
                C: {tag} CREATE &AMk-t&AOk-
                S: {tag} OK created
                """)) {
            ImapClient c = new Imap4("127.0.0.1", server.port(),
                    TypedClientScriptedTest.OPTIONS.withUtf8Accept(false)).client();
            assertFalse(c.isUtf8Enabled());
            c.create("Été");
            ScriptedClientTestSupport.done(c, server);
        }
    }

    @Test
    void preauthGreetingWithoutCapabilitiesAsksThemThenEnables() {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * PREAUTH ready
                C: {tag} CAPABILITY
                S: * CAPABILITY IMAP4rev1 ENABLE UTF8=ACCEPT
                S: {tag} OK capability
                C: {tag} ENABLE UTF8=ACCEPT
                S: * ENABLED UTF8=ACCEPT
                S: {tag} OK enabled
                C: {tag} CREATE "Été"
                S: {tag} OK created
                """)) {
            ImapClient c = ScriptedClientTestSupport.connect(server);
            assertTrue(c.isUtf8Enabled());
            c.create("Été");
            ScriptedClientTestSupport.done(c, server);
        }
    }

    @Test
    void utf8OnlyServerIsEnabledEvenWithoutAnEnabledAnswer() {
        try (ScriptedServer server = ScriptedServer.start(GREETING + """
                C: {tag} LOGIN joe "pw"
                S: {tag} OK [CAPABILITY IMAP4rev1 UTF8=ONLY] logged in
                C: {tag} ENABLE UTF8=ACCEPT
                S: {tag} OK enabled
                C: {tag} CREATE "Été"
                S: {tag} OK created
                """)) {
            ImapClient c = loggedIn(server);
            assertTrue(c.isUtf8Enabled(), "a UTF8=ONLY server has no modified UTF-7 mode");
            c.create("Été");
            ScriptedClientTestSupport.done(c, server);
        }
    }

    @Test
    void utf8OnlyServerWithTheOptionOffIsAClearError() {
        try (ScriptedServer server = ScriptedServer.start(GREETING + """
                C: {tag} LOGIN joe "pw"
                S: {tag} OK [CAPABILITY IMAP4rev1 ENABLE UTF8=ACCEPT UTF8=ONLY] logged in
                """)) {
            ImapClient c = new Imap4("127.0.0.1", server.port(),
                    TypedClientScriptedTest.OPTIONS.withUtf8Accept(false)).client();
            Imap4Exception e = assertThrows(Imap4Exception.class, () -> c.login("joe", "pw"));
            assertTrue(e.getMessage().contains("UTF8=ONLY") && e.getMessage().contains("withUtf8Accept(false)"),
                    e.getMessage());
            assertFalse(c.isUtf8Enabled());
            ScriptedClientTestSupport.done(c, server);
        }
    }

    @Test
    void utf8OnlyServerRefusingEnableIsAClearError() {
        try (ScriptedServer server = ScriptedServer.start(GREETING + """
                C: {tag} LOGIN joe "pw"
                S: {tag} OK [CAPABILITY IMAP4rev1 ENABLE UTF8=ONLY] logged in
                C: {tag} ENABLE UTF8=ACCEPT
                S: {tag} BAD not now
                """)) {
            ImapClient c = new Imap4("127.0.0.1", server.port(), TypedClientScriptedTest.OPTIONS).client();
            Imap4CommandException e = assertThrows(Imap4CommandException.class, () -> c.login("joe", "pw"));
            assertTrue(e.getMessage().contains("UTF8=ONLY") && e.getMessage().contains("BAD not now"), e.getMessage());
            assertFalse(c.isUtf8Enabled());
            ScriptedClientTestSupport.done(c, server);
        }
    }

    @Test
    void anExplicitEnableOfUtf8AcceptSwitchesNamesToo() {
        try (ScriptedServer server = ScriptedServer.start(GREETING + """
                C: {tag} LOGIN joe "pw"
                S: {tag} OK [CAPABILITY IMAP4rev1 ENABLE UTF8=ACCEPT] logged in
                C: {tag} ENABLE UTF8=ACCEPT
                S: * ENABLED UTF8=ACCEPT
                S: {tag} OK enabled
                C: {tag} STATUS "Été" (MESSAGES)
                S: * STATUS "Été" (MESSAGES 1)
                S: {tag} OK status
                """)) {
            ImapClient c = new Imap4("127.0.0.1", server.port(),
                    TypedClientScriptedTest.OPTIONS.withUtf8Accept(false)).client();
            c.login("joe", "pw");
            c.extensions().enable("UTF8=ACCEPT");
            assertTrue(c.isUtf8Enabled());
            assertEquals("Été", c.status("Été", "MESSAGES").mailbox());
            ScriptedClientTestSupport.done(c, server);
        }
    }

    @Test
    void searchNamesNoCharsetOnceUtf8IsEnabled() {
        // RFC 6855 §3: after ENABLE UTF8=ACCEPT a SEARCH must not carry a charset; its strings are UTF-8
        try (ScriptedServer server = ScriptedServer.start(LOGIN_UTF8 + """
                C: {tag} SELECT INBOX
                S: * 1 EXISTS
                S: {tag} OK [READ-WRITE] selected
                C: {tag} UID SEARCH SUBJECT "Grüße"
                S: * SEARCH 7
                S: {tag} OK searched
                """)) {
            Imap4 raw = new Imap4("127.0.0.1", server.port(), TypedClientScriptedTest.OPTIONS);
            ImapClient c = raw.client();
            c.login("joe", "pw");
            c.select("INBOX");
            assertEquals(List.of(7L), c.search(true, SearchKey.subject("Grüße")).numbers());
            // a charset given by the caller is refused before sending, on every search form
            Imap4Exception typed = assertThrows(Imap4Exception.class, () -> c.search(true, "UTF-8", List.of("ALL")));
            assertTrue(typed.getMessage().contains("RFC 6855"), typed.getMessage());
            Imap4Exception e = assertThrows(Imap4Exception.class, () -> raw.search("UTF-8", "ALL"));
            assertTrue(e.getMessage().contains("RFC 6855"), e.getMessage());
            ScriptedClientTestSupport.done(c, server);
        }
    }
}
