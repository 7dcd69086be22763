package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.AppendMessage;
import dev.imap4.client.types.AppendUid;
import dev.imap4.client.types.NumberSet;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The producer's APPEND of several messages (a List, array or Iterable body): one RFC 3502
 * MULTIAPPEND when offered, else one APPEND each with a partial failure reported; APPENDUID per
 * message in a header; APPENDLIMIT checked for each message before anything is sent.
 */
@Timeout(30)
class Imap4ProducerMultiAppendTest {

    private static final String LOGOUT = """
            C: {tag} LOGOUT
            S: * BYE
            S: {tag} OK bye
            """;

    private static String preauth(String caps) {
        return "S: * PREAUTH [CAPABILITY IMAP4rev1 LITERAL+ " + caps + "] ready\n";
    }

    private static List<Exchange> send(ScriptedServer server, List<Object> bodies, Map<String, Object> headers)
            throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            ProducerTemplate t = context.createProducerTemplate();
            String uri = "imap4:127.0.0.1:" + server.port() + "?security=PLAIN&readTimeout=10000&command=APPEND"
                    + "&folder=Sent";
            List<Exchange> out = new java.util.ArrayList<>();
            for (Object body : bodies) {
                out.add(t.request(uri, e -> {
                    e.getMessage().setHeaders(new HashMap<>(headers));
                    e.getMessage().setBody(body);
                }));
            }
            context.stop();
            return out;
        }
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aListBodyGoesInOneMultiappendWithAUidPerMessage() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(preauth("MULTIAPPEND UIDPLUS") + """
                C: {tag} APPEND Sent (\\Seen) {3+}
                C: one (\\Seen) {3+}
                C: two (\\Seen) {5+}
                C: three (\\Draft) {4+}
                C: four
                S: {tag} OK [APPENDUID 38505 3955:3958] appended
                """ + LOGOUT)) {
            AppendMessage own = AppendMessage.of(List.of("\\Draft"), null, "four".getBytes(StandardCharsets.US_ASCII));
            Exchange e = send(server, List.of(List.of("one", "two".getBytes(StandardCharsets.US_ASCII),
                    stream("three"), own)), Map.of(Imap4Constants.FLAGS, "(\\Seen)")).get(0);
            assertNull(e.getException());
            assertEquals(new AppendUid(38505, NumberSet.uidRange(3955, 3958)), e.getMessage().getBody());
            assertEquals(List.of(3955L, 3956L, 3957L, 3958L), e.getMessage().getHeader(Imap4Constants.APPEND_UIDS));
            assertEquals(38505L, e.getMessage().getHeader(Imap4Constants.APPEND_UID_VALIDITY));
            assertEquals(4, e.getMessage().getHeader(Imap4Constants.APPENDED_COUNT));
            server.verify();
        }
    }

    @Test
    void anArrayOrIterableBodyIsABatchTooAndASingleMessageGetsItsUidHeader() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(preauth("MULTIAPPEND UIDPLUS") + """
                C: {tag} APPEND Sent {1+}
                C: a {1+}
                C: b
                S: {tag} OK [APPENDUID 9 20:21] appended
                C: {tag} APPEND Sent {1+}
                C: c {1+}
                C: d
                S: {tag} OK [APPENDUID 9 22:23] appended
                C: {tag} APPEND Sent {1+}
                C: e
                S: {tag} OK [APPENDUID 9 24] appended
                """ + LOGOUT)) {
            List<Exchange> es = send(server, List.of(new String[] {"a", "b"}, new ArrayDeque<>(List.of("c", "d")),
                    "e"), Map.of());
            assertEquals(List.of(20L, 21L), es.get(0).getMessage().getHeader(Imap4Constants.APPEND_UIDS));
            assertEquals(List.of(22L, 23L), es.get(1).getMessage().getHeader(Imap4Constants.APPEND_UIDS));
            assertEquals(List.of(24L), es.get(2).getMessage().getHeader(Imap4Constants.APPEND_UIDS));
            assertEquals(1, es.get(2).getMessage().getHeader(Imap4Constants.APPENDED_COUNT));
            server.verify();
        }
    }

    @Test
    void withoutMultiappendEachGoesAloneAndARefusalSaysWhichWentIn() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(preauth("UIDPLUS") + """
                C: {tag} APPEND Sent {3+}
                C: one
                S: {tag} OK [APPENDUID 7 10] appended
                C: {tag} APPEND Sent {3+}
                C: two
                S: {tag} OK [APPENDUID 7 11] appended
                C: {tag} APPEND Sent {3+}
                C: uno
                S: {tag} OK [APPENDUID 7 12] appended
                C: {tag} APPEND Sent {3+}
                C: dos
                S: {tag} NO [OVERQUOTA] mailbox full
                C: {tag} NOOP
                S: {tag} OK still usable
                """ + LOGOUT)) {
            DefaultCamelContext context = new DefaultCamelContext();
            context.start();
            ProducerTemplate t = context.createProducerTemplate();
            String uri = "imap4:127.0.0.1:" + server.port() + "?security=PLAIN&readTimeout=10000&folder=Sent";
            Exchange ok = t.request(uri, e -> {
                e.getMessage().setHeader(Imap4Constants.COMMAND, "APPEND");
                e.getMessage().setBody(List.of("one", "two"));
            });
            assertEquals(new AppendUid(7, NumberSet.uids(10, 11)), ok.getMessage().getBody());
            assertEquals(List.of(10L, 11L), ok.getMessage().getHeader(Imap4Constants.APPEND_UIDS));
            Exchange failed = t.request(uri, e -> {
                e.getMessage().setHeader(Imap4Constants.COMMAND, "APPEND");
                e.getMessage().setBody(List.of("uno", "dos", "tres"));
            });
            Imap4PartialAppendException x = assertInstanceOf(Imap4PartialAppendException.class, failed.getException());
            assertEquals(1, x.appended());
            assertEquals(3, x.total());
            assertEquals(List.of(12L), x.uids());
            assertEquals("OVERQUOTA", x.code());
            assertTrue(x.getMessage().contains("message 2 of 3") && x.getMessage().contains("after 1"), x.getMessage());
            assertEquals(1, failed.getMessage().getHeader(Imap4Constants.APPENDED_COUNT));
            assertEquals(List.of(12L), failed.getMessage().getHeader(Imap4Constants.APPEND_UIDS));
            // a NO leaves the connection pooled
            assertNull(t.request(uri, e -> e.getMessage().setHeader(Imap4Constants.COMMAND, "NOOP")).getException());
            context.stop();
            server.verify();
        }
    }

    @Test
    void aMultiappendRefusalAppendsNothing() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(preauth("MULTIAPPEND") + """
                C: {tag} APPEND Sent {1+}
                C: a {1+}
                C: b
                S: {tag} NO [TRYCREATE] no such mailbox
                """ + LOGOUT)) {
            Exchange e = send(server, List.of(List.of("a", "b")), Map.of()).get(0);
            Imap4CommandException x = assertInstanceOf(Imap4CommandException.class, e.getException());
            assertEquals("TRYCREATE", x.code());
            assertEquals(0, e.getMessage().getHeader(Imap4Constants.APPENDED_COUNT));
            assertNull(e.getMessage().getHeader(Imap4Constants.APPEND_UIDS));
            server.verify();
        }
    }

    @Test
    void everyMessageIsCheckedAgainstAppendLimitBeforeAnythingIsSent() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(preauth("MULTIAPPEND APPENDLIMIT=10") + LOGOUT)) {
            List<Exchange> es = send(server, List.of(
                    List.of("short", "0123456789A"),
                    // a stream is read only until it passes the limit
                    List.of("short", new ByteArrayInputStream(new byte[64 * 1024 * 1024]))), Map.of());
            Imap4Exception first = assertInstanceOf(Imap4Exception.class, es.get(0).getException());
            assertTrue(first.getMessage().contains("message 2") && first.getMessage().contains("11 bytes")
                    && first.getMessage().contains("APPENDLIMIT of 10") && first.getMessage().contains("nothing was sent"),
                    first.getMessage());
            Imap4Exception second = assertInstanceOf(Imap4Exception.class, es.get(1).getException());
            assertTrue(second.getMessage().contains("more than 10 bytes"), second.getMessage());
            server.verify();
        }
    }

    @Test
    void aUidCountThatDoesNotMatchTheMessagesGivesNoPerMessageUids() throws Exception {
        // RFC 4315 §3 wants one UID per message; a server that says otherwise gets no per-message list
        try (ScriptedServer server = ScriptedServer.start(preauth("MULTIAPPEND UIDPLUS") + """
                C: {tag} APPEND Sent {1+}
                C: a {1+}
                C: b
                S: {tag} OK [APPENDUID 9 5:100] appended
                """ + LOGOUT)) {
            Exchange e = send(server, List.of(List.of("a", "b")), Map.of()).get(0);
            assertNull(e.getException());
            assertNull(e.getMessage().getHeader(Imap4Constants.APPEND_UIDS));
            assertEquals(2, e.getMessage().getHeader(Imap4Constants.APPENDED_COUNT));
            server.verify();
        }
    }

    @Test
    void badBodiesAndHeadersAreRefusedWithNothingSent() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(preauth("MULTIAPPEND") + LOGOUT)) {
            java.util.ArrayList<Object> withNull = new java.util.ArrayList<>(List.of("a"));
            withNull.add(null);
            DefaultCamelContext context = new DefaultCamelContext();
            context.start();
            ProducerTemplate t = context.createProducerTemplate();
            String uri = "imap4:127.0.0.1:" + server.port() + "?security=PLAIN&readTimeout=10000&command=APPEND";
            List<Object[]> cases = List.of(
                    new Object[] {List.of(), null, null, "nothing to append"},
                    new Object[] {withNull, null, null, "message 2 of the body is null"},
                    new Object[] {List.of("a", new Object()), null, null, "message 2 of the body is a java.lang.Object"},
                    new Object[] {List.of("a", "b"), Imap4Constants.FLAGS, 3, "CamelImap4Flags holds a java.lang.Integer"},
                    new Object[] {List.of("a", "b"), Imap4Constants.INTERNAL_DATE, "yesterday",
                        "CamelImap4InternalDate holds a java.lang.String"});
            for (Object[] c : cases) {
                Exchange e = t.request(uri, x -> {
                    x.getMessage().setBody(c[0]);
                    if (c[1] != null) {
                        x.getMessage().setHeader((String) c[1], c[2]);
                    }
                });
                assertRefused(e, (String) c[3]);
            }
            context.stop();
            server.verify();
        }
    }

    private static void assertRefused(Exchange e, String text) {
        IllegalArgumentException x = assertInstanceOf(IllegalArgumentException.class, e.getException());
        assertTrue(x.getMessage().contains(text), x.getMessage());
    }
}
