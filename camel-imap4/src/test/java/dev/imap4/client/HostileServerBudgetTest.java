package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.NumberSet;
import dev.imap4.testing.FloodTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile floods against the per-connection budgets and the untagged store, with small limits so
 * that each case is quick: the command either completes or the connection aborts with a message
 * naming the budget, and no spool file survives the connection. The same floods at their real
 * sizes, with default limits and a 64 MB heap, are in {@link HostileFloodBoundedMemoryTest}.
 */
@Timeout(60)
class HostileServerBudgetTest {

    private static final Imap4Options SMALL = Imap4Options.defaults()
            .withReadTimeout(Duration.ofSeconds(10))
            .withLiteralMemoryThreshold(16 * 1024)
            .withMaxHeldBytes(1024 * 1024)
            .withMaxSpoolBytes(4 * 1024 * 1024)
            .withMaxUnsolicitedBytes(256 * 1024);

    private static Imap4 connect(FloodTransport server, Path spool) {
        return connect(server, SMALL.withSpoolDirectory(spool));
    }

    private static Imap4 connect(FloodTransport server, Imap4Options options) {
        Imap4 m = new dev.imap4.testing.TransportImap4(server, options);
        m.select();
        return m;
    }

    private static FloodTransport server() {
        return new FloodTransport("PREAUTH", "IMAP4rev1 UIDPLUS");
    }

    // ---- scenario 1: spooled unsolicited literals during UID SEARCH ----

    @Test
    void spooledFetchJunkDuringASearchIsDeletedWhenTheNextCommandTrimsTheStore(@TempDir Path spool) {
        FloodTransport server = server().answer("UID SEARCH",
                FloodTransport.literals("* 1 FETCH (BODY[] ", 300_000, ")", 5),
                FloodTransport.lines("* SEARCH 7 8", 1));
        Imap4 m = connect(server, spool);
        ImapClient c = m.client();
        assertEquals(List.of(7L, 8L), c.uidSearch("ALL").numbers());
        assertEquals(5, files(spool), "kept for response('FETCH') while the search's data is recent");
        c.noop();
        assertEquals(0, files(spool), "over maxUnsolicitedBytes: dropped, oldest first, files deleted");
        assertTrue(m.untaggedEvictions() >= 5, "each literal and the line after it: " + m.untaggedEvictions());
        assertEquals(0, m.engine().budget().diskHeld());
        m.logout();
        assertEquals(0, files(spool));
    }

    @Test
    void spooledJunkStillKeptIsDeletedByShutdown(@TempDir Path spool) {
        FloodTransport server = server().answer("UID SEARCH",
                FloodTransport.literals("* XFOO ", 100_000, "", 15), FloodTransport.lines("* SEARCH 1", 1));
        Imap4 m = connect(server, spool);
        assertEquals("OK", m.uid("SEARCH", "ALL").type());
        assertEquals(15, files(spool));
        m.shutdown();
        assertEquals(0, files(spool), "shutdown deletes every spool file the connection still owns");
        assertTrue(newConnectionWorks(spool));
    }

