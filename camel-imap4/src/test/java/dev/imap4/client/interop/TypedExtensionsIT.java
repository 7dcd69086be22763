package dev.imap4.client.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.StoreMode;
import dev.imap4.client.ImapState;
import dev.imap4.client.types.AppendUid;
import dev.imap4.client.types.CopyUid;
import dev.imap4.client.types.ExpungeResult;
import dev.imap4.client.types.MailboxState;
import dev.imap4.client.types.Namespace;
import dev.imap4.client.types.Namespaces;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.SearchResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Extensions through the typed API: IDLE, MOVE, UIDPLUS, ENABLE, ID, NAMESPACE, UNSELECT. */
class TypedExtensionsIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void idleIsWokenByAnAppendFromASecondConnection(ImapServer server) throws Exception {
        Recorder rec = new Recorder();
        ImapClient c = Recorder.RecordingImap4.open(server.require(ImapServer.Feature.IDLE_WAKES), server.user(), rec)
                .client();
        String f = server.folder("idle");
        server.logIn(c);
        try {
            c.create(f);
            assertEquals(0, c.select(f).exists());
            CompletableFuture<AppendUid> other = CompletableFuture.supplyAsync(() -> {
                awaitIdling(rec);
                try (ImapClient second = server.client()) {
                    return second.append(f, List.of(), null, Fixtures.message("wake up"));
                }
            });
            long start = System.nanoTime();
            boolean woken = c.idle(Duration.ofSeconds(30), u -> u.is("EXISTS"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(woken, "IDLE ended by the EXISTS, not by the time limit");
            assertTrue(millis < 10_000, "woken after " + millis + " ms");
            assertNotNull(other.get(10, TimeUnit.SECONDS));
            assertTrue(rec.sentText().contains("\r\nDONE\r\n"), "DONE ended the IDLE");
            assertEquals(1L, c.status(f, "MESSAGES").messages());
        } finally {
            Fixtures.drop(c, f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void idleEndsAtItsTimeLimitOrOnStopIdleAndTheConnectionStaysUsable(ImapServer server) throws Exception {
        ImapClient c = server.require(ImapServer.Feature.IDLE).client();
        try {
            c.select("INBOX");
            long start = System.nanoTime();
            assertFalse(c.idle(Duration.ofMillis(700), u -> false), "nothing stopped it but the time limit");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 600 && millis < 5_000, "ended after " + millis + " ms");
            c.noop();

            // stopIdle() before IDLE has begun does nothing, so the other thread repeats it until it ends
            AtomicBoolean ended = new AtomicBoolean();
            CompletableFuture<Void> stopper = CompletableFuture.runAsync(() -> {
                while (!ended.get()) {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    c.stopIdle();
                }
            });
            start = System.nanoTime();
            assertFalse(c.idle(Duration.ofSeconds(30), u -> false));
            ended.set(true);
            assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000, "stopIdle() ended it early");
            stopper.get(5, TimeUnit.SECONDS);
            assertEquals(ImapState.SELECTED, c.state());
            c.noop();
        } finally {
            Fixtures.quietly(c);
        }
    }

    private static void awaitIdling(Recorder rec) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (Recorder.Event e : rec.events()) {
                if (!e.sent() && e.text().startsWith("+ ")) {
                    return;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the server never answered IDLE with a continuation");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void uidplusAppendCopyExpungeAndMove(ImapServer server) {
        ImapClient c = server.require(ImapServer.Feature.UIDPLUS).client();
        String f = server.folder("uidplus");
        String g = f + "-to";
        try {
            c.create(f);
            c.create(g);
            List<AppendUid> appended = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                appended.add(c.append(f, List.of(), null, Fixtures.message("uidplus " + i)));
            }
            MailboxState st = c.select(f);
            assertEquals(st.uidValidity(), appended.get(0).uidValidity(), "APPENDUID carries the UIDVALIDITY");
            assertEquals(List.of(1L, 2L, 3L, 4L), appended.stream().map(AppendUid::uid).toList());

            CopyUid copied = c.uidCopy(NumberSet.uids(1, 2), g);
            assertEquals(Map.of(1L, 1L, 2L, 2L), copied.mapping());
            assertEquals(c.status(g, "UIDVALIDITY").uidValidity(), copied.uidValidity());

            c.uidStore(NumberSet.uids(1, 2), StoreMode.ADD, true, List.of("\\Deleted"));
            ExpungeResult ex = c.uidExpunge(NumberSet.uids(2));
            assertEquals(List.of(2L), ex.sequenceNumbers(), "only UID 2 went, though UID 1 is \\Deleted too");

            if (server.supports(ImapServer.Feature.MOVE)) {
                ImapClient.MoveResult moved = c.uidMove(NumberSet.uids(3, 4), g);
                assertTrue(moved.expunged());
                assertEquals(Map.of(3L, 3L, 4L, 4L), moved.copyUid().mapping());
            } else {
                // Courier: no MOVE, so UID COPY and UID EXPUNGE of the two (RFC 6851 §3.3)
                assertEquals(Map.of(3L, 3L, 4L, 4L), c.uidCopy(NumberSet.uids(3, 4), g).mapping());
                c.uidStore(NumberSet.uids(3, 4), StoreMode.ADD, true, List.of("\\Deleted"));
                c.uidExpunge(NumberSet.uids(3, 4));
            }
            assertEquals(List.of(1L), c.uidSearch("ALL").numbers());
            assertEquals(4L, c.status(g, "MESSAGES").messages());
        } finally {
            Fixtures.drop(c, f, g);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void enableIdNamespaceAndUnselect(ImapServer server) {
        ImapClient c = server.require().client();
        try {
            if (server.supports(ImapServer.Feature.CONDSTORE)) {
                assertEquals(Set.of("CONDSTORE"), c.extensions().enable("CONDSTORE"));
            } else if (server.supports(ImapServer.Feature.ENABLE)) {
                // Courier enables nothing it lacks; its ENABLED repeats UTF8=ACCEPT, which the client
                // enabled after the PREAUTH greeting
                assertEquals(c.isUtf8Enabled() ? Set.of("UTF8=ACCEPT") : Set.of(), c.extensions().enable("CONDSTORE"),
                        "Courier enables nothing it lacks");
            }
            if (server.supports(ImapServer.Feature.ID)) {
                Map<String, String> id = c.extensions().id(Map.of("name", "camel-imap4", "version", "it"));
                String name = switch (server.kind()) {
                    case DOVECOT -> "Dovecot";
                    case CYRUS -> "Cyrus IMAPD";
                    default -> null; // imap4d 3.15 sends no ID response (RFC 2971 §3.1 requires one)
                };
                assertEquals(name, id.get("name"), id.toString());
            }

            Namespaces ns = c.extensions().namespace();
            switch (server.kind()) {
                case DOVECOT -> {
                    assertEquals(List.of(new Namespace("", "/")), ns.personal());
                    assertEquals(List.of(new Namespace("shared/", "/")), ns.otherUsers());
                    assertEquals(List.of(), ns.shared());
                }
                case CYRUS -> {
                    assertEquals(List.of(new Namespace("", "/")), ns.personal());
                    assertEquals(List.of(new Namespace("Other Users/", "/")), ns.otherUsers());
                    assertEquals(List.of(new Namespace("Shared Folders/", "/")), ns.shared());
                }
                case MAILUTILS -> {
                    assertEquals(List.of(new Namespace("", "/")), ns.personal());
                    assertEquals(List.of(), ns.otherUsers());
                    assertEquals(List.of(), ns.shared());
                }
                case COURIER -> {
                    assertEquals(List.of(new Namespace("INBOX.", ".")), ns.personal());
                    assertEquals(List.of(), ns.otherUsers());
                    assertEquals(List.of(new Namespace("#shared.", "."), new Namespace("shared.", ".")), ns.shared());
                }
            }

            c.select("INBOX");
            assertEquals(ImapState.SELECTED, c.state());
            if (!server.supports(ImapServer.Feature.UNSELECT)) {
                // Courier has no UNSELECT: refused for a writable mailbox (CLOSE would expunge), CLOSE
                // for a read-only one
                assertThrows(Imap4Exception.class, c::unselect);
                c.examine("INBOX");
            }
            c.unselect();
            assertEquals(ImapState.AUTH, c.state());
        } finally {
            c.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void esearchSortAndThreadTyped(ImapServer server) {
        Recorder rec = new Recorder();
        ImapClient c = Recorder.RecordingImap4.open(server.require(ImapServer.Feature.SORT_THREAD), server.user(), rec)
                .client();
        server.logIn(c);
        String f = server.folder("esearch");
        try {
            c.create(f);
            c.append(f, List.of(), null, Fixtures.message("alpha", "ta@example.org", null, 9));
            c.append(f, List.of(), null, Fixtures.message("Re: alpha", "ta2@example.org", "ta@example.org", 10));
            c.append(f, List.of(), null, Fixtures.message("beta", "tb@example.org", null, 11));
            c.append(f, List.of("\\Seen"), null,
                    Fixtures.message("Re: alpha", "ta3@example.org", "ta2@example.org", 12));
            c.select(f);
            SearchResult all = c.uidSearch("ALL");
            assertEquals(List.of(1L, 2L, 3L, 4L), all.numbers());
            assertEquals(List.of(1L, 2L, 3L), c.uidSearch("UNSEEN").numbers());
            assertEquals(List.of(), c.uidSearch("SUBJECT nothing-matches").numbers());
            List<String> searches = rec.commands("UID SEARCH");
            boolean esearch = server.supports(ImapServer.Feature.ESEARCH);
            assertTrue(searches.get(0).endsWith(esearch ? "UID SEARCH RETURN (ALL) ALL" : "UID SEARCH ALL"),
                    "ESEARCH form only where offered: " + searches);

            assertEquals(List.of(4L, 3L, 2L, 1L), c.uidSort("REVERSE DATE", "UTF-8", "ALL").numbers());
            assertTrue(rec.commands("UID SORT").get(0).contains(
                    esearch ? "UID SORT RETURN (ALL) (REVERSE DATE) UTF-8 ALL" : "UID SORT (REVERSE DATE) UTF-8 ALL"),
                    "ESORT form only where offered: " + rec.commands("UID SORT"));

            assertEquals("[(1 2 4), (3)]", c.extensions().uidThread("REFERENCES", "UTF-8", "ALL").toString());
            // RFC 5256 §2.1 makes the later messages children of the first; Courier 5.0 chains them
            assertEquals(server.is(ImapServer.Kind.COURIER) ? "[(1 2 4), (3)]" : "[(1 (2)(4)), (3)]",
                    c.extensions().uidThread("ORDEREDSUBJECT", "UTF-8", "ALL").toString());
        } finally {
            Fixtures.drop(c, f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void objectIdsAreTypedAndAnEmailIdSurvivesACopy(ImapServer server) {
        ImapClient c = server.require().client();
        org.junit.jupiter.api.Assumptions.assumeTrue(c.hasCapability("OBJECTID"), "NOT SUPPORTED by " + server + ": OBJECTID");
        String f = server.folder("objectid");
        String g = server.folder("objectid-copy");
        try {
            c.create(f);
            c.create(g);
            c.append(f, java.util.List.of(), null, Fixtures.message("object ids"));
            dev.imap4.client.types.MailboxState st = c.select(f);
            org.junit.jupiter.api.Assertions.assertNotNull(st.mailboxId(), "SELECT reports MAILBOXID");
            java.util.List<dev.imap4.client.types.FetchResponse> got = new java.util.ArrayList<>();
            c.uidFetch(dev.imap4.client.types.NumberSet.uids(1),
                    dev.imap4.client.types.FetchItems.of().withEmailId().withThreadId(), got::add);
            String emailId = got.get(0).emailId();
            org.junit.jupiter.api.Assertions.assertNotNull(emailId);
            c.uidCopy(dev.imap4.client.types.NumberSet.uids(1), g);
            org.junit.jupiter.api.Assertions.assertEquals(st.mailboxId(), c.status(f, "MAILBOXID").mailboxId());
            c.select(g);
            java.util.List<dev.imap4.client.types.FetchResponse> copy = new java.util.ArrayList<>();
            c.uidFetch(dev.imap4.client.types.NumberSet.uidRange(1, dev.imap4.client.types.NumberSet.STAR),
                    dev.imap4.client.types.FetchItems.of().withEmailId(), copy::add);
            org.junit.jupiter.api.Assertions.assertEquals(emailId, copy.get(0).emailId(), "RFC 8474 §5.1: a copy keeps its EMAILID");
        } finally {
            Fixtures.drop(c, f, g);
        }
    }
}
