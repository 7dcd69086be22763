package dev.imap4.client.typed;

import static dev.imap4.client.scripted.ScriptedClientTestSupport.connect;
import static dev.imap4.client.scripted.ScriptedClientTestSupport.done;
import static dev.imap4.client.scripted.ScriptedClientTestSupport.preauth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.StoreMode;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * RFC 5182 SEARCHRES, RFC 8514 SAVEDATE, RFC 8970 PREVIEW, RFC 8438 STATUS=SIZE and RFC 7889
 * APPENDLIMIT through the typed API, against scripted servers: what is sent, what is read, and what
 * is refused before anything is sent.
 */
@Timeout(30)
class ImapClientModernExtensionsTest {

    @Test
    void aSavedSearchResultIsUsedAsDollarWithoutSendingItsNumbers() {
        try (ScriptedServer server = ScriptedServer.start(preauth("SEARCHRES ESEARCH UIDPLUS") + """
                C: {tag} SELECT INBOX
                S: {tag} OK [READ-WRITE] selected
                C: {tag} UID SEARCH RETURN (SAVE) UNSEEN FROM "Ann Lee"
                S: {tag} OK saved
                C: {tag} UID FETCH $ (UID FLAGS)
                S: * 1 FETCH (UID 7 FLAGS ())
                S: * 2 FETCH (UID 9 FLAGS ())
                S: {tag} OK fetched
                C: {tag} UID STORE $ +FLAGS.SILENT (\\Seen)
                S: {tag} OK stored
                C: {tag} UID SEARCH RETURN (ALL) UID $ SMALLER 100
                S: * ESEARCH (TAG "{tag}") UID ALL 7
                S: {tag} OK found
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            NumberSet saved = c.uidSearchSave("UNSEEN FROM \"Ann Lee\"");
            assertTrue(saved.isSavedResult());
            assertEquals("$", saved.toString());
            List<Long> uids = new ArrayList<>();
            assertEquals(2, c.uidFetch(saved, FetchItems.of().withFlags(), m -> uids.add(m.uid())));
            assertEquals(List.of(7L, 9L), uids);
            c.uidStore(saved, StoreMode.ADD, true, List.of("\\Seen"));
            assertEquals(List.of(7L), c.uidSearch("UID $ SMALLER 100").numbers());
            assertThrows(IllegalStateException.class, saved::toList);
            assertEquals(saved, NumberSet.parse("$", true));
            done(c, server);
        }
    }

    @Test
    void withoutSearchresNeitherTheSaveNorTheDollarIsSent() {
        try (ScriptedServer server = ScriptedServer.start(preauth("ESEARCH"))) {
            ImapClient c = connect(server);
            assertThrows(Imap4Exception.class, () -> c.uidSearchSave("ALL"));
            assertThrows(Imap4Exception.class, () -> c.uidFetch(NumberSet.savedResult(true), FetchItems.of(), m -> { }));
            assertThrows(Imap4Exception.class, () -> c.uidCopy(NumberSet.savedResult(true), "Archive"));
            done(c, server);
        }
    }

    @Test
    void saveDateAndPreviewAreTyped() {
        try (ScriptedServer server = ScriptedServer.start(preauth("SAVEDATE PREVIEW") + """
                C: {tag} SELECT INBOX
                S: {tag} OK [READ-WRITE] selected
                C: {tag} UID FETCH 7,9,11 (UID SAVEDATE PREVIEW)
                S: * 1 FETCH (UID 7 SAVEDATE "02-Mar-2026 10:11:12 +0100" PREVIEW "Hello \\"Ann\\", the report")
                S: * 2 FETCH (UID 9 SAVEDATE NIL PREVIEW NIL)
                S: * 3 FETCH (UID 11 SAVEDATE "soon" PREVIEW {11}
                R: Grüße!<CRLF>x
                S: )
                S: {tag} OK fetched
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            List<FetchResponse> got = new ArrayList<>();
            c.uidFetch(NumberSet.uids(7, 9, 11), FetchItems.of().withSaveDate().withPreview(), got::add);
            assertEquals(ZonedDateTime.of(2026, 3, 2, 10, 11, 12, 0, ZoneOffset.ofHours(1)).toInstant(),
                    got.get(0).saveDate().toInstant());
            assertEquals("Hello \"Ann\", the report", got.get(0).preview());
            assertNull(got.get(1).saveDate());
            assertNull(got.get(1).preview());
            assertEquals("Grüße!\r\nx", got.get(2).preview());
            ImapProtocolException bad = assertThrows(ImapProtocolException.class, () -> got.get(2).saveDate());
            assertTrue(bad.getMessage().contains("SAVEDATE"), bad.getMessage());
            done(c, server);
        }
    }

    @Test
    void extensionItemsAndStatusItemsTheServerLacksAreRefusedBeforeSending() {
        try (ScriptedServer server = ScriptedServer.start(preauth(""))) {
            ImapClient c = connect(server);
            assertThrows(Imap4Exception.class, () -> c.uidFetch(NumberSet.uids(1), FetchItems.of().withSaveDate(), m -> { }));
            assertThrows(Imap4Exception.class, () -> c.uidFetch(NumberSet.uids(1), FetchItems.of().withPreview(), m -> { }));
            assertThrows(Imap4Exception.class, () -> c.uidFetch(NumberSet.uids(1), FetchItems.of().withGmail(), m -> { }));
            assertThrows(Imap4Exception.class, () -> c.status("INBOX", "MESSAGES", "SIZE"));
            assertThrows(Imap4Exception.class, () -> c.status("INBOX", "APPENDLIMIT"));
            done(c, server);
        }
    }

    @Test
    void statusSizeIsTyped() {
        try (ScriptedServer server = ScriptedServer.start(preauth("STATUS=SIZE") + """
                C: {tag} STATUS INBOX (MESSAGES SIZE)
                S: * STATUS INBOX (MESSAGES 2 SIZE 123456789012)
                S: {tag} OK done
                """)) {
            ImapClient c = connect(server);
            assertEquals(123456789012L, c.status("INBOX", "MESSAGES", "SIZE").size());
            done(c, server);
        }
    }

    @Test
    void aGlobalAppendLimitRefusesALargerMessageWithNothingSent() {
        try (ScriptedServer server = ScriptedServer.start(preauth("APPENDLIMIT=10 LITERAL+") + """
                C: {tag} APPEND INBOX {10+}
                C: 0123456789
                S: {tag} OK appended
                """)) {
            ImapClient c = connect(server);
            assertEquals(10L, c.appendLimit("INBOX"));
            Imap4Exception e = assertThrows(Imap4Exception.class,
                    () -> c.append("INBOX", List.of(), null, "0123456789A".getBytes()));
            assertTrue(e.getMessage().contains("11 bytes") && e.getMessage().contains("APPENDLIMIT of 10"),
                    e.getMessage());
            c.append("INBOX", List.of(), null, "0123456789".getBytes());
            done(c, server);
        }
    }

    @Test
    void aPerMailboxAppendLimitIsAskedOnceByStatus() {
        try (ScriptedServer server = ScriptedServer.start(preauth("APPENDLIMIT LITERAL+") + """
                C: {tag} STATUS Small (APPENDLIMIT)
                S: * STATUS Small (APPENDLIMIT 5)
                S: {tag} OK done
                C: {tag} STATUS Big (APPENDLIMIT)
                S: * STATUS Big (APPENDLIMIT NIL)
                S: {tag} OK done
                C: {tag} APPEND Big {6+}
                C: 123456
                S: {tag} OK appended
                C: {tag} STATUS New (APPENDLIMIT)
                S: {tag} NO [NONEXISTENT] no such mailbox
                C: {tag} APPEND New {6+}
                C: 123456
                S: {tag} NO [TRYCREATE] no such mailbox
                """)) {
            ImapClient c = connect(server);
            assertThrows(Imap4Exception.class, () -> c.append("Small", List.of(), null, "123456".getBytes()));
            assertThrows(Imap4Exception.class, () -> c.append("Small", List.of(), null, "123456".getBytes()));
            c.append("Big", List.of(), null, "123456".getBytes());
            Imap4Exception e = assertThrows(Imap4Exception.class,
                    () -> c.append("New", List.of(), null, "123456".getBytes()));
            assertTrue(e.getMessage().contains("TRYCREATE") || e.getMessage().contains("no such"), e.getMessage());
            done(c, server);
        }
    }

    @Test
    void unauthenticateKeepsTheConnectionForAnotherLogin() {
        try (ScriptedServer server = ScriptedServer.start(preauth("UNAUTHENTICATE") + """
                C: {tag} SELECT INBOX
                S: {tag} OK [READ-WRITE] selected
                C: {tag} UNAUTHENTICATE
                S: {tag} OK back to not authenticated
                C: {tag} CAPABILITY
                S: * CAPABILITY IMAP4rev1 AUTH=PLAIN
                S: {tag} OK done
                C: {tag} LOGIN bob "pw"
                S: {tag} OK [CAPABILITY IMAP4rev1] logged in
                """)) {
            ImapClient c = connect(server);
            c.select("INBOX");
            c.unauthenticate();
            assertEquals(dev.imap4.client.ImapState.NONAUTH, c.state());
            assertNull(c.selected());
            assertTrue(c.hasCapability("AUTH=PLAIN"));
            assertThrows(Imap4Exception.class, c::unauthenticate, "not offered any more, and not authenticated");
            c.login("bob", "pw");
            done(c, server);
        }
    }
}
