package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.NumberSet;
import dev.imap4.testing.FloodTransport;
import dev.imap4.testing.TransportImap4;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever mix of untagged lines, literals (in memory or spooled) and many-section FETCH
 * responses a server floods a command with, under small budgets the command either returns its
 * normal result or the connection aborts with a message naming a budget; nothing else escapes, and
 * once the connection is shut down no spool file is left and nothing stays on its disk budget.
 * Sizes, counts, limits and the command are drawn from a fixed seed (the failing case prints it).
 */
@Timeout(120)
class FloodBudgetPropertyTest {

    private static final long SEED = 0xB0D6_E7L;
    private static final int CASES = 150;
    private static final int THRESHOLD = 8 * 1024;
    private static final int MAX_LINE = 64 * 1024;

    private enum Call { TYPED_SEARCH, TYPED_LIST, TYPED_FETCH, TYPED_RAW, RAW_SEARCH, RAW_NOOP, RAW_FETCH }

    @Test
    void floodsEndInTheNormalResultOrABudgetAbortAndLeaveNoFile(@TempDir Path spool) throws IOException {
        Random seeds = new Random(SEED);
        int completed = 0;
        int aborted = 0;
        for (int i = 0; i < CASES; i++) {
            long caseSeed = seeds.nextLong();
            Random r = new Random(caseSeed);
            Imap4Options options = Imap4Options.defaults().withReadTimeout(Duration.ofSeconds(10))
                    .withSpoolDirectory(spool).withLiteralMemoryThreshold(THRESHOLD).withMaxLineLength(MAX_LINE)
                    .withMaxHeldBytes(64 * 1024 + r.nextInt(2 * 1024 * 1024))
                    .withMaxSpoolBytes(16 * 1024 + r.nextInt(2 * 1024 * 1024))
                    .withMaxUnsolicitedBytes(1 + r.nextInt(512 * 1024));
            Call call = Call.values()[r.nextInt(Call.values().length)];
            FloodTransport server = new FloodTransport("PREAUTH", "IMAP4rev1");
            String verb = switch (call) {
                case TYPED_SEARCH, RAW_SEARCH -> "UID SEARCH";
                case TYPED_LIST -> "LIST";
                case TYPED_FETCH, RAW_FETCH -> "UID FETCH";
                case TYPED_RAW, RAW_NOOP -> "NOOP";
            };
            // an earlier command leaves data in the store, so eviction and the running command mix
            server.answer("NOOP", flood(r));
            server.answer(verb, flood(r));
            String context = "case " + i + " (seed " + caseSeed + "): " + call;
            Imap4 m = new TransportImap4(server, options);
            try {
                m.select();
                m.noop();
                run(m, call);
                completed++;
            } catch (Imap4AbortException e) {
                String first = e.getMessage().lines().findFirst().orElse("");
                if (!first.matches("(heap|spool) budget of \\d+ bytes \\((maxHeldBytes|maxSpoolBytes)\\) exceeded: "
                        + "\\d+ bytes held, .+")) {
                    fail(context + ": not a budget abort: " + e.getMessage(), e);
                }
                aborted++;
            } catch (RuntimeException | Error e) {
                fail(context + ": " + e, e);
            } finally {
                m.shutdown();
            }
            assertEquals(0, files(spool), context + ": spool files left after shutdown");
            assertEquals(0, m.engine().budget().diskHeld(), context + ": disk still charged");
            assertEquals(0, m.engine().budget().ownedSpoolFiles(), context);
        }
        System.out.println("flood property: " + completed + " completed, " + aborted + " aborted on a budget");
        assertTrue(completed > CASES / 10 && aborted > CASES / 10, completed + " completed, " + aborted + " aborted");
    }

    private static void run(Imap4 m, Call call) {
        switch (call) {
            case TYPED_SEARCH -> m.client().uidSearch("ALL");
            case TYPED_LIST -> m.client().list("", "*");
            case TYPED_FETCH -> m.client().uidFetch(NumberSet.uids(1), FetchItems.of().withBody(), r -> { });
            case TYPED_RAW -> m.client().raw("NOOP", List.of()).untagged().forEach(u -> closeAll(u.data()));
            case RAW_SEARCH -> m.uid("SEARCH", "ALL");
            case RAW_NOOP -> m.noop();
            case RAW_FETCH -> closeAll(m.uid("FETCH", "1", "(BODY[])").data());
            default -> throw new IllegalStateException();
        }
    }

    /** The caller owns what a command returns: it closes the literals. */
    private static void closeAll(List<ImapData> data) {
        for (ImapData d : data) {
            if (d instanceof ImapData.Pair p) {
                p.literal().close();
            }
        }
    }

    private static FloodTransport.Part[] flood(Random r) {
        List<FloodTransport.Part> parts = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(5)) {
                case 0 -> parts.add(FloodTransport.lines("* XFOO " + "y".repeat(r.nextInt(MAX_LINE - 16)),
                        1 + r.nextInt(12)));
                case 1 -> parts.add(FloodTransport.lines("* " + (1 + r.nextInt(9)) + " EXISTS", 1 + r.nextInt(5_000)));
                case 2 -> parts.add(FloodTransport.literals("* XFOO ", r.nextInt(3 * THRESHOLD), "", 1 + r.nextInt(24)));
                case 3 -> parts.add(FloodTransport.literals("* 1 FETCH (UID 1 BODY[] ", r.nextInt(3 * THRESHOLD), ")",
                        1 + r.nextInt(24)));
                default -> {
                    FloodTransport.Part p = new FloodTransport.Part().text("* 1 FETCH (UID 1");
                    int sections = 1 + r.nextInt(40);
                    for (int s = 1; s <= sections; s++) {
                        p.text(" BODY[" + s + "] ").literal(r.nextInt(3 * THRESHOLD));
                    }
                    parts.add(p.text(")\n").times(1 + r.nextInt(3)));
                }
            }
        }
        return parts.toArray(FloodTransport.Part[]::new);
    }

    private static long files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
