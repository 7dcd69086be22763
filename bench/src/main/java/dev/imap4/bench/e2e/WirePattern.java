package dev.imap4.bench.e2e;

import dev.imap4.client.Imap4;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.StoreMode;
import java.util.List;

/**
 * The consumer's default wire pattern through the core alone, no Camel: UID FETCH of UID, FLAGS,
 * INTERNALDATE, RFC822.SIZE, MODSEQ and BODY.PEEK[] in batches of each size given, and after each
 * batch a UID STORE +FLAGS.SILENT (\Seen) of the one before, as the consumer sends them; beside it
 * one UID FETCH 1:* of bodies alone. Every message is made unseen before each run, outside the
 * timer. Prints one RESULT line per case (median of the runs after {@code warmups}); what the
 * server spends on the pattern, for choosing fetchBatchSize.
 */
final class WirePattern {

    private WirePattern() {
    }

    static void run(Server s, String folder, long messages, List<Integer> batches, int warmups, int runs) throws Exception {
        ImapClient c = new Imap4(s.host(), s.port()).client();
        try {
            c.login(s.user(), s.password());
            timed(c, folder, "wire-bodies-only", 0, messages, warmups, runs);
            for (int b : batches) {
                timed(c, folder, "wire-batches-" + b, b, messages, warmups, runs);
            }
            c.logout();
        } finally {
            c.close();
        }
    }

    private static void timed(ImapClient c, String folder, String name, int batch, long messages, int warmups, int runs) {
        double[] ms = new double[runs];
        for (int r = 0; r < warmups + runs; r++) {
            c.select(folder);
            c.uidStore(NumberSet.uidRange(1, NumberSet.STAR), StoreMode.REMOVE, true, List.of("\\Seen"));
            long t0 = System.nanoTime();
            if (batch == 0) {
                c.uidFetch(NumberSet.uidRange(1, NumberSet.STAR), FetchItems.of().withBody(), m -> { });
            } else {
                FetchItems items = FetchItems.of().withFlags().withInternalDate().withSize().withModSeq().withBody();
                for (long from = 1; from <= messages; from += batch) {
                    c.uidFetch(NumberSet.uidRange(from, from + batch - 1), items, m -> { });
                    if (from > 1) {
                        c.uidStore(NumberSet.uidRange(from - batch, from - 1), StoreMode.ADD, true, List.of("\\Seen"));
                    }
                }
            }
            if (r >= warmups) {
                ms[r - warmups] = (System.nanoTime() - t0) / 1e6;
            }
        }
        double[] sorted = ms.clone();
        java.util.Arrays.sort(sorted);
        StringBuilder all = new StringBuilder();
        for (double m : ms) {
            all.append(all.length() == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.1f", m));
        }
        System.out.printf(java.util.Locale.ROOT, "RESULT %s %s median_ms=%.1f runs_ms=%s%n", name, folder,
                sorted[runs / 2], all);
    }
}
