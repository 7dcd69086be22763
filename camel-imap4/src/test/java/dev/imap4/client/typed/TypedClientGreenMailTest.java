package dev.imap4.client.typed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.StoreMode;
import dev.imap4.client.types.AppendUid;
import dev.imap4.client.types.CopyUid;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.ListEntry;
import dev.imap4.client.types.MailboxState;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.SearchResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The typed API against GreenMail: each command GreenMail supports, with real results. */
class TypedClientGreenMailTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    private ImapClient client;

    @BeforeEach
    void connect() {
        MAIL.setUser("joe@example.org", "joe", "secret");
        client = new Imap4("127.0.0.1", MAIL.getImap().getPort()).client();
        client.login("joe", "secret");
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private static byte[] message(String subject, String body) {
        return ("From: ann@example.org\r\nTo: joe@example.org\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + subject.replace(' ', '.') + "@example.org>\r\n\r\n" + body + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void appendThenFetchRoundTripsTheSameBytesWithAllItems() {
        byte[] original = message("round trip", "exactly these bytes");
        ZonedDateTime date = ZonedDateTime.of(2026, 3, 4, 5, 6, 7, 0, ZoneOffset.ofHours(2));
        AppendUid appended = client.append("INBOX", List.of("\\Flagged"), date, original);
        assertNotNull(appended, "GreenMail offers UIDPLUS, so APPEND reports APPENDUID");
        MailboxState state = client.select("INBOX");
        assertEquals(1, state.exists());
        assertEquals(appended.uidValidity(), state.uidValidity());

        List<FetchResponse> got = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        FetchItems items = FetchItems.of().withFlags().withInternalDate().withSize().withEnvelope()
                .withBodyStructure().withBody();
        int n = client.uidFetch(appended.uids(), items, m -> {
            got.add(m);
            bodies.add(m.sections().get("BODY[]").bytes());
        });
        assertEquals(1, n);
        FetchResponse m = got.get(0);
        assertEquals(appended.uids().toList().get(0), m.uid());
        assertTrue(m.flags().contains("\\Flagged"), m.flags().toString());
        assertFalse(m.flags().contains("\\Seen"), "BODY.PEEK must not set \\Seen: " + m.flags());
        assertEquals(date.toInstant(), m.internalDate().toInstant());
        assertEquals(original.length, m.size());
        assertEquals("round trip", m.envelope().subject());
        assertEquals("ann@example.org", m.envelope().from().get(0).email());
        assertEquals("text", m.bodyStructure().type().toLowerCase());
        assertArrayEquals(original, bodies.get(0));
    }

    @Test
    void uidSearchFindsAppendedMessagesAndEmptyResultIsEmpty() {
        AppendUid a = client.append("INBOX", List.of(), null, message("alpha", "one"));
        AppendUid b = client.append("INBOX", List.of("\\Seen"), null, message("beta", "two"));
        client.select("INBOX");
        SearchResult all = client.uidSearch("ALL");
        assertEquals(List.of(a.uids().toList().get(0), b.uids().toList().get(0)), all.numbers());
        SearchResult unseen = client.uidSearch("UNSEEN");
        assertEquals(a.uids().toList(), unseen.numbers());
        assertTrue(client.uidSearch("SUBJECT nosuchsubject").numbers().isEmpty());
    }

    @Test
    void storeAddsFlagsAndSilentStoreEchoesNothing() {
        AppendUid a = client.append("INBOX", List.of(), null, message("flags", "x"));
        client.select("INBOX");
        var loud = client.uidStore(a.uids(), StoreMode.ADD, false, List.of("\\Seen"));
        assertEquals(1, loud.updates().size());
        assertTrue(loud.updates().get(0).flags().contains("\\Seen"));
        var silent = client.uidStore(a.uids(), StoreMode.ADD, true, List.of("\\Answered"));
        assertTrue(silent.updates().isEmpty());
        List<List<String>> flags = new ArrayList<>();
        client.uidFetch(a.uids(), FetchItems.of().withFlags(), m -> flags.add(m.flags()));
        assertTrue(flags.get(0).containsAll(List.of("\\Seen", "\\Answered")), flags.toString());
    }

    @Test
    void copyReportsCopyUidAndMoveRemovesTheOriginal() {
        client.create("Archive");
        AppendUid a = client.append("INBOX", List.of(), null, message("copy me", "x"));
        AppendUid b = client.append("INBOX", List.of(), null, message("move me", "y"));
        client.select("INBOX");
        CopyUid copied = client.uidCopy(a.uids(), "Archive");
        assertNotNull(copied);
        assertEquals(1, copied.mapping().size());
        ImapClient.MoveResult moved = client.uidMove(b.uids(), "Archive");
        assertTrue(moved.expunged());
        assertEquals(a.uids().toList(), client.uidSearch("ALL").numbers());
        assertEquals(2, client.status("Archive", "MESSAGES").messages());
    }

    @Test
    void deletedMessagesGoAwayWithUidExpunge() {
        AppendUid a = client.append("INBOX", List.of(), null, message("keep", "x"));
        AppendUid b = client.append("INBOX", List.of(), null, message("drop", "y"));
        client.select("INBOX");
        client.uidStore(b.uids(), StoreMode.ADD, true, List.of("\\Deleted"));
        var expunged = client.uidExpunge(b.uids());
        assertEquals(List.of(2L), expunged.sequenceNumbers());
        assertEquals(a.uids().toList(), client.uidSearch("ALL").numbers());
    }

    @Test
    void listLsubAndStatusAreTyped() {
        client.create("Projects");
        client.subscribe("Projects");
        List<ListEntry> all = client.list("", "*");
        assertTrue(all.stream().anyMatch(e -> e.name().equals("INBOX")), all.toString());
        assertTrue(all.stream().anyMatch(e -> e.name().equals("Projects")), all.toString());
        List<ListEntry> subscribed = client.lsub("", "*");
        assertTrue(subscribed.stream().anyMatch(e -> e.name().equals("Projects")), subscribed.toString());
        client.append("Projects", List.of(), null, message("p", "x"));
        var status = client.status("Projects", "MESSAGES", "UIDNEXT", "UIDVALIDITY", "UNSEEN");
        assertEquals(1L, status.messages());
        assertEquals(1L, status.unseen());
        assertTrue(status.uidNext() > 0);
    }

    @Test
    void aFailingFetchHandlerLeavesTheConnectionInStep() {
        for (int i = 0; i < 3; i++) {
            client.append("INBOX", List.of(), null, message("m" + i, "x"));
        }
        client.select("INBOX");
        List<Long> seen = new ArrayList<>();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> client.uidFetch(NumberSet.uidRange(1, NumberSet.STAR), FetchItems.of(), m -> {
                    seen.add(m.uid());
                    throw new IllegalStateException("route failed");
                }));
        assertEquals("route failed", e.getMessage());
        assertEquals(1, seen.size(), "the handler is not called again after it failed");
        assertEquals(3, client.uidSearch("ALL").numbers().size(), "the next command still works");
    }

    @Test
    void examineIsReadOnlyAndUnselectFallsBackToCloseOnlyWhenSafe() {
        MailboxState ro = client.examine("INBOX");
        assertTrue(ro.readOnly());
        client.unselect();
        MailboxState rw = client.select("INBOX");
        assertFalse(rw.readOnly());
        Imap4Exception e = assertThrows(Imap4Exception.class, () -> client.unselect());
        assertTrue(e.getMessage().contains("UNSELECT"), e.getMessage());
    }

    @Test
    void noOnAMissingMailboxRaisesACommandExceptionAndTheConnectionLives() {
        Imap4CommandException e = assertThrows(Imap4CommandException.class, () -> client.select("NoSuchFolder"));
        assertEquals("NO", e.status());
        client.noop();
    }

    @Test
    void idleWakesWhenAnotherConnectionAppends() throws Exception {
        client.select("INBOX");
        CompletableFuture<Void> appender = CompletableFuture.runAsync(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(300);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            ImapClient other = new Imap4("127.0.0.1", MAIL.getImap().getPort()).client();
            other.login("joe", "secret");
            other.append("INBOX", Set.of(), null, message("wake", "up"));
            other.close();
        });
        long start = System.nanoTime();
        boolean woke = client.idle(Duration.ofSeconds(20), u -> u.is("EXISTS"));
        appender.get(10, TimeUnit.SECONDS);
        assertTrue(woke, "EXISTS should end the IDLE");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(15));
        assertEquals(1, client.uidSearch("ALL").numbers().size());
    }

    @Test
    void idleEndsAtItsMaximumDurationWithoutAnEvent() {
        client.select("INBOX");
        assertFalse(client.idle(Duration.ofMillis(300), u -> u.is("EXISTS")));
        client.noop();
    }
}
