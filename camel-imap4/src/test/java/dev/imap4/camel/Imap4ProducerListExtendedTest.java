package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.ListEntry;
import dev.imap4.client.types.ListOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The producer's LIST with RFC 5258 LIST-EXTENDED selection and return options and RFC 5819
 * LIST-STATUS items from headers, against scripted servers: what is sent, the typed folders, and
 * what is refused before anything is sent.
 */
@Timeout(30)
class Imap4ProducerListExtendedTest {

    private static final String LOGOUT = """
            C: {tag} LOGOUT
            S: * BYE
            S: {tag} OK bye
            """;

    private static String preauth(String caps) {
        return "S: * PREAUTH [CAPABILITY IMAP4rev1 " + caps + "] ready\n";
    }

    /** Sends each header set as one exchange to one endpoint, and returns the exchanges. */
    private static List<Exchange> send(ScriptedServer server, List<Map<String, Object>> headers) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            ProducerTemplate t = context.createProducerTemplate();
            String uri = "imap4:127.0.0.1:" + server.port() + "?security=PLAIN&readTimeout=10000&command=LIST";
            List<Exchange> out = new java.util.ArrayList<>();
            for (Map<String, Object> h : headers) {
                out.add(t.request(uri, e -> e.getMessage().setHeaders(new HashMap<>(h))));
            }
            context.stop();
            return out;
        }
    }

    @Test
    void selectionReturnAndStatusHeadersGiveTypedFolders() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(preauth("LIST-EXTENDED LIST-STATUS SPECIAL-USE") + """
                C: {tag} LIST (SUBSCRIBED RECURSIVEMATCH) "" (INBOX "Work/*") RETURN (CHILDREN SPECIAL-USE STATUS (MESSAGES UNSEEN))
                S: * LIST (\\Subscribed \\HasNoChildren) "/" INBOX
                S: * STATUS INBOX (MESSAGES 3 UNSEEN 1)
                S: * LIST (\\Subscribed \\Sent \\HasChildren) "/" "Work/Sent Items" ("CHILDINFO" ("SUBSCRIBED"))
                S: * STATUS "Work/Sent Items" (MESSAGES 0 UNSEEN 0)
                S: * LIST (\\NonExistent \\HasChildren) "/" Work/Old
                S: {tag} OK listed
                """ + LOGOUT)) {
            Exchange e = send(server, List.of(Map.of(
                    Imap4Constants.ARGUMENTS, List.of("", "(INBOX \"Work/*\")"),
                    Imap4Constants.LIST_SELECTION, "SUBSCRIBED, recursivematch",
                    Imap4Constants.LIST_RETURN, List.of(ListOptions.Return.CHILDREN, "special_use"),
                    Imap4Constants.LIST_STATUS, "(MESSAGES UNSEEN)"))).get(0);
            assertNull(e.getException());
            @SuppressWarnings("unchecked")
            List<Imap4ListedFolder> folders = e.getMessage().getBody(List.class);
            assertEquals(3, folders.size());
            assertEquals("INBOX", folders.get(0).name());
            assertTrue(folders.get(0).isSubscribed());
            assertFalse(folders.get(0).hasChildren());
            assertEquals(3L, folders.get(0).status().messages());
            assertEquals(1L, folders.get(0).status().unseen());
            Imap4ListedFolder sent = folders.get(1);
            assertEquals("Work/Sent Items", sent.name());
            assertEquals("\\Sent", sent.specialUse());
            assertTrue(sent.hasChildren());
            assertEquals(List.of("SUBSCRIBED"), sent.entry().extended().get("CHILDINFO"));
            assertEquals(0L, sent.status().messages());
            assertFalse(folders.get(2).isSelectable());
            assertNull(folders.get(2).status());
            server.verify();
        }
    }

    @Test
    void withoutOptionsListStaysPlainAndSeveralPatternsAreOneExtendedList() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(preauth("LIST-EXTENDED") + """
                C: {tag} LIST "" "Work/*"
                S: * LIST (\\HasNoChildren) "/" Work/Done
                S: {tag} OK listed
                C: {tag} LIST "" (INBOX Archive)
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * LIST (\\HasNoChildren) "/" Archive
                S: {tag} OK listed
                """ + LOGOUT)) {
            List<Exchange> es = send(server, List.of(
                    Map.of(Imap4Constants.ARGUMENTS, List.of("", "Work/*")),
                    Map.of(Imap4Constants.ARGUMENTS, List.of("", "INBOX", "Archive"))));
            List<?> plain = es.get(0).getMessage().getBody(List.class);
            assertInstanceOf(ListEntry.class, plain.get(0));
            List<?> two = es.get(1).getMessage().getBody(List.class);
            assertEquals("Archive", assertInstanceOf(Imap4ListedFolder.class, two.get(1)).name());
            server.verify();
        }
    }

    @Test
    void optionsTheServerLacksAreRefusedBeforeAnythingIsSent() throws Exception {
        // CHILDREN alone: a plain LIST server, no LIST-EXTENDED, so no option can be sent
        try (ScriptedServer server = ScriptedServer.start(preauth("CHILDREN LIST-STATUS") + """
                C: {tag} NOOP
                S: {tag} OK still here
                """ + LOGOUT)) {
            DefaultCamelContext context = new DefaultCamelContext();
            context.start();
            ProducerTemplate t = context.createProducerTemplate();
            String uri = "imap4:127.0.0.1:" + server.port() + "?security=PLAIN&readTimeout=10000";
            for (String header : List.of(Imap4Constants.LIST_SELECTION, Imap4Constants.LIST_RETURN,
                    Imap4Constants.LIST_STATUS)) {
                Exchange e = t.request(uri, x -> {
                    x.getMessage().setHeader(Imap4Constants.COMMAND, "LIST");
                    x.getMessage().setHeader(header, header.equals(Imap4Constants.LIST_STATUS) ? "MESSAGES"
                            : "SUBSCRIBED");
                });
                Imap4Exception refused = assertInstanceOf(Imap4Exception.class, e.getException());
                assertFalse(refused instanceof Imap4CommandException);
                assertTrue(refused.getMessage().contains("does not offer LIST-EXTENDED"), refused.getMessage());
            }
            // the connection was not used up by the refusals
            assertNull(t.request(uri, x -> x.getMessage().setHeader(Imap4Constants.COMMAND, "NOOP")).getException());
            context.stop();
            server.verify();
        }
    }

    @Test
    void statusWithoutListStatusAndSpecialUseWithoutSpecialUseAreRefused() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(preauth("LIST-EXTENDED") + LOGOUT)) {
            List<Exchange> es = send(server, List.of(
                    Map.of(Imap4Constants.LIST_STATUS, List.of("MESSAGES")),
                    Map.of(Imap4Constants.LIST_SELECTION, ListOptions.Selection.SPECIAL_USE)));
            assertTrue(es.get(0).getException().getMessage().contains("does not offer LIST-STATUS"),
                    es.get(0).getException().getMessage());
            assertTrue(es.get(1).getException().getMessage().contains("does not offer SPECIAL-USE"),
                    es.get(1).getException().getMessage());
            server.verify();
        }
    }

    @Test
    void aServerNoIsACommandErrorAndTheConnectionStaysPooled() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(preauth("LIST-EXTENDED") + """
                C: {tag} LIST (REMOTE) "" "*"
                S: {tag} NO [UNAVAILABLE] try later
                C: {tag} LIST (REMOTE) "" "*"
                S: * LIST (\\Remote) "/" Elsewhere
                S: {tag} OK listed
                """ + LOGOUT)) {
            List<Exchange> es = send(server, List.of(Map.of(Imap4Constants.LIST_SELECTION, "REMOTE"),
                    Map.of(Imap4Constants.LIST_SELECTION, "REMOTE")));
            Imap4CommandException no = assertInstanceOf(Imap4CommandException.class, es.get(0).getException());
            assertEquals("UNAVAILABLE", no.code());
            assertEquals("NO", es.get(0).getMessage().getHeader(Imap4Constants.RESPONSE_TYPE));
            List<?> folders = es.get(1).getMessage().getBody(List.class);
            assertEquals("Elsewhere", ((Imap4ListedFolder) folders.get(0)).name());
            server.verify();
        }
    }

    @Test
    void badHeaderValuesAreRefusedWithTheHeaderNamed() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(preauth("LIST-EXTENDED LIST-STATUS") + LOGOUT)) {
            List<Exchange> es = send(server, List.of(
                    Map.of(Imap4Constants.LIST_SELECTION, 42),
                    Map.of(Imap4Constants.LIST_RETURN, "CHILDREN BOGUS"),
                    Map.of(Imap4Constants.LIST_SELECTION, "RECURSIVEMATCH"),
                    Map.of(Imap4Constants.LIST_STATUS, "MESSAGES) (X"),
                    Map.of(Imap4Constants.LIST_SELECTION, List.of("SUBSCRIBED", 7))));
            assertRefused(es.get(0), "CamelImap4ListSelection holds a java.lang.Integer");
            assertRefused(es.get(1), "unknown option BOGUS");
            assertRefused(es.get(2), "RECURSIVEMATCH needs another selection option");
            assertRefused(es.get(3), "a STATUS item is a word");
            assertRefused(es.get(4), "CamelImap4ListSelection holds a java.lang.Integer element");
            server.verify();
        }
    }

    private static void assertRefused(Exchange e, String text) {
        IllegalArgumentException x = assertInstanceOf(IllegalArgumentException.class, e.getException());
        assertTrue(x.getMessage().contains(text), x.getMessage());
    }
}
