package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.ScriptedServer;
import java.util.List;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * moveTo and errorFolder naming an RFC 6154 role ({@code \Archive}, {@code \Junk}): the server's
 * folder with that role is used whatever its localised name, and a missing role is a counted,
 * explained failure that leaves the message where it is.
 */
@Timeout(30)
class Imap4PostActionsSpecialUseTest {

    private static final long VALIDITY = 7;
    private static final String SELECT = """
            C: {tag} SELECT INBOX
            S: * OK [UIDVALIDITY 7] ok
            S: {tag} OK [READ-WRITE] selected
            """;

    private final DefaultCamelContext context = new DefaultCamelContext();
    private final Imap4ConsumerState state = new Imap4ConsumerState();
    private final Imap4ConsumerCounters counters = new Imap4ConsumerCounters();
    private Imap4ConsumerConnection connection;

    @AfterEach
    void close() throws Exception {
        if (connection != null) {
            connection.close();
        }
        context.close();
    }

    private Imap4PostActions actions(ScriptedServer server, Imap4Configuration config) {
        config.setHost("127.0.0.1");
        config.setPort(server.port());
        config.setSecurity(Imap4Security.PLAIN);
        config.setReadTimeout(10_000);
        config.setFolder("INBOX");
        Imap4Component component = new Imap4Component();
        component.setCamelContext(context);
        Imap4Endpoint endpoint = new Imap4Endpoint("imap4:127.0.0.1", component, config);
        endpoint.setCamelContext(context);
        connection = new Imap4ConsumerConnection(endpoint);
        connection.select("INBOX", false);
        state.adopt(VALIDITY);
        return new Imap4PostActions(config, connection, state, counters);
    }

    private static Imap4Outcome ok(long uid) {
        return new Imap4Outcome(VALIDITY, uid, true, null, null, null);
    }

    @Test
    void moveToARoleUsesTheLocalisedFolderAndAsksOnlyOnce() {
        try (ScriptedServer server = ScriptedServer.start(
                "S: * PREAUTH [CAPABILITY IMAP4rev1 MOVE UIDPLUS LIST-EXTENDED SPECIAL-USE] ready\n" + SELECT + """
                C: {tag} LIST (SPECIAL-USE) "" "*"
                S: * LIST (\\HasNoChildren \\Archive) "/" Archiv
                S: * LIST (\\HasNoChildren \\Junk) "/" Junk-E-Mail
                S: {tag} OK listed
                C: {tag} UID MOVE 3 Archiv
                S: {tag} OK moved
                C: {tag} UID MOVE 4 Archiv
                S: {tag} OK moved
                """)) {
            Imap4Configuration config = new Imap4Configuration();
            config.setOnSuccess(Imap4OnSuccess.MOVE);
            config.setMoveTo("\\Archive");
            Imap4PostActions actions = actions(server, config);
            actions.apply(List.of(ok(3)));
            actions.apply(List.of(ok(4)));
            connection.client().shutdown();
            server.verify();
            assertEquals(0, counters.failedPostActionCount());
        }
    }

    @Test
    void aRoleNoFolderHasIsACountedFailureAndNothingMoves() {
        try (ScriptedServer server = ScriptedServer.start(
                "S: * PREAUTH [CAPABILITY IMAP4rev1 MOVE UIDPLUS] ready\n" + SELECT + """
                C: {tag} LIST "" "*"
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * LIST (\\HasNoChildren \\Sent) "/" Sent
                S: {tag} OK listed
                """)) {
            Imap4Configuration config = new Imap4Configuration();
            config.setOnFailure(Imap4OnFailure.MOVE);
            config.setErrorFolder("\\Junk");
            config.setMaxFailedAttempts(1);
            actions(server, config).apply(List.of(Imap4Outcome.failure(VALIDITY, 9)));
            connection.client().shutdown();
            server.verify();
            assertEquals(1, counters.failedPostActionCount());
            assertTrue(state.takePendingExpunge().isEmpty());
        }
    }
}
