package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.UntaggedResponse;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.Acl;
import dev.imap4.client.types.MyRights;
import dev.imap4.client.types.Namespaces;
import dev.imap4.client.types.ThreadNode;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Producer verbs GreenMail cannot answer (ACL, THREAD, NAMESPACE, extension verbs) and argument
 * injection, against a scripted server that checks every line the client sends.
 */
@Timeout(30)
class Imap4ProducerScriptedTest {

    private static final String PREAUTH = "S: * PREAUTH [CAPABILITY IMAP4rev1 ACL NAMESPACE THREAD=REFERENCES"
            + " XPING] ready\n";

    private static Exchange send(ScriptedServer server, String command, Object arguments, String folder)
            throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            // allowRawCommands: some tests send the extension verb XPING
            String uri = "imap4:127.0.0.1:" + server.port() + "?security=PLAIN&readTimeout=10000&allowRawCommands=true";
            return template.request(uri, e -> {
                e.getMessage().setHeader(Imap4Constants.COMMAND, command);
                e.getMessage().setHeader(Imap4Constants.ARGUMENTS, arguments);
                if (folder != null) {
                    e.getMessage().setHeader(Imap4Constants.FOLDER, folder);
                }
            });
        }
    }

    @Test
    void aclCommandsAreTypedAndShareOnePooledConnection() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} GETACL "Shared Docs"
                S: * ACL "Shared Docs" ann lrs joe lrswipkxtea
                S: {tag} OK done
                C: {tag} SETACL "Shared Docs" bob lr
                S: {tag} OK set
                C: {tag} MYRIGHTS "Shared Docs"
                S: * MYRIGHTS "Shared Docs" lrswi
                S: {tag} OK done
                C: {tag} DELETEACL "Shared Docs" bob
                S: {tag} OK deleted
                C: {tag} LOGOUT
                S: * BYE
                S: {tag} OK bye
                """)) {
            try (DefaultCamelContext context = new DefaultCamelContext()) {
                context.start();
                ProducerTemplate template = context.createProducerTemplate();
                String uri = "imap4:127.0.0.1:" + server.port() + "?security=PLAIN&readTimeout=10000";
                Acl acl = template.requestBodyAndHeaders(uri, null, Map.of(Imap4Constants.COMMAND, "GETACL",
                        Imap4Constants.ARGUMENTS, List.of("Shared Docs")), Acl.class);
                assertEquals("lrs", acl.entries().get(0).rights());
                template.requestBodyAndHeaders(uri, null, Map.of(Imap4Constants.COMMAND, "SETACL",
                        Imap4Constants.ARGUMENTS, List.of("Shared Docs", "bob", "lr")));
                MyRights mine = template.requestBodyAndHeaders(uri, null, Map.of(Imap4Constants.COMMAND, "MYRIGHTS",
                        Imap4Constants.ARGUMENTS, "\"Shared Docs\""), MyRights.class);
                assertEquals("lrswi", mine.rights());
                template.requestBodyAndHeaders(uri, null, Map.of(Imap4Constants.COMMAND, "DELETEACL",
                        Imap4Constants.ARGUMENTS, List.of("Shared Docs", "bob")));
            }
            server.verify();
        }
    }

    @Test
    void threadSelectsTheFolderFromTheHeaderFirst() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} SELECT Lists
                S: * 3 EXISTS
                S: * OK [UIDVALIDITY 7] ok
                S: {tag} OK [READ-WRITE] selected
                C: {tag} UID THREAD REFERENCES UTF-8 ALL
                S: * THREAD (1 2)(3)
                S: {tag} OK threaded
                C: {tag} LOGOUT
                S: * BYE
                S: {tag} OK bye
                """)) {
            Exchange e = send(server, "UID THREAD", "REFERENCES UTF-8 ALL", "Lists");
            @SuppressWarnings("unchecked")
            List<ThreadNode> threads = e.getMessage().getBody(List.class);
            assertEquals(2, threads.size());
            assertEquals(1L, threads.get(0).number());
            server.verify();
        }
    }

    @Test
    void namespaceIsTyped() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} NAMESPACE
                S: * NAMESPACE (("" "/")) NIL (("Shared/" "/"))
                S: {tag} OK done
                C: {tag} LOGOUT
                S: * BYE
                S: {tag} OK bye
                """)) {
            Namespaces ns = send(server, "NAMESPACE", null, null).getMessage().getBody(Namespaces.class);
            assertEquals("Shared/", ns.shared().get(0).prefix());
            server.verify();
        }
    }

    @Test
    void anExtensionVerbReturnsItsUntaggedResponses() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} XPING "hello world"
                S: * XPONG hello world
                S: {tag} OK [XCODE 5] pong
                C: {tag} LOGOUT
                S: * BYE
                S: {tag} OK bye
                """)) {
            Exchange e = send(server, "xping", List.of("hello world"), null);
            @SuppressWarnings("unchecked")
            List<UntaggedResponse> body = e.getMessage().getBody(List.class);
            assertEquals("XPONG", body.get(0).name());
            assertEquals("XCODE", e.getMessage().getHeader(Imap4Constants.RESPONSE_CODE));
            assertEquals("pong", e.getMessage().getHeader(Imap4Constants.RESPONSE_TEXT));
            server.verify();
        }
    }

    /** CR/LF in an argument travels inside a literal: the server sees exactly one command. */
    @Test
    void argumentsCannotInjectACommand() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} XPING {18}
                S: + go on
                C: a<CR><LF>A1 DELETE INBOX
                S: {tag} NO [CANNOT] odd argument
                C: {tag} LOGOUT
                S: * BYE
                S: {tag} OK bye
                """)) {
            Exchange e = send(server, "XPING", List.of("a\r\nA1 DELETE INBOX"), null);
            assertTrue(e.getException() instanceof dev.imap4.client.Imap4CommandException, String.valueOf(e.getException()));
            server.verify();
        }
    }

    /** A mailbox name with CR/LF is sent in modified UTF-7, so it cannot break the line either. */
    @Test
    void mailboxNamesCannotInjectACommand() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} CREATE "x&AA0ACg-A1 DELETE INBOX"
                S: {tag} OK created an odd name
                C: {tag} LOGOUT
                S: * BYE
                S: {tag} OK bye
                """)) {
            Exchange e = send(server, "CREATE", List.of("x\r\nA1 DELETE INBOX"), null);
            assertEquals(null, e.getException());
            server.verify();
        }
    }

    /** A raw (parenthesised) argument with CR/LF cannot become a literal: refused before anything is sent. */
    @Test
    void aParenthesisedArgumentWithLineBreaksIsRefused() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} LOGOUT
                S: * BYE
                S: {tag} OK bye
                """)) {
            Exchange e = send(server, "XPING", List.of("(a\r\nA2 DELETE INBOX)"), null);
            assertTrue(e.getException().getMessage().contains("CR, LF or NUL"), e.getException().getMessage());
            server.verify();
        }
    }
}
