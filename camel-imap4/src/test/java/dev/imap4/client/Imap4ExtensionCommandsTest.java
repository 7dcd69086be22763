package dev.imap4.client;

import static dev.imap4.client.Imap4MailboxCommandsTest.line;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imap4.client.scripted.ScriptedServer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Extension commands of the raw API: PROXYAUTH, ACL, QUOTA, NAMESPACE, ENABLE, ANNOTATION, xatom. */
@Timeout(30)
class Imap4ExtensionCommandsTest {

    @Test
    void proxyauthIsASimpleCommand() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} PROXYAUTH joe
                S: {tag} OK now acting as joe
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(new ImapResult("OK", List.of(line("now acting as joe"))), m.proxyauth("joe"));
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void aclCommands() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} GETACL INBOX
                S: * ACL INBOX Fred rwipslxetad joe lrs
                S: {tag} OK GETACL completed
                C: {tag} SETACL INBOX Fred rwipsl
                S: {tag} OK SETACL completed
                C: {tag} DELETEACL INBOX Fred
                S: {tag} OK DELETEACL completed
                C: {tag} MYRIGHTS INBOX
                S: * MYRIGHTS INBOX rwiptsldaex
                S: {tag} OK MYRIGHTS completed
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(List.of("INBOX Fred rwipslxetad joe lrs"), m.getacl("INBOX").texts());
            assertEquals(List.of("SETACL completed"), m.setacl("INBOX", "Fred", "rwipsl").texts());
            assertEquals(List.of("DELETEACL completed"), m.deleteacl("INBOX", "Fred").texts());
            assertEquals(new ImapResult("OK", List.of(line("INBOX rwiptsldaex"))), m.myrights("INBOX"));
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void quotaCommands() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} GETQUOTA ""
                S: * QUOTA "" (STORAGE 10 512)
                S: {tag} OK GETQUOTA completed
                C: {tag} GETQUOTAROOT INBOX
                S: * QUOTAROOT INBOX ""
                S: * QUOTA "" (STORAGE 10 512)
                S: {tag} OK GETQUOTAROOT completed
                C: {tag} SETQUOTA "" (STORAGE 512)
                S: * QUOTA "" (STORAGE 10 512)
                S: {tag} OK SETQUOTA completed
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(List.of("\"\" (STORAGE 10 512)"), m.getquota("").texts());
            QuotaRootResult qr = m.getquotaroot("INBOX");
            assertEquals("OK", qr.type());
            assertEquals(List.of(line("INBOX \"\"")), qr.quotaRoot());
            assertEquals(List.of(line("\"\" (STORAGE 10 512)")), qr.quota());
            assertEquals(List.of("\"\" (STORAGE 10 512)"), m.setquota("", "(STORAGE 512)").texts());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void namespaceReturnsTheNamespaceData() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} NAMESPACE
                S: * NAMESPACE (("" "/")) NIL (("#shared/" "/"))
                S: {tag} OK NAMESPACE completed
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(List.of("((\"\" \"/\")) NIL ((\"#shared/\" \"/\"))"), m.namespace().texts());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void enableReturnsTheEnabledData() {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE CONDSTORE] ready
                C: {tag} ENABLE CONDSTORE
                S: * ENABLED CONDSTORE
                S: {tag} OK ENABLE completed
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(new ImapResult("OK", List.of(line("CONDSTORE"))), m.enable("CONDSTORE"));
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void annotationCommands() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} GETANNOTATION INBOX /comment value.priv
                S: * ANNOTATION INBOX "/comment" ("value.priv" "hi")
                S: {tag} OK GETANNOTATION completed
                C: {tag} SETANNOTATION INBOX /comment (value.priv "hello")
                S: {tag} OK SETANNOTATION completed
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(List.of("INBOX \"/comment\" (\"value.priv\" \"hi\")"),
                    m.getannotation("INBOX", "/comment", "value.priv").texts());
            assertEquals(Arrays.asList((String) null), m.setannotation("INBOX", "/comment", "(value.priv \"hello\")").texts());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void xatomSendsAnExtensionVerbAndKeepsItsUntaggedData() {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * PREAUTH [CAPABILITY IMAP4rev1 XLIST] ready
                C: {tag} XLIST "" *
                S: * XLIST (\\HasNoChildren \\Inbox) "/" Inbox
                S: {tag} OK XLIST completed
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(new ImapResult("OK", List.of(line("XLIST completed"))), m.xatom("xlist", "\"\"", "*"));
            assertEquals(new ImapResult("XLIST", List.of(line("(\\HasNoChildren \\Inbox) \"/\" Inbox"))), m.response("XLIST"));
            m.shutdown();
            server.verify();
        }
    }
}
