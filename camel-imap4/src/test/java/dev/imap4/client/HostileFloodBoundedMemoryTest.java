package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.NumberSet;
import dev.imap4.testing.FloodTransport;
import dev.imap4.testing.TransportImap4;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import dev.imap4.testing.HeapPeak;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The floods of the "no server can hurt us" scenarios 1, 2, 3 and 10 at their real sizes, with
 * default limits, in the 64 MB bounded-memory execution: each command completes or aborts with a
 * message naming the budget (never an OutOfMemoryError), no spool file is left once the connection
 * is closed, and a new connection works.
 */
@Tag("bounded-memory")
@Timeout(120)
class HostileFloodBoundedMemoryTest {

    private static final int MIB = 1024 * 1024;

    @TempDir
    Path spool;

    @BeforeEach
    void resetPeak() {
        HeapPeak.reset();
    }

    @AfterEach
    void reportPeak(TestInfo test) {
        System.out.println("hostile flood: " + test.getDisplayName() + ": peak heap "
                + HeapPeak.mib(HeapPeak.peakUsedBytes()) + " of " + HeapPeak.mib(HeapPeak.maxBytes()));
    }

    private Imap4 connect(FloodTransport server) {
        Imap4 m = new TransportImap4(server, Imap4Options.defaults().withReadTimeout(Duration.ofSeconds(30))
                .withSpoolDirectory(spool));
        m.select();
        return m;
    }

    private static FloodTransport server() {
        return new FloodTransport("PREAUTH", "IMAP4rev1 UIDPLUS");
    }

    @Test
    void scenario1FetchLiteralsPushedDuringASearchAreDeletedByTheNextCommand() throws IOException {
        FloodTransport server = server().answer("UID SEARCH",
                FloodTransport.literals("* 1 FETCH (BODY[] ", 20_000_000, ")", 5),
                FloodTransport.lines("* SEARCH 4", 1));
        Imap4 m = connect(server);
        assertEquals(List.of(4L), m.client().uidSearch("ALL").numbers());
        m.client().noop();
        assertEquals(0, files(), "the unsolicited store dropped them and deleted their files");
        m.logout();
        assertNextConnectionWorks();
    }

    @Test
    void scenario1XfooLiteralsPushedDuringASearchAreDeletedByShutdown() throws IOException {
        FloodTransport server = server().answer("UID SEARCH",
                FloodTransport.literals("* XFOO ", 20_000_000, "", 15), FloodTransport.lines("* SEARCH 4", 1));
        Imap4 m = connect(server);
        assertEquals("OK", m.uid("SEARCH", "ALL").type());
        m.shutdown();
        assertEquals(0, files(), "shutdown deletes the spool files the connection still owns");
        assertNextConnectionWorks();
    }

    @Test
    void scenario2ManyLiteralsUnderTheCapDuringASearchAbortCleanly() throws IOException {
        FloodTransport server = server().answer("UID SEARCH", FloodTransport.literals("* XFOO ", 4_000_000, "", 100));
        Imap4 m = connect(server);
        assertBudgetAbort(assertThrows(Imap4AbortException.class, () -> m.uid("SEARCH", "ALL")), "heap");
        assertNextConnectionWorks();
    }

    @Test
    void scenario2OneFetchWith59SectionsAbortsCleanly() throws IOException {
        FloodTransport.Part fetch = new FloodTransport.Part().text("* 1 FETCH (UID 1");
        for (int i = 1; i <= 59; i++) {
            fetch.text(" BODY[" + i + "] ").literal(4_000_000);
        }
        FloodTransport server = server().answer("UID FETCH", fetch.text(")\n"));
        Imap4 m = connect(server);
        assertBudgetAbort(assertThrows(Imap4AbortException.class,
                () -> m.client().uidFetch(NumberSet.uids(1), FetchItems.of().withBody(), r -> { })), "heap");
        assertNextConnectionWorks();
    }

    @Test
    void scenario2ManyLongLinesDuringNoopAbortCleanly() throws IOException {
        // 3 MiB lines, well under the 8 MiB line cap, 600 MiB in all: the budget still aborts after a
        // few. With 7 MiB lines, the reader's growing buffer, the lines held and the server's own copy
        // of the line now and then left a 64 MiB heap too little contiguous room for their humongous
        // arrays: an out-of-memory of the test's setup, not of the bound under test.
        FloodTransport server = server().answer("NOOP", FloodTransport.lines("* XFOO " + "y".repeat(3 * MIB), 200));
        Imap4 m = connect(server);
        assertBudgetAbort(assertThrows(Imap4AbortException.class, m::noop), "heap");
        assertNextConnectionWorks();
    }

    @Test
    void scenario3TenMillionExistsDuringRawAbortCleanly() throws IOException {
        FloodTransport server = server().answer("NOOP", FloodTransport.lines("* 1 EXISTS", 10_000_000));
        Imap4 m = connect(server);
        assertBudgetAbort(assertThrows(Imap4AbortException.class, () -> m.client().raw("NOOP", List.of())), "heap");
        assertNextConnectionWorks();
    }

    @Test
    void scenario10AListOfMillionsOfMailboxesAbortsCleanly() throws IOException {
        FloodTransport server = server().answer("LIST",
                FloodTransport.lines("* LIST (\\HasNoChildren) \"/\" \"INBOX/folder\"", 10_000_000));
        Imap4 m = connect(server);
        assertBudgetAbort(assertThrows(Imap4AbortException.class, () -> m.client().list("", "*")), "heap");
        assertNextConnectionWorks();
    }

    private void assertBudgetAbort(Imap4AbortException e, String budget) throws IOException {
        String first = e.getMessage().lines().findFirst().orElse("");
        assertTrue(first.startsWith(budget + " budget of "), first);
        assertTrue(first.contains(" bytes held, "), first);
        assertEquals(0, files(), "no spool file outlives the aborted connection");
    }

    private void assertNextConnectionWorks() throws IOException {
        Imap4 m = connect(server());
        assertEquals("OK", m.noop().type());
        m.logout();
        assertEquals(0, files());
    }

    private long files() throws IOException {
        try (Stream<Path> s = Files.list(spool)) {
            return s.count();
        }
    }
}
