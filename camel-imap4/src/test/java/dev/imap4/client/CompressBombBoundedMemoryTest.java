package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.NumberSet;
import dev.imap4.testing.HeapPeak;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decompression bomb in a JVM whose heap is 64 MB (the build's bounded-memory execution): about
 * 200 KB on the wire that inflate to a 200 MiB literal. The inflater works in fixed buffers as the
 * reader pulls, so the literal is spooled to disk in chunks like any other and the heap holds none
 * of it; an inflater that inflated ahead of the reader would run out of heap here.
 */
@Tag("bounded-memory")
@Timeout(180)
class CompressBombBoundedMemoryTest {

    private static final long SIZE = 200L * 1024 * 1024;
    private static final long MAX_PEAK = 24L * 1024 * 1024;

    @Test
    void a200MegabyteLiteralFromAFewHundredKilobytesStaysOffTheHeap(@TempDir Path spool) throws Exception {
        assertTrue(HeapPeak.maxBytes() <= 80L * 1024 * 1024,
                "run with -Xmx64m (the bounded-memory execution); the heap is " + HeapPeak.mib(HeapPeak.maxBytes()));
        Imap4Options options = Imap4Options.defaults().withReadTimeout(Duration.ofSeconds(60)).withSpoolDirectory(spool);
        try (ScriptedServer server = ScriptedServer.builder().timeout(Duration.ofSeconds(60)).transcript("""
                S: * PREAUTH [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE] ready
                C: {tag} COMPRESS DEFLATE
                S: {tag} OK DEFLATE active
                !deflate
                C: {tag} SELECT INBOX
                S: * 1 EXISTS
                S: {tag} OK [READ-WRITE] selected
                C: {tag} UID FETCH 1 {*}
                S: * 1 FETCH (UID 1 BODY[] {%d}
                !repeat %d a
                S: )
                S: {tag} OK fetched
                C: {tag} LOGOUT
                S: * BYE bye
                S: {tag} OK bye
                """.formatted(SIZE, SIZE)).start()) {
            HeapPeak.reset();
            ImapClient client = new Imap4("127.0.0.1", server.port(), options).client();
            client.compress();
            client.select("INBOX");
            long[] read = new long[1];
            int n = client.uidFetch(NumberSet.uids(1), FetchItems.of().withBody(), m -> {
                Literal body = m.message();
                assertTrue(body.isSpooled(), "a 200 MiB body is spooled, not held");
                byte[] buf = new byte[64 * 1024];
                try (InputStream in = body.openStream()) {
                    for (int k = in.read(buf); k >= 0; k = in.read(buf)) {
                        for (int i = 0; i < k; i++) {
                            if (buf[i] != 'a') {
                                throw new AssertionError("byte " + (read[0] + i) + " is not the one sent");
                            }
                        }
                        read[0] += k;
                    }
                }
            });
            long peak = HeapPeak.peakUsedBytes();
            client.logout();
            server.verify();
            assertEquals(1, n);
            assertEquals(SIZE, read[0]);
            System.out.println("bounded memory: 200 MiB inflated literal, peak heap " + HeapPeak.mib(peak)
                    + " of " + HeapPeak.mib(HeapPeak.maxBytes()));
            assertTrue(peak < MAX_PEAK, "peak heap " + HeapPeak.mib(peak));
        }
        try (Stream<Path> left = Files.list(spool)) {
            assertEquals(0, left.count(), "the spooled body was deleted once the handler returned");
        }
    }
}
