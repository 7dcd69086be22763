package dev.imap4.client.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.ImapClient;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.MailboxState;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.SearchResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scale sanity on the mailbox the launcher fills ({@code populate scale COUNT 4000 Scale}, 10,000
 * messages of about 4 KB by default): one UID SEARCH, then UID FETCH of every whole message in
 * batches of 500 UIDs. Each message must arrive exactly once, the number of commands must follow
 * the batches (no round trip per message), and nothing may stay on the heap afterwards.
 */
class ScaleIT {

    private static final int BATCH = 500;
    private static final Pattern MESSAGE_ID = Pattern.compile("<(\\d+)\\.4000\\.Scale@populate\\.example\\.org>");
    private static final long RETAINED_LIMIT = 16L * 1024 * 1024;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void everyMessageSearchedAndFetchedOnceInBatches(ImapServer server) {
        int count = Integer.parseInt(System.getenv().getOrDefault("IMAP4_IT_SCALE_COUNT", "10000"));
        Recorder rec = new Recorder(false);
        ImapClient c = Recorder.RecordingImap4.open(server.require(), server.prop("scale.user"), rec).client();
        try {
            if (!server.isStream()) {
                c.login(server.prop("scale.user"), server.prop("scale.password"));
            }
            MailboxState st = c.examine(server.folderPrefix() + "Scale");
            assertEquals(count, st.exists(), "the launcher populates Scale with IMAP4_IT_SCALE_COUNT messages");

            SearchResult found = c.uidSearch("ALL");
            List<Long> uids = found.numbers();
            assertEquals(count, uids.size());
            assertEquals(1, rec.commands("UID SEARCH").size());

            long heapBefore = usedHeapAfterGc();
            Set<Long> seen = new HashSet<>();
            BitSet numbers = new BitSet(count + 1);
            long[] bytes = new long[1];
            long start = System.nanoTime();
            for (int i = 0; i < uids.size(); i += BATCH) {
                NumberSet batch = NumberSet.uids(uids.subList(i, Math.min(uids.size(), i + BATCH)));
                int delivered = c.uidFetch(batch, FetchItems.of().withSize().withEnvelope().withBody(), r -> {
                    assertTrue(seen.add(r.uid()), "UID " + r.uid() + " delivered twice");
                    Matcher mid = MESSAGE_ID.matcher(r.envelope().messageId());
                    assertTrue(mid.matches(), r.envelope().messageId());
                    numbers.set(Integer.parseInt(mid.group(1)));
                    assertEquals(r.size().longValue(), r.message().size(), "RFC822.SIZE equals the BODY[] literal");
                    bytes[0] += r.message().size();
                });
                assertEquals(Math.min(BATCH, uids.size() - i), delivered);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            long retained = usedHeapAfterGc() - heapBefore;

            assertEquals(Set.copyOf(uids), seen, "every UID exactly once");
            assertEquals(count, numbers.cardinality());
            assertEquals(count, numbers.nextClearBit(1) - 1, "Message-IDs 1.." + count + " all present");
            assertEquals((count + BATCH - 1) / BATCH, rec.commands("UID FETCH").size(), "one command per batch");
            assertTrue(bytes[0] > count * 3_500L, "about 4 KB each: " + bytes[0]);
            assertTrue(rec.receivedBytes() >= bytes[0], "the bodies came over this connection");
            assertTrue(retained < RETAINED_LIMIT, "heap retained after fetching " + bytes[0] + " bytes: " + retained);
            System.out.printf("%s: fetched %d messages (%d bytes) in %d UID FETCH commands in %d ms,"
                    + " heap retained %d KB%n", server, seen.size(), bytes[0], rec.commands("UID FETCH").size(), millis,
                    retained / 1024);
        } finally {
            Fixtures.quietly(c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void aSparseUidSetIsSplitIntoShortCommandsAndFetchedOnce(ImapServer server) {
        int count = Integer.parseInt(System.getenv().getOrDefault("IMAP4_IT_SCALE_COUNT", "10000"));
        Recorder rec = new Recorder(false);
        ImapClient c = Recorder.RecordingImap4.open(server.require(), server.prop("scale.user"), rec).client();
        try {
            if (!server.isStream()) {
                c.login(server.prop("scale.user"), server.prop("scale.password"));
            }
            c.examine(server.folderPrefix() + "Scale");
            List<Long> every3rd = new ArrayList<>();
            for (long uid = 3; uid <= count; uid += 3) {
                every3rd.add(uid);
            }
            Set<Long> seen = new HashSet<>();
            int delivered = c.uidFetch(NumberSet.uids(every3rd), FetchItems.of().withFlags().withBodyStructure(), r -> {
                assertTrue(seen.add(r.uid()), "UID " + r.uid() + " delivered twice");
                // populate makes every third message multipart, with report-<n>.pdf; here n = UID
                assertEquals("report-" + r.uid() + ".pdf", r.bodyStructure().attachments().get(0).filename());
            });
            assertEquals(every3rd.size(), delivered);
            assertEquals(Set.copyOf(every3rd), seen);
            List<String> commands = rec.commands("UID FETCH");
            assertTrue(commands.size() > 1, "a long set is split: " + commands.size() + " command(s)");
            commands.forEach(cmd -> assertTrue(cmd.length() < 1000, "command of " + cmd.length() + " bytes"));
        } finally {
            Fixtures.quietly(c);
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, mem.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