    @Test
    void spooledJunkOverTheSpoolBudgetAbortsAndLeavesNoFile(@TempDir Path spool) {
        FloodTransport server = server().answer("UID SEARCH",
                FloodTransport.literals("* XFOO ", 1_000_000, "", 15));
        Imap4 m = connect(server, spool);
        Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> m.uid("SEARCH", "ALL"));
        assertTrue(e.getMessage().startsWith("spool budget of 4194304 bytes (maxSpoolBytes) exceeded: 4000000 bytes"
                + " held, literal of 1000000 bytes announced"), e.getMessage());
        assertEquals(0, files(spool));
        assertTrue(newConnectionWorks(spool));
    }

    @Test
    void aLiteralTakenWithResponseBelongsToTheCallerAfterShutdown(@TempDir Path spool) throws Exception {
        FloodTransport server = server().answer("NOOP", FloodTransport.literals("* XFOO ", 100_000, "", 1));
        Imap4 m = connect(server, spool);
        m.noop();
        ImapData.Pair pair = (ImapData.Pair) m.response("XFOO").data().get(0);
        m.shutdown();
        assertEquals(100_000, pair.literal().bytes().length, "handed over: the connection no longer deletes it");
        pair.literal().close();
        assertEquals(0, files(spool));
    }

    @Test
    void aLiteralReturnedByRawOutlivesTheStoreAndTheConnection(@TempDir Path spool) {
        FloodTransport server = server().answer("XRAW", FloodTransport.literals("* XFOO ", 300_000, "", 1))
                .answer("NOOP", FloodTransport.lines("* XBAR " + "y".repeat(1000), 1));
        Imap4 m = connect(server, spool);
        ImapClient.RawResponse r = m.client().raw("XRAW", List.of());
        Literal literal = ((ImapData.Pair) r.untagged().get(0).data().get(0)).literal();
        m.noop(); // over maxUnsolicitedBytes: the store drops its reference to the same data
        assertTrue(m.untaggedEvictions() >= 1);
        m.shutdown();
        assertEquals(300_000, literal.bytes().length, "the caller's literal is not deleted under it");
        literal.close();
        assertEquals(0, files(spool));
    }

    // ---- scenario 2: many items, each under the caps ----

    @Test
    void manyInMemoryLiteralsDuringASearchAbortOnTheHeapBudget(@TempDir Path spool) {
        FloodTransport server = server().answer("UID SEARCH", FloodTransport.literals("* XFOO ", 16_000, "", 100));
        Imap4 m = connect(server, spool);
        Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> m.client().uidSearch("ALL"));
        assertTrue(e.getMessage().startsWith("heap budget of 1048576 bytes (maxHeldBytes) exceeded: "), e.getMessage());
        assertTrue(e.getMessage().contains("untagged XFOO data of 16007 bytes kept"), e.getMessage());
        assertFalse(m.client().isConnected());
        assertEquals(0, files(spool));
    }

    @Test
    void oneFetchWithManySectionsAbortsOnTheHeapBudget(@TempDir Path spool) {
        FloodTransport.Part fetch = new FloodTransport.Part().text("* 1 FETCH (UID 1");
        for (int i = 1; i <= 59; i++) {
            fetch.text(" BODY[" + i + "] ").literal(30_000);
        }
        fetch.text(")\n");
        FloodTransport server = server().answer("UID FETCH", fetch);
        Imap4 m = connect(server, SMALL.withSpoolDirectory(spool).withLiteralMemoryThreshold(32 * 1024));
        Imap4AbortException e = assertThrows(Imap4AbortException.class,
                () -> m.client().uidFetch(NumberSet.uids(1), FetchItems.of().withBody(), r -> { }));
        assertTrue(e.getMessage().contains("heap budget of 1048576 bytes (maxHeldBytes) exceeded")
                && e.getMessage().contains("literal of 30000 bytes announced"), e.getMessage());
        assertEquals(0, files(spool));
    }

    @Test
    void aStreamingFetchHandsEachMessageOverSoManyMessagesFitTheBudget(@TempDir Path spool) {
        FloodTransport server = server().answer("UID FETCH",
                FloodTransport.literals("* 1 FETCH (UID 1 BODY[] ", 16_000, ")", 500));
        Imap4 m = connect(server, spool);
        int[] seen = new int[1];
        assertEquals(500, m.client().uidFetch(NumberSet.uids(1), FetchItems.of().withBody(), r -> seen[0]++));
        assertEquals(500, seen[0]);
        assertEquals(0, m.engine().budget().diskHeld());
        assertTrue(m.engine().budget().heapHeld() < 64 * 1024, "only the store's small entries stay charged");
    }

    @Test
    void longUnsolicitedLinesDuringNoopAbortOnTheHeapBudget(@TempDir Path spool) {
        FloodTransport server = server().answer("NOOP", FloodTransport.lines("* XFOO " + "y".repeat(200_000), 200));
        Imap4 m = connect(server, spool);
        Imap4AbortException e = assertThrows(Imap4AbortException.class, m::noop);
        assertTrue(e.getMessage().startsWith("heap budget of 1048576 bytes (maxHeldBytes) exceeded"), e.getMessage());
    }

    @Test
    void unsolicitedLinesOfEarlierCommandsAreDroppedOldestFirst(@TempDir Path spool) {
        FloodTransport server = server();
        for (int i = 0; i < 6; i++) {
            server.answer("NOOP", FloodTransport.lines("* " + i + " XFOO " + "y".repeat(100_000), 1));
        }
        Imap4 m = connect(server, spool);
        for (int i = 0; i < 6; i++) {
            m.noop();
        }
        // 256 KiB keep two earlier lines beside the running command's (the bound trims at each command)
        List<ImapData> kept = m.response("XFOO").data();
        assertTrue(kept.size() >= 2 && kept.size() <= 3, kept.size() + " kept");
        assertTrue(kept.get(kept.size() - 1).toString().startsWith("5 y"), "the newest is kept");
        assertTrue(m.untaggedEvictions() >= 3);
        assertNull(m.response("XFOO").data().get(0), "taken: none left");
    }

    @Test
    void theOldestEntryGoesFirstWhateverItsName(@TempDir Path spool) {
        FloodTransport server = server();
        String[] names = {"XA", "XB", "XA", "XB"};
        for (int i = 0; i < names.length; i++) {
            server.answer("NOOP", FloodTransport.lines("* " + names[i] + " " + i + "y".repeat(100_000), 1));
        }
        Imap4 m = connect(server, spool);
        for (int i = 0; i < names.length; i++) {
            m.noop();
        }
        // 400,000 bytes kept against 262,144: the entries of the first and second NOOP go, in that order
        List<ImapData> xa = m.response("XA").data();
        List<ImapData> xb = m.response("XB").data();
        assertEquals(1, xa.size());
        assertTrue(xa.get(0).toString().startsWith("2y"), "XA of the third NOOP is kept");
        assertEquals(1, xb.size());
        assertTrue(xb.get(0).toString().startsWith("3y"), "XB of the fourth NOOP is kept");
    }

    // ---- scenario 3: an endless stream of small unsolicited responses ----

    @Test
    void manyExistsDuringRawAbortOnTheHeapBudgetInsteadOfCollectingForever(@TempDir Path spool) {
        FloodTransport server = server().answer("NOOP", FloodTransport.lines("* 1 EXISTS", 10_000_000));
        Imap4 m = connect(server, spool);
        Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> m.client().raw("NOOP", List.of()));
        assertTrue(e.getMessage().startsWith("heap budget of 1048576 bytes (maxHeldBytes) exceeded")
                && e.getMessage().contains("raw NOOP result of"), e.getMessage());
    }

    @Test
    void theStoreKeepsAtMostItsItemBoundPerName(@TempDir Path spool) {
        FloodTransport server = server().answer("NOOP", FloodTransport.lines("* 1 EXISTS", 30_000));
        Imap4 m = connect(server, SMALL.withSpoolDirectory(spool).withMaxHeldBytes(4 * 1024 * 1024));
        m.noop();
        assertEquals(UntaggedStore.MAX_PER_NAME, m.response("EXISTS").data().size());
        assertEquals(30_000L - UntaggedStore.MAX_PER_NAME, m.untaggedEvictions());
    }

    // ---- scenario 10: a LIST without end ----

    @Test
    void aListWithMillionsOfMailboxesAborts(@TempDir Path spool) {
        FloodTransport server = server().answer("LIST", FloodTransport.lines("* LIST () \"/\" \"box\"", 5_000_000));
        Imap4 m = connect(server, spool);
        Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> m.client().list("", "*"));
        assertTrue(e.getMessage().startsWith("heap budget of 1048576 bytes (maxHeldBytes) exceeded"), e.getMessage());
        assertTrue(newConnectionWorks(spool));
    }

    @Test
    void aLongListWithinTheBudgetIsComplete(@TempDir Path spool) {
        FloodTransport server = server().answer("LIST", FloodTransport.lines("* LIST () \"/\" \"box\"", 3_000));
        Imap4 m = connect(server, spool);
        assertEquals(3_000, m.client().list("", "*").size());
        assertTrue(m.engine().budget().heapHeld() < 16 * 1024, "the result left the budget when handed over: "
                + m.engine().budget().heapHeld());
    }

    // ---- helpers ----

    private static boolean newConnectionWorks(Path spool) {
        Imap4 m = connect(server(), spool);
        boolean ok = "OK".equals(m.noop().type());
        m.logout();
        return ok;
    }

    static long files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
