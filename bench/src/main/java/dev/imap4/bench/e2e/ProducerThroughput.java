package dev.imap4.bench.e2e;

import dev.imap4.camel.Imap4Constants;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Producer throughput with 1, 4 or 16 threads sending exchanges at once to one endpoint (pool of
 * 16 connections): APPEND of a 4 KB message, or UID SEARCH of one UID followed by UID STORE
 * +FLAGS.SILENT on what it found (two exchanges, counted as one operation).
 */
final class ProducerThroughput {

    private ProducerThroughput() {
    }

    static void run(Server s, String op, String folder, int threads, int total, int warmups, int runs)
            throws Exception {
        String uri = CamelFetch.imap4Uri(s, folder, "&poolSize=16").replaceFirst("&initialDelay=0&delay=3600000", "");
        byte[] message = Messages.message("producer", 0, 4000);
        try (CamelContext ctx = new DefaultCamelContext()) {
            ctx.start();
            ProducerTemplate template = ctx.createProducerTemplate();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                Timing.Run run = () -> {
                    List<Future<?>> jobs = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        int from = t * (total / threads);
                        jobs.add(pool.submit(() -> {
                            for (int i = 0; i < total / threads; i++) {
                                if (op.equals("append")) {
                                    template.requestBodyAndHeader(uri, message, Imap4Constants.COMMAND, "APPEND");
                                } else {
                                    searchStore(template, uri, 1 + (from + i) % 5000);
                                }
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : jobs) {
                        f.get();
                    }
                    return new Timing.Outcome(total / threads * threads, 0);
                };
                for (int i = 0; i < warmups; i++) {
                    run.run();
                }
                double[] perSec = new double[runs];
                double[] ms = new double[runs];
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    Timing.Outcome o = run.run();
                    ms[i] = Timing.millis(System.nanoTime() - t0);
                    perSec[i] = o.items() / (ms[i] / 1000.0);
                }
                System.out.printf(Locale.ROOT, "RESULT producer-%s threads=%d ops_per_s=%.0f median_ms=%.1f runs_ms=%s items=%d%n",
                        op, threads, Timing.median(perSec), Timing.median(ms), java.util.Arrays.toString(ms), total / threads * threads);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void searchStore(ProducerTemplate template, String uri, long uid) {
        Object found = template.requestBodyAndHeaders(uri, null,
                Map.of(Imap4Constants.COMMAND, "UID_SEARCH", Imap4Constants.ARGUMENTS, "UID " + uid));
        if (!(found instanceof List<?> l) || l.isEmpty()) {
            throw new IllegalStateException("UID SEARCH UID " + uid + " found nothing: " + found);
        }
        template.requestBodyAndHeaders(uri, null, Map.of(Imap4Constants.COMMAND, "UID_STORE",
                Imap4Constants.ARGUMENTS, List.of(String.valueOf(uid), "+FLAGS.SILENT", "(\\Flagged)")));
    }
}
