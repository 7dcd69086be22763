package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.NumberSet;
import dev.imap4.testing.HeapPeak;
import dev.imap4.testing.LiteralStreamServer;
import dev.imap4.testing.LiteralStreamServer.Ending;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that announces a 2 GB literal, sends 8 MB of it and then stalls or hangs up: the client
 * fails cleanly (an abort naming the timeout or the lost connection), allocates nothing near the
 * announced size, and deletes the partial spool file. Runs in the 64 MB bounded-memory execution.
 */
@Tag("bounded-memory")
@Timeout(60)
class DeclaredLiteralBoundedMemoryTest {

    private static final long ANNOUNCED = 2L * 1024 * 1024 * 1024;
    private static final long SENT = 8L * 1024 * 1024;
    /** About 6 to 8 MiB is measured (JUnit and the JVM included): nothing scales with the announcement. */
    private static final long MAX_PEAK = 24L * 1024 * 1024;

    @Test
    void aStallInsideA2GigabyteLiteralTimesOut(@TempDir Path spool) throws Exception {
        Imap4AbortException e = fetchFrom(Ending.STALL, spool);
        assertTrue(e.getMessage().startsWith("read timed out"), e.getMessage());
    }

    @Test
    void aHangUpInsideA2GigabyteLiteralAborts(@TempDir Path spool) throws Exception {
        Imap4AbortException e = fetchFrom(Ending.CLOSE, spool);
        assertTrue(e.getMessage().contains("literal bytes still expected"), e.getMessage());
    }

    private static Imap4AbortException fetchFrom(Ending ending, Path spool) throws Exception {
        Imap4Options options = Imap4Options.defaults().withReadTimeout(Duration.ofSeconds(2))
                .withSpoolDirectory(spool);
        try (LiteralStreamServer server = LiteralStreamServer.cutShort(ANNOUNCED, SENT, ending)) {
            HeapPeak.reset();
            Imap4 imap = new Imap4("127.0.0.1", server.port(), options);
            ImapClient client = imap.client();
            client.select("INBOX");
            Imap4AbortException e = assertThrows(Imap4AbortException.class,
                    () -> client.uidFetch(NumberSet.uids(1), FetchItems.of().withBody(), m -> { }));
            long peak = HeapPeak.peakUsedBytes();
            assertFalse(client.isConnected(), "the connection is closed after the abort");
            assertEquals(SENT, server.sent());
            assertEquals(0, files(spool), "the partial spool file was deleted");
            System.out.println("bounded memory: 2 GiB literal announced, 8 MiB sent, then " + ending
                    + ": peak heap " + HeapPeak.mib(peak) + " of " + HeapPeak.mib(HeapPeak.maxBytes()));
            assertTrue(peak < MAX_PEAK, "peak heap " + HeapPeak.mib(peak));
            return e;
        }
    }

    private static long files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
