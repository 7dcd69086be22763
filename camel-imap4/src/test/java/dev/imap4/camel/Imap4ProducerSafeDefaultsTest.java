package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.ScriptedServer;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With neither command nor allowedCommands set, the producer runs only commands that keep the
 * pooled connection's state in step with what the client knows: state-changing verbs are refused
 * (before anything is sent), extension verbs need an opt-in, and a connection whose state is not
 * known after an exchange is closed rather than pooled.
 */
@Timeout(30)
class Imap4ProducerSafeDefaultsTest {

    private static final String PREAUTH = "S: * PREAUTH [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE UNAUTHENTICATE"
            + " ENABLE IDLE UNSELECT STARTTLS XPING] ready\n";
    private static final String LOGOUT = """
            C: {tag} LOGOUT
            S: * BYE
            S: {tag} OK bye
            """;

    private static String uri(ScriptedServer server, String options) {
        return "imap4:127.0.0.1:" + server.port() + "?security=PLAIN&readTimeout=10000" + options;
    }

    private static Exchange send(ProducerTemplate t, String uri, String command, Object args, String folder) {
        return t.request(uri, e -> {
            e.getMessage().setHeader(Imap4Constants.COMMAND, command);
            e.getMessage().setHeader(Imap4Constants.ARGUMENTS, args);
            if (folder != null) {
                e.getMessage().setHeader(Imap4Constants.FOLDER, folder);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"LOGOUT", "UNAUTHENTICATE", "COMPRESS", "STARTTLS", "ENABLE", "IDLE", "LOGIN",
        "AUTHENTICATE", "SELECT", "EXAMINE", "CLOSE", "UNSELECT", "uid select"})
    void stateChangingVerbsAreRefusedAndTheConnectionStaysUsable(String verb) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} NOOP
                S: {tag} OK one
                C: {tag} NOOP
                S: {tag} OK two
                """ + LOGOUT); DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            ProducerTemplate t = context.createProducerTemplate();
            String uri = uri(server, "");
            assertNull(send(t, uri, "NOOP", null, null).getException());
            Exchange refused = send(t, uri, verb, List.of("DEFLATE"), null);
            IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class, refused.getException());
            assertTrue(e.getMessage().contains(Imap4Operation.normalise(verb)), e.getMessage());
            assertTrue(e.getMessage().contains("allowedCommands"), e.getMessage());
            assertNull(send(t, uri, "NOOP", null, null).getException());
            context.stop();
            server.verify();
        }
    }

    @Test
    void evenAllowedCommandsCannotListAStateChangingVerb() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> context
                    .createProducerTemplate().request("imap4:127.0.0.1:1?security=PLAIN&allowedCommands=NOOP,LOGOUT",
                            x -> { }));
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            assertTrue(cause.getMessage().contains("LOGOUT"), cause.getMessage());
        }
    }

    /** A raw SELECT would leave the client believing INBOX is selected while Other is. */
    @Test
    void aSelectFromAHeaderCannotMoveAPooledConnectionToAnotherFolder() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} SELECT INBOX
                S: * 2 EXISTS
                S: * OK [UIDVALIDITY 7] ok
                S: {tag} OK [READ-WRITE] selected
                C: {tag} UID SEARCH ALL
                S: * SEARCH 1 2
                S: {tag} OK searched
                C: {tag} UID SEARCH ALL
                S: * SEARCH 1 2
                S: {tag} OK searched
                """ + LOGOUT); DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            ProducerTemplate t = context.createProducerTemplate();
            String uri = uri(server, "");
            assertEquals(List.of(1L, 2L), send(t, uri, "UID SEARCH", "ALL", "INBOX").getMessage().getBody());
            Exchange select = send(t, uri, "SELECT", "Other", null);
            assertInstanceOf(IllegalArgumentException.class, select.getException());
            assertTrue(select.getException().getMessage().contains("CamelImap4Folder"),
                    select.getException().getMessage());
            assertEquals(List.of(1L, 2L), send(t, uri, "UID SEARCH", "ALL", "INBOX").getMessage().getBody());
            context.stop();
            server.verify();
        }
    }

    @Test
    void anExtensionVerbNeedsAnOptIn() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} NOOP
                S: {tag} OK one
                """ + LOGOUT); DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            ProducerTemplate t = context.createProducerTemplate();
            String uri = uri(server, "");
            assertNull(send(t, uri, "NOOP", null, null).getException());
            Exchange e = send(t, uri, "XPING", null, null);
            assertInstanceOf(IllegalArgumentException.class, e.getException());
            assertTrue(e.getException().getMessage().contains("allowRawCommands"), e.getException().getMessage());
            context.stop();
            server.verify();
        }
    }

    /** After a raw verb the connection's state is unknown: it is closed, and the next exchange gets a new one. */
    @Test
    void aListedExtensionVerbRunsOnAConnectionThatIsNotPooledAfterwards() throws Exception {
        try (ScriptedServer server = ScriptedServer.builder()
                .transcript(PREAUTH + """
                        C: {tag} XPING
                        S: * XPONG
                        S: {tag} OK pong
                        """ + LOGOUT)
                .transcript(PREAUTH + """
                        C: {tag} NOOP
                        S: {tag} OK fresh connection
                        """ + LOGOUT)
                .start(); DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            ProducerTemplate t = context.createProducerTemplate();
            String uri = uri(server, "&allowedCommands=RAW:XPING,NOOP");
            assertNull(send(t, uri, "xping", null, null).getException());
            assertNull(send(t, uri, "NOOP", null, null).getException());
            context.stop();
            server.verify();
        }
    }

    /** BAD means client and server disagree (about syntax or state): that connection is not pooled again. */
    @Test
    void aConnectionAnsweredWithBadIsNotPooledAgain() throws Exception {
        try (ScriptedServer server = ScriptedServer.builder()
                .transcript(PREAUTH + """
                        C: {tag} CREATE Foo
                        S: {tag} BAD not authenticated any more
                        """ + LOGOUT)
                .transcript(PREAUTH + """
                        C: {tag} CREATE Foo
                        S: {tag} NO [ALREADYEXISTS] exists
                        C: {tag} NOOP
                        S: {tag} OK still pooled after NO
                        """ + LOGOUT)
                .start(); DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            ProducerTemplate t = context.createProducerTemplate();
            String uri = uri(server, "");
            assertInstanceOf(dev.imap4.client.Imap4CommandException.class,
                    send(t, uri, "CREATE", "Foo", null).getException());
            assertInstanceOf(dev.imap4.client.Imap4CommandException.class,
                    send(t, uri, "CREATE", "Foo", null).getException());
            assertNull(send(t, uri, "NOOP", null, null).getException());
            context.stop();
            server.verify();
        }
    }

    /** NOOP is valid in every state, so the pool checks that the client is still logged in. */
    @Test
    void thePoolDiscardsAConnectionThatIsNotAuthenticated() throws Exception {
        try (ScriptedServer server = ScriptedServer.builder()
                .transcript("S: * OK [CAPABILITY IMAP4rev1] not logged in\n" + LOGOUT)
                .transcript(PREAUTH + LOGOUT)
                .start()) {
            java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
            Imap4ConnectionPool pool = new Imap4ConnectionPool(1, () -> {
                made.incrementAndGet();
                return new dev.imap4.client.Imap4("127.0.0.1", server.port(),
                        dev.imap4.client.Imap4Options.defaults()).client();
            });
            dev.imap4.client.ImapClient first = pool.borrow();
            pool.release(first, true);
            dev.imap4.client.ImapClient second = pool.borrow();
            assertEquals(2, made.get(), "the unauthenticated connection was handed out again");
            pool.release(second, true);
            pool.close();
            server.verify();
        }
    }

    @Test
    void anExtensionVerbMustBeACommandName() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            Exchange e = context.createProducerTemplate().request(
                    "imap4:127.0.0.1:1?security=PLAIN&allowRawCommands=true",
                    x -> x.getMessage().setHeaders(Map.of(Imap4Constants.COMMAND, "XPING \"a\" {5}")));
            assertInstanceOf(IllegalArgumentException.class, e.getException());
            assertTrue(e.getException().getMessage().contains("not a command name"), e.getException().getMessage());
        }
    }
}
