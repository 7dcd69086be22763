package dev.imap4.client.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4;
import dev.imap4.client.ImapClient;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.ListEntry;
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
                C: {tag} LIST "" {7+}
                C: Été/*
                S: * LIST () "/" "Été/R&D-Notes"
                S: {tag} OK listed
                C: {tag} CREATE {15+}
                C: Été/R&D-Notes
                S: {tag} OK created
                """)) {
            ImapClient c = new Imap4("127.0.0.1", server.port(), TypedClientScriptedTest.OPTIONS).client();
            c.login("joe", "pw");
            assertTrue(c.isUtf8Enabled());
            List<ListEntry> all = c.list("", "Été/*");
            assertEquals("Été/R&D-Notes", all.get(0).name(), "a UTF-8 name is never decoded as modified UTF-7");
            c.create("Été/R&D-Notes");
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
}
