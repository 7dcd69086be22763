package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.NumberSet;
import dev.imap4.testing.HeapPeak;
import dev.imap4.testing.LiteralStreamServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 MB message fetched through the typed API in a JVM whose heap is 64 MB (the build's
 * bounded-memory execution): every byte of the section is read back and hashed, and the hash must
 * match what the server generated. The literal is spooled to disk in fixed chunks, so the heap
 * holds none of it; the peak heap use is printed for the performance notes.
 */
@Tag("bounded-memory")
@Timeout(180)
class LargeLiteralBoundedMemoryTest {

    private static final long SIZE = 200L * 1024 * 1024;
    /** Far below the body's size; about 6 MiB is measured (JUnit and the JVM included). */
    private static final long MAX_PEAK = 24L * 1024 * 1024;

    @Test
    void a200MegabyteMessageStreamsThroughASmallHeap(@TempDir Path spool) throws Exception {
        assertTrue(HeapPeak.maxBytes() <= 80L * 1024 * 1024,
                "run with -Xmx64m (the bounded-memory execution); the heap is " + HeapPeak.mib(HeapPeak.maxBytes()));
        Imap4Options options = Imap4Options.defaults().withReadTimeout(Duration.ofSeconds(30))
                .withSpoolDirectory(spool);
        String[] digest = new String[1];
        long[] read = new long[1];
        try (LiteralStreamServer server = LiteralStreamServer.complete(SIZE)) {
            HeapPeak.reset();
            Imap4 imap = new Imap4("127.0.0.1", server.port(), options);
            ImapClient client = imap.client();
            client.select("INBOX");
            int n = client.uidFetch(NumberSet.uids(1), FetchItems.of().withBody(), m -> {
                Literal body = m.message();
                assertTrue(body.isSpooled(), "a 200 MB body is spooled, not held");
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[64 * 1024];
                try (InputStream in = body.openStream()) {
                    for (int k = in.read(buf); k >= 0; k = in.read(buf)) {
                        sha.update(buf, 0, k);
                        read[0] += k;
                    }
                }
                digest[0] = HexFormat.of().formatHex(sha.digest());
            });
            long peak = HeapPeak.peakUsedBytes();
            client.logout();
            assertEquals(1, n);
            assertEquals(SIZE, read[0]);
            assertEquals(server.sha256(), digest[0], "the bytes read back are the bytes sent");
            System.out.println("bounded memory: 200 MiB literal fetched, peak heap " + HeapPeak.mib(peak)
                    + " of " + HeapPeak.mib(HeapPeak.maxBytes()) + ", live after " + HeapPeak.mib(HeapPeak.liveBytes()));
            assertTrue(peak < MAX_PEAK, "peak heap " + HeapPeak.mib(peak));
        }
        try (Stream<Path> left = Files.list(spool)) {
            assertEquals(0, left.count(), "the spooled body was deleted once the handler returned");
        }
    }
}
