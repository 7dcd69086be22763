package dev.imap4.camel;

import static dev.imap4.client.scripted.ScriptedClientTestSupport.preauth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.ScriptedServer;
import java.util.List;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The consumer's post-actions on their own, against a scripted server: outcomes grouped into one
 * command each, MOVE with and without the MOVE extension, the expunge modes, TRYCREATE, and a NO
 * that is counted rather than thrown.
 */
@Timeout(30)
class Imap4PostActionsTest {

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

    // the transcript is over: the client hangs up, then the server checks it heard everything
    private void verify(ScriptedServer server) {
        connection.client().shutdown();
        server.verify();
    }

    private static Imap4Configuration moveTo(String folder) {
        Imap4Configuration config = new Imap4Configuration();
        config.setOnSuccess(Imap4OnSuccess.MOVE);
        config.setMoveTo(folder);
        return config;
    }

    private static Imap4Outcome ok(long uid) {
        return new Imap4Outcome(VALIDITY, uid, true, null, null, null);
    }

    @Test
    void outcomesThatArriveTogetherCostOneStore() {
        try (ScriptedServer server = ScriptedServer.start(preauth("") + SELECT + """
                C: {tag} UID STORE 3:5 +FLAGS.SILENT (\\Seen)
                S: {tag} OK stored
                """)) {
            actions(server, new Imap4Configuration()).apply(List.of(ok(3), ok(4), ok(5)));
            verify(server);
            assertEquals(0, counters.failedPostActionCount());
        }
    }

    @Test
    void moveUsesUidMoveWhenTheServerOffersIt() {
        try (ScriptedServer server = ScriptedServer.start(preauth("MOVE UIDPLUS") + SELECT + """
                C: {tag} UID MOVE 3 Done
                S: {tag} OK moved
                """)) {
            Imap4Configuration config = moveTo("Done");
            actions(server, config).apply(List.of(ok(3)));
            verify(server);
            assertTrue(state.takePendingExpunge().isEmpty());
        }
    }

    @Test
    void moveWithoutTheExtensionCopiesFlagsAndExpungesAtOnceInImmediateMode() {
        try (ScriptedServer server = ScriptedServer.start(preauth("UIDPLUS") + SELECT + """
                C: {tag} UID COPY 3 Done
                S: {tag} OK copied
                C: {tag} UID STORE 3 +FLAGS.SILENT (\\Deleted)
                S: {tag} OK stored
                C: {tag} UID EXPUNGE 3
                S: * 1 EXPUNGE
                S: {tag} OK expunged
                """)) {
            Imap4Configuration config = moveTo("Done");
            config.setExpungeMode(Imap4ExpungeMode.IMMEDIATE);
            actions(server, config).apply(List.of(ok(3)));
            verify(server);
        }
    }

    @Test
    void moveWithoutTheExtensionLeavesTheExpungeToTheEndOfThePollInBatchMode() {
        try (ScriptedServer server = ScriptedServer.start(preauth("UIDPLUS") + SELECT + """
                C: {tag} UID COPY 3 Done
                S: {tag} OK copied
                C: {tag} UID STORE 3 +FLAGS.SILENT (\\Deleted)
                S: {tag} OK stored
                C: {tag} UID EXPUNGE 3
                S: {tag} OK expunged
                """)) {
            Imap4Configuration config = moveTo("Done");
            Imap4PostActions actions = actions(server, config);
            actions.apply(List.of(ok(3)));
            assertEquals(List.of(3L), state.takePendingExpunge());
            state.expungeLater(List.of(3L));
            actions.expungePending();
            verify(server);
        }
    }

    @Test
    void aMissingFolderIsCreatedAndTheCopyTriedOnceMoreWhenAllowed() {
        try (ScriptedServer server = ScriptedServer.start(preauth("UIDPLUS") + SELECT + """
                C: {tag} UID COPY 3 New
                S: {tag} NO [TRYCREATE] no such folder
                C: {tag} CREATE New
                S: {tag} OK created
                C: {tag} UID COPY 3 New
                S: {tag} OK copied
                C: {tag} UID STORE 3 +FLAGS.SILENT (\\Deleted)
                S: {tag} OK stored
                """)) {
            Imap4Configuration config = moveTo("New");
            config.setCreateMissingFolders(true);
            actions(server, config).apply(List.of(ok(3)));
            verify(server);
            assertEquals(List.of(3L), state.takePendingExpunge());
            assertEquals(0, counters.failedPostActionCount());
        }
    }

    @Test
    void aRefusedMoveIsCountedNotThrownAndNothingIsExpunged() {
        try (ScriptedServer server = ScriptedServer.start(preauth("UIDPLUS") + SELECT + """
                C: {tag} UID COPY 3 New
                S: {tag} NO [TRYCREATE] no such folder
                """)) {
            Imap4Configuration config = moveTo("New");
            config.setExpungeMode(Imap4ExpungeMode.IMMEDIATE);
            actions(server, config).apply(List.of(ok(3)));
            verify(server);
            assertEquals(1, counters.failedPostActionCount());
            assertTrue(state.takePendingExpunge().isEmpty());
        }
    }

    @Test
    void deleteWithoutUidplusFlagsButNeverSendsAPlainExpunge() {
        try (ScriptedServer server = ScriptedServer.start(preauth("") + SELECT + """
                C: {tag} UID STORE 3 +FLAGS.SILENT (\\Seen \\Deleted)
                S: {tag} OK stored
                """)) {
            Imap4Configuration config = new Imap4Configuration();
            config.setOnSuccess(Imap4OnSuccess.DELETE);
            config.setExpungeMode(Imap4ExpungeMode.IMMEDIATE);
            actions(server, config).apply(List.of(ok(3)));
            verify(server);
        }
    }

    @Test
    void aFailedMessageIsFlaggedWithTheFailureKeyword() {
        try (ScriptedServer server = ScriptedServer.start(preauth("") + SELECT + """
                C: {tag} UID STORE 9 +FLAGS.SILENT ($Failed)
                S: {tag} OK stored
                """)) {
            Imap4Configuration config = new Imap4Configuration();
            config.setOnFailure(Imap4OnFailure.FLAG);
            actions(server, config).apply(List.of(Imap4Outcome.failure(VALIDITY, 9)));
            verify(server);
        }
    }
}
