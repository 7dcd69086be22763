package dev.imap4.bench.e2e;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * COMPRESS=DEFLATE on a slow link: the typed core fetches a whole folder ({@code BODY.PEEK[]} over
 * 1:*, every byte read) through a {@link ThrottledRelay}, without and with compression, the two
 * interleaved run by run in one JVM. Each run is a new connection (login, COMPRESS when on, SELECT,
 * UID FETCH, LOGOUT). Prints, per mode, the first run of the JVM (cold_ms: in the second mode of a
 * round the JIT has already run the first) and the median of the others (warm), with the bytes the
 * relay carried each way: those are exact, the times are not. With no measured runs and one mode,
 * a fresh JVM gives that mode's truly cold run.
 */
final class CompressFetch {

    private CompressFetch() {
    }

    /**
     * @param runs measured runs per mode after the first (cold) one; 0 runs only the cold one
     * @param modes the modes, in the order they run in each round: {@code off,on}, {@code on} or {@code off}
     */
    static void run(Server s, String folder, int expected, long bitsPerSecond, long latencyMillis, int runs,
            String modes) throws Exception {
        boolean[] which = {modes.contains("off"), modes.contains("on")};
        String link = String.format(Locale.ROOT, "%s@%s+%dms", folder, rate(bitsPerSecond), latencyMillis);
        try (ThrottledRelay relay = new ThrottledRelay(s.host(), s.port(), bitsPerSecond, latencyMillis)) {
            double[][] ms = new double[2][runs + 1];
            long[][] down = new long[2][runs + 1];
            long[][] up = new long[2][runs + 1];
            long[] bytes = new long[2];
            for (int i = 0; i <= runs; i++) {
                for (int mode = 0; mode < 2; mode++) {
                    if (!which[mode]) {
                        continue;
                    }
                    relay.reset();
                    long t0 = System.nanoTime();
                    long[] got = fetch(s, relay.port(), folder, mode == 1);
                    ms[mode][i] = (System.nanoTime() - t0) / 1e6;
                    down[mode][i] = relay.downBytes();
                    up[mode][i] = relay.upBytes();
                    if (got[0] != expected) {
                        throw new IllegalStateException("read " + got[0] + " messages, expected " + expected);
                    }
                    bytes[mode] = got[1];
                }
            }
            for (int mode = 0; mode < 2; mode++) {
                if (!which[mode]) {
                    continue;
                }
                double[] warm = Arrays.copyOfRange(ms[mode], 1, runs + 1);
                StringBuilder all = new StringBuilder();
                for (double m : warm) {
                    all.append(all.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.0f", m));
                }
                String times = runs == 0 ? String.format(Locale.ROOT, "cold_ms=%.0f cold=1", ms[mode][0])
                        : String.format(Locale.ROOT, "median_ms=%.0f runs_ms=%s cold_ms=%.0f", Timing.median(warm), all,
                                ms[mode][0]);
                System.out.printf(Locale.ROOT, "RESULT compress-%s %s %s items=%d bytes=%d wire_down=%d wire_up=%d%n",
                        mode == 1 ? "on" : "off", link, times, expected, bytes[mode], down[mode][runs], up[mode][runs]);
            }
        }
    }

    /** One connection through the relay; returns {messages, message bytes}. */
    private static long[] fetch(Server s, int port, String folder, boolean compress) throws Exception {
        Imap4Options options = Imap4Options.defaults().withReadTimeout(Duration.ofMinutes(5))
                .withCommandDeadline(Duration.ofMinutes(30)).withCompression(compress);
        ImapClient client = new Imap4(s.host(), port, options).client();
        try {
            client.login(s.user(), s.password());
            if (client.isCompressed() != compress) {
                throw new IllegalStateException("compression " + compress + " asked, the connection says "
                        + client.isCompressed() + " (does the server offer COMPRESS=DEFLATE?)");
            }
            long[] counts = CoreFetch.readFolder(client, folder);
            client.logout();
            return counts;
        } finally {
            client.close();
        }
    }

    private static String rate(long bps) {
        return bps % 1_000_000 == 0 ? bps / 1_000_000 + "Mbit" : bps / 1000 + "kbit";
    }
}
