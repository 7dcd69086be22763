package dev.imap4.bench.e2e;

import dev.imap4.client.Imap4;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.StoreMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The consumer's default wire pattern through the core alone, no Camel, and what each part of it
 * costs the server: one UID FETCH 1:* of bodies alone, then with each of the consumer's other items
 * (FLAGS, INTERNALDATE, RFC822.SIZE, MODSEQ) and with all of them; then, for each batch size given,
 * UID FETCH of all the items in batches, with after each batch a UID STORE +FLAGS.SILENT (\Seen) of
 * the one before as the consumer sends them, the same without the STOREs, and the same on a
 * connection that never fetched MODSEQ (a CONDSTORE-enabling command: once it was sent, every STORE
 * is answered by a FETCH of UID and MODSEQ per message, .SILENT or not; RFC 7162 §3.1). Every
 * message is made unseen before each run, outside the timer. Prints one RESULT line per case (median
 * of the runs after {@code warmups}).
 */
final class WirePattern {

    private static final FetchItems ALL = FetchItems.of().withFlags().withInternalDate().withSize().withModSeq().withBody();
    private static final FetchItems NO_MODSEQ = FetchItems.of().withFlags().withInternalDate().withSize().withBody();

    private WirePattern() {
    }

    static void run(Server s, String folder, long messages, List<Integer> batches, int warmups, int runs) throws Exception {
        // first, on a connection that never enables CONDSTORE: the STOREs come back without a FETCH each
        try (Session c = new Session(s)) {
            for (int b : batches) {
                timed(c.client, folder, "wire-batches-nocondstore-" + b, NO_MODSEQ, b, true, messages, warmups, runs);
            }
        }
        try (Session c = new Session(s)) {
            FetchItems bodies = FetchItems.of().withBody();
            timed(c.client, folder, "wire-bodies-only", bodies, 0, false, messages, warmups, runs);
            timed(c.client, folder, "wire-bodies-and-FLAGS", FetchItems.of().withFlags().withBody(), 0, false, messages, warmups, runs);
            timed(c.client, folder, "wire-bodies-and-INTERNALDATE", FetchItems.of().withInternalDate().withBody(), 0, false,
                    messages, warmups, runs);
            timed(c.client, folder, "wire-bodies-and-RFC822.SIZE", FetchItems.of().withSize().withBody(), 0, false, messages,
                    warmups, runs);
            timed(c.client, folder, "wire-bodies-and-MODSEQ", FetchItems.of().withModSeq().withBody(), 0, false, messages,
                    warmups, runs);
            timed(c.client, folder, "wire-all-items", ALL, 0, false, messages, warmups, runs);
            for (int b : batches) {
                timed(c.client, folder, "wire-batches-" + b, ALL, b, true, messages, warmups, runs);
                timed(c.client, folder, "wire-batches-nostore-" + b, ALL, b, false, messages, warmups, runs);
            }
        }
    }

    /** A logged-in connection of the core, logged out and closed at the end. */
    private static final class Session implements AutoCloseable {
        final ImapClient client;

        Session(Server s) {
            client = new Imap4(s.host(), s.port()).client();
            client.login(s.user(), s.password());
        }

        @Override
        public void close() {
            try {
                client.logout();
            } finally {
                client.close();
            }
        }
    }

    /** {@code batch} 0: one UID FETCH 1:*; otherwise batches of that many UIDs, with or without the STOREs. */
    private static void timed(ImapClient c, String folder, String name, FetchItems items, int batch, boolean store,
            long messages, int warmups, int runs) {
        double[] ms = new double[runs];
        for (int r = 0; r < warmups + runs; r++) {
            c.select(folder);
            c.uidStore(NumberSet.uidRange(1, NumberSet.STAR), StoreMode.REMOVE, true, List.of("\\Seen"));
            long t0 = System.nanoTime();
            if (batch == 0) {
                c.uidFetch(NumberSet.uidRange(1, NumberSet.STAR), items, m -> { });
            } else {
                for (long from = 1; from <= messages; from += batch) {
                    c.uidFetch(NumberSet.uidRange(from, from + batch - 1), items, m -> { });
                    if (store && from > 1) {
                        c.uidStore(NumberSet.uidRange(from - batch, from - 1), StoreMode.ADD, true, List.of("\\Seen"));
                    }
                }
            }
            if (r >= warmups) {
                ms[r - warmups] = (System.nanoTime() - t0) / 1e6;
            }
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        StringBuilder all = new StringBuilder();
        for (double m : ms) {
            all.append(all.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.1f", m));
        }
        System.out.printf(Locale.ROOT, "RESULT %s %s median_ms=%.1f runs_ms=%s%n", name, folder, sorted[runs / 2], all);
    }
}
