package dev.imap4.client.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.ImapClient;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.StoreMode;
import dev.imap4.client.types.ExpungeResult;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.MailboxState;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.QresyncParameters;
import dev.imap4.client.types.QresyncResult;
import dev.imap4.client.types.StoreResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** CONDSTORE and QRESYNC (RFC 7162) through the typed API. */
class CondstoreQresyncIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void highestModSeqChangedSinceAndUnchangedSince(ImapServer server) {
        ImapClient c = server.require(ImapServer.Feature.CONDSTORE).client();
        String f = server.folder("condstore");
        try {
            c.create(f);
            for (int i = 1; i <= 3; i++) {
                c.append(f, List.of(), null, Fixtures.message("modseq " + i));
            }
            MailboxState st = c.select(f);
            assertNotNull(st.highestModSeq(), "SELECT (CONDSTORE) reports HIGHESTMODSEQ");
            long before = st.highestModSeq();

            List<FetchResponse> all = fetch(c, FetchItems.of().withFlags().withModSeq());
            assertEquals(3, all.size());
            all.forEach(r -> assertTrue(r.modSeq() != null && r.modSeq() <= before, r.toString()));

            c.uidStore(NumberSet.uids(2), StoreMode.ADD, true, List.of("\\Seen"));
            List<FetchResponse> changed = fetch(c, FetchItems.of().withFlags().changedSince(before));
            assertEquals(List.of(2L), changed.stream().map(FetchResponse::uid).toList(), "only UID 2 changed");
            assertTrue(changed.get(0).hasFlag("\\Seen"));
            assertTrue(changed.get(0).modSeq() > before, "CHANGEDSINCE implies MODSEQ in the answer");

            StoreResult conditional = c.uidStore(NumberSet.uids(1, 2), StoreMode.ADD, true,
                    List.of("\\Flagged"), before);
            assertEquals(NumberSet.uids(2), conditional.modified(), "UID 2 changed since: MODIFIED, not stored");
            List<FetchResponse> flags = fetch(c, FetchItems.of().withFlags());
            assertTrue(flags.get(0).hasFlag("\\Flagged"));
            assertTrue(!flags.get(1).hasFlag("\\Flagged"));
        } finally {
            Fixtures.drop(c, f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void qresyncReportsVanishedOnUidExpunge(ImapServer server) {
        ImapClient c = server.require(ImapServer.Feature.CONDSTORE).client();
        String f = server.folder("qresync");
        try {
            // QRESYNC implies CONDSTORE (RFC 7162 §3.2.3); Cyrus names both in ENABLED, Dovecot one
            Set<String> expected = server.is(ImapServer.Kind.DOVECOT) ? Set.of("QRESYNC")
                    : Set.of("CONDSTORE", "QRESYNC");
            assertEquals(expected, c.extensions().enable("QRESYNC"));
            c.create(f);
            for (int i = 1; i <= 4; i++) {
                c.append(f, List.of(), null, Fixtures.message("vanish " + i));
            }
            c.select(f);
            c.uidStore(NumberSet.uids(2, 3), StoreMode.ADD, true, List.of("\\Deleted"));
            ExpungeResult ex = c.uidExpunge(NumberSet.uids(2, 3));
            assertEquals(NumberSet.uids(2, 3), ex.vanished(), "QRESYNC: VANISHED instead of EXPUNGE");
            assertEquals(List.of(), ex.sequenceNumbers());
            assertEquals(2, ex.count());
            assertEquals(List.of(1L, 4L), c.uidSearch("ALL").numbers());
        } finally {
            Fixtures.drop(c, f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void selectWithQresyncReportsWhatVanishedAndChangedSinceAModSeq(ImapServer server) {
        ImapClient setup = server.require(ImapServer.Feature.CONDSTORE).client();
        String f = server.folder("resync");
        try {
            setup.create(f);
            for (int i = 1; i <= 5; i++) {
                setup.append(f, List.of(), null, Fixtures.message("resync " + i));
            }
            MailboxState before = setup.select(f);
            long mark = before.highestModSeq();
            setup.uidStore(NumberSet.uids(2), StoreMode.ADD, true, List.of("\\Flagged"));
            setup.uidStore(NumberSet.uids(3, 4), StoreMode.ADD, true, List.of("\\Deleted"));
            setup.uidExpunge(NumberSet.uids(3, 4));

            ImapClient c = server.client();
            QresyncParameters p = new QresyncParameters(before.uidValidity(), mark, null);
            QresyncResult r = c.select(f, true, p);
            assertTrue(c.isQresyncEnabled());
            assertTrue(r.resynchronised(p));
            assertEquals(List.of(3L, 4L), r.vanished().toList(), "VANISHED (EARLIER) since the mark");
            assertTrue(r.changed().stream().anyMatch(ch -> ch.uid() == 2 && ch.flags().contains("\\Flagged")),
                    "UID 2's flag change: " + r.changed());
            assertTrue(r.mailbox().highestModSeq() > mark);
            assertEquals(List.of(1L, 2L, 5L), c.uidSearch("ALL").numbers());
            c.logout();
        } finally {
            Fixtures.drop(setup, f);
        }
    }

    private static List<FetchResponse> fetch(ImapClient c, FetchItems items) {
        List<FetchResponse> out = new ArrayList<>();
        c.uidFetch(NumberSet.uidRange(1, NumberSet.STAR), items, out::add);
        return out;
    }
}
