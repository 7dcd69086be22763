package dev.imap4.client.typed;

import static dev.imap4.client.scripted.ScriptedClientTestSupport.connect;
import static dev.imap4.client.scripted.ScriptedClientTestSupport.preauth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.StoreMode;
import dev.imap4.client.scripted.ScriptedClientTestSupport;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.MailboxState;
import dev.imap4.client.types.NumberSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The typed API on what GreenMail cannot show: ESEARCH, CONDSTORE, QRESYNC, fallbacks, extensions. */
@Timeout(30)
class TypedClientScriptedTest {

    static final Imap4Options OPTIONS = ScriptedClientTestSupport.OPTIONS;

    @Test
    void selectWithCondstoreReportsEveryPieceOfMailboxState() {
        try (ScriptedServer server = ScriptedServer.start(preauth("CONDSTORE") + """
                C: {tag} SELECT INBOX (CONDSTORE)
                S: * FLAGS (\\Answered \\Seen $Forwarded)
                S: * 172 EXISTS
                S: * 1 RECENT
                S: * OK [UNSEEN 12] first unseen
                S: * OK [UIDVALIDITY 3857529045] UIDs valid
                S: * OK [UIDNEXT 4392] next
                S: * OK [PERMANENTFLAGS (\\Seen \\*)] limited
                S: * OK [HIGHESTMODSEQ 715194045007] modseq
                S: {tag} OK [READ-WRITE] SELECT completed
                """)) {
            ImapClient c = connect(server);
            MailboxState st = c.select("INBOX");
            assertEquals(new MailboxState("INBOX", 172, 1, 3857529045L, 4392, 12L,
                    List.of("\\Answered", "\\Seen", "$Forwarded"), List.of("\\Seen", "\\*"), false, 715194045007L), st);
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void aReadOnlyAnswerToSelectIsReported() {
        try (ScriptedServer server = ScriptedServer.start(preauth("") + """
                C: {tag} SELECT Shared
                S: * 0 EXISTS
                S: {tag} OK [READ-ONLY] no write access
                """)) {
            ImapClient c = connect(server);
            assertTrue(c.select("Shared").readOnly());
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void uidSearchUsesEsearchWhenOfferedAndExpandsTheSet() {
        try (ScriptedServer server = ScriptedServer.start(preauth("ESEARCH") + """
                C: {tag} SELECT INBOX
                S: {tag} OK [READ-WRITE] done
                C: {tag} UID SEARCH RETURN (ALL) UNSEEN FROM "Ann Lee"
                S: * ESEARCH (TAG "{tag}") UID ALL 4:6,9
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            assertEquals(List.of(4L, 5L, 6L, 9L), c.uidSearch("UNSEEN FROM \"Ann Lee\"").numbers());
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void nonAsciiSearchWordsTravelAsLiterals() {
        try (ScriptedServer server = ScriptedServer.start(preauth("LITERAL+") + """
                C: {tag} SELECT INBOX
                S: {tag} OK [READ-WRITE] done
                C: {tag} UID SEARCH CHARSET UTF-8 SUBJECT {7+}
                C: Grüße
                S: * SEARCH 3
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            assertEquals(List.of(3L), c.uidSearch("UTF-8", "SUBJECT Grüße").numbers());
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void fetchChangedSinceAndStoreUnchangedSinceUseCondstore() {
        try (ScriptedServer server = ScriptedServer.start(preauth("CONDSTORE") + """
                C: {tag} SELECT INBOX (CONDSTORE)
                S: * OK [HIGHESTMODSEQ 20] ok
                S: {tag} OK [READ-WRITE] done
                C: {tag} UID FETCH 1:* (UID FLAGS MODSEQ) (CHANGEDSINCE 12)
                S: * 2 FETCH (UID 7 FLAGS (\\Seen) MODSEQ (19))
                S: {tag} OK done
                C: {tag} UID STORE 7,9 (UNCHANGEDSINCE 19) +FLAGS.SILENT (\\Flagged)
                S: {tag} OK [MODIFIED 9] conditional store
                """)) {
            ImapClient c = connect(server);
            assertEquals(20L, c.select("INBOX").highestModSeq());
            List<Long> modseqs = new ArrayList<>();
            c.uidFetch(NumberSet.uidRange(1, NumberSet.STAR), FetchItems.of().withFlags().withModSeq().changedSince(12),
                    m -> modseqs.add(m.modSeq()));
            assertEquals(List.of(19L), modseqs);
            var r = c.uidStore(NumberSet.uids(7, 9), StoreMode.ADD, true, List.of("\\Flagged"), 19L);
            assertEquals(NumberSet.uids(9), r.modified());
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void silentStoreUnderCondstoreIsAnsweredPerMessageAndStraySectionsAreDropped() {
        // Dovecot 2.3, CONDSTORE enabled: a UID STORE +FLAGS.SILENT gets a FETCH (UID MODSEQ) per message
        try (ScriptedServer server = ScriptedServer.start(preauth("CONDSTORE") + """
                C: {tag} SELECT INBOX (CONDSTORE)
                S: * OK [HIGHESTMODSEQ 20] ok
                S: {tag} OK [READ-WRITE] done
                C: {tag} UID STORE 7:8 +FLAGS.SILENT (\\Seen)
                S: * 2 FETCH (UID 7 MODSEQ (21))
                S: * 3 FETCH (UID 8 MODSEQ (22) BODY[] {5}
                R: hello
                S: )
                S: {tag} OK Store completed.
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            var r = c.uidStore(NumberSet.uidRange(7, 8), StoreMode.ADD, true, List.of("\\Seen"));
            assertEquals(List.of(7L, 8L), r.updates().stream().map(FetchResponse::uid).toList());
            assertEquals(List.of(21L, 22L), r.updates().stream().map(FetchResponse::modSeq).toList());
            assertTrue(r.updates().stream().allMatch(u -> u.sections().isEmpty()), "no body section is kept");
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void moveFallsBackToCopyDeletedAndUidExpungeWithUidplus() {
        try (ScriptedServer server = ScriptedServer.start(preauth("UIDPLUS") + """
                C: {tag} SELECT INBOX
                S: {tag} OK [READ-WRITE] done
                C: {tag} UID COPY 5:6 Archive
                S: {tag} OK [COPYUID 99 5:6 101:102] copied
                C: {tag} UID STORE 5:6 +FLAGS.SILENT (\\Deleted)
                S: {tag} OK stored
                C: {tag} UID EXPUNGE 5:6
                S: * 3 EXPUNGE
                S: * 3 EXPUNGE
                S: {tag} OK expunged
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            ImapClient.MoveResult r = c.uidMove(NumberSet.uids(5, 6), "Archive");
            assertTrue(r.expunged());
            assertEquals(Map.of(5L, 101L, 6L, 102L), r.copyUid().mapping());
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void withoutUidplusTheFallbackLeavesTheOriginalsFlaggedAndSaysSo() {
        try (ScriptedServer server = ScriptedServer.start(preauth("") + """
                C: {tag} SELECT INBOX
                S: {tag} OK [READ-WRITE] done
                C: {tag} UID COPY 5 Archive
                S: {tag} OK copied
                C: {tag} UID STORE 5 +FLAGS.SILENT (\\Deleted)
                S: {tag} OK stored
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            ImapClient.MoveResult r = c.uidMove(NumberSet.uids(5), "Archive");
            assertFalse(r.expunged());
            assertNull(r.copyUid());
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void moveCollectsCopyuidAndVanishedUnderQresync() {
        try (ScriptedServer server = ScriptedServer.start(preauth("MOVE UIDPLUS QRESYNC") + """
                C: {tag} SELECT INBOX
                S: {tag} OK [READ-WRITE] done
                C: {tag} UID MOVE 3,8 Trash
                S: * OK [COPYUID 7 3,8 40:41] moving
                S: * VANISHED 3,8
                S: {tag} OK moved
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            assertEquals(Map.of(3L, 40L, 8L, 41L), c.uidMove(NumberSet.uids(3, 8), "Trash").copyUid().mapping());
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void aFlagChangeArrivingDuringAFetchGoesToTheListenersNotTheHandler() {
        try (ScriptedServer server = ScriptedServer.start(preauth("") + """
                C: {tag} SELECT INBOX
                S: {tag} OK [READ-WRITE] done
                C: {tag} UID FETCH 5 (UID ENVELOPE)
                S: * 1 FETCH (UID 5 FLAGS (\\Seen))
                S: * 1 FETCH (UID 5 ENVELOPE (NIL "hello" NIL NIL NIL NIL NIL NIL NIL NIL))
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            List<String> subjects = new ArrayList<>();
            List<List<String>> updates = new ArrayList<>();
            c.addFetchListener(r -> updates.add(r.flags()));
            c.uidFetch(NumberSet.uids(5), FetchItems.of().withEnvelope(), m -> subjects.add(m.envelope().subject()));
            assertEquals(List.of("hello"), subjects);
            assertEquals(List.of(List.of("\\Seen")), updates);
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void longUidSetsAreSplitToKeepCommandLinesShort() {
        List<Long> uids = new ArrayList<>();
        for (long u = 100_001; u <= 100_800; u += 2) {
            uids.add(u);
        }
        NumberSet set = NumberSet.uids(uids);
        List<NumberSet> parts = set.split(900);
        StringBuilder script = new StringBuilder(preauth("")).append("C: {tag} SELECT INBOX\nS: {tag} OK done\n");
        for (NumberSet p : parts) {
            script.append("C: {tag} UID FETCH ").append(p).append(" (UID)\nS: {tag} OK done\n");
        }
        try (ScriptedServer server = ScriptedServer.start(script.toString())) {
            ImapClient c = connect(server);
            c.select("INBOX");
            c.uidFetch(set, FetchItems.of(), m -> { });
            c.shutdown();
            server.verify();
            assertTrue(parts.size() > 1, "the set should need several commands");
            assertTrue(server.received().stream().allMatch(l -> l.length() < 1000), "every line under 1000 bytes");
        }
    }

    @Test
    void extensionsAreTyped() {
        try (ScriptedServer server = ScriptedServer.start(preauth("NAMESPACE ENABLE ID QUOTA ACL UNSELECT") + """
                C: {tag} NAMESPACE
                S: * NAMESPACE (("" "/")) NIL NIL
                S: {tag} OK done
                C: {tag} ENABLE CONDSTORE
                S: * ENABLED CONDSTORE
                S: {tag} OK done
                C: {tag} ID ("name" "camel-imap4")
                S: * ID ("name" "Dovecot")
                S: {tag} OK done
                C: {tag} GETQUOTAROOT INBOX
                S: * QUOTAROOT INBOX ""
                S: * QUOTA "" (STORAGE 10 512)
                S: {tag} OK done
                C: {tag} MYRIGHTS INBOX
                S: * MYRIGHTS INBOX lrswi
                S: {tag} OK done
                C: {tag} SELECT INBOX
                S: {tag} OK [READ-WRITE] done
                C: {tag} UNSELECT
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            assertEquals("", c.extensions().namespace().personal().get(0).prefix());
            assertEquals(java.util.Set.of("CONDSTORE"), c.extensions().enable("CONDSTORE"));
            assertEquals("Dovecot", c.extensions().id(Map.of("name", "camel-imap4")).get("name"));
            var root = c.extensions().getQuotaRoot("INBOX");
            assertEquals(512L, root.quotas().get(0).resource("STORAGE").limit());
            assertEquals("lrswi", c.extensions().myRights("INBOX").rights());
            c.select("INBOX");
            c.unselect();
            assertNull(c.selected());
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void aMissingExtensionIsRefusedBeforeAnythingIsSent() {
        try (ScriptedServer server = ScriptedServer.start(preauth(""))) {
            ImapClient c = connect(server);
            Imap4Exception e = assertThrows(Imap4Exception.class, () -> c.extensions().namespace());
            assertTrue(e.getMessage().contains("NAMESPACE"), e.getMessage());
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void loginIsRefusedWhenTheServerSaysLogindisabled() {
        try (ScriptedServer server = ScriptedServer.start("S: * OK [CAPABILITY IMAP4rev1 LOGINDISABLED] hi\n")) {
            ImapClient c = connect(server);
            assertThrows(Imap4Exception.class, () -> c.login("joe", "secret"));
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void loginLearnsTheCapabilitiesOfTheAuthenticatedState() {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi
                C: {tag} LOGIN joe "secret"
                S: {tag} OK logged in
                C: {tag} CAPABILITY
                S: * CAPABILITY IMAP4rev1 IDLE MOVE
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            c.login("joe", "secret");
            assertTrue(c.hasCapability("MOVE"));
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void aNoCarriesItsResponseCode() {
        try (ScriptedServer server = ScriptedServer.start(preauth("") + """
                C: {tag} APPEND Missing {3}
                S: {tag} NO [TRYCREATE] no such mailbox
                """)) {
            ImapClient c = connect(server);
            Imap4CommandException e = assertThrows(Imap4CommandException.class,
                    () -> c.append("Missing", List.of(), null, "abc".getBytes()));
            assertEquals("TRYCREATE", e.code());
            assertEquals("APPEND", e.verb());
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void idleEndsOnExistsAndAgainOnItsTimer() {
        try (ScriptedServer server = ScriptedServer.start(preauth("IDLE") + """
                C: {tag} IDLE
                S: + idling
                S: * 4 EXISTS
                C: DONE
                S: {tag} OK idle done
                C: {tag} IDLE
                S: + idling
                C: DONE
                S: {tag} OK idle done
                """)) {
            ImapClient c = connect(server);
            List<String> seen = new ArrayList<>();
            c.addUnsolicitedListener(u -> seen.add(u.name()));
            assertTrue(c.idle(Duration.ofSeconds(20), u -> u.is("EXISTS")));
            assertEquals(List.of("EXISTS"), seen, "the EXISTS still reaches the listeners");
            assertFalse(c.idle(Duration.ofMillis(200), u -> u.is("EXISTS")));
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void stopIdleFromAnotherThreadEndsIt() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(preauth("IDLE") + """
                C: {tag} IDLE
                S: + idling
                C: DONE
                S: {tag} OK idle done
                """)) {
            ImapClient c = connect(server);
            Thread stopper = new Thread(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                c.stopIdle();
            });
            stopper.start();
            assertFalse(c.idle(Duration.ofSeconds(20), u -> false));
            stopper.join();
            c.shutdown();
            server.verify();
        }
    }
}
