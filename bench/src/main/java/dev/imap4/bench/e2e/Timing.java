package dev.imap4.bench.e2e;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs a case after warm-up runs and prints one result line:
 * {@code RESULT <case> <label> median_ms=<m> runs_ms=<a,b,c> bytes=<n> items=<n>}; {@link #measure}
 * adds {@code cpu_ms=<m>}, the median CPU time of the whole JVM per run (every thread: JIT and GC
 * too), which a loaded machine disturbs less than the wall clock.
 */
final class Timing {

    /**
     * What one run did: how many messages and bytes it read, to check that every client read the
     * same; {@code nanos} is the run's own measure of its time, or -1 to take the whole call.
     */
    record Outcome(long items, long bytes, long nanos) {
        Outcome(long items, long bytes) {
            this(items, bytes, -1);
        }
    }

    interface Run {
        Outcome run() throws Exception;
    }

    private Timing() {
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static double percentile(double[] values, double p) {
        double[] v = values.clone();
        Arrays.sort(v);
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    static void measure(String name, String label, int warmups, int runs, Run run) throws Exception {
        Outcome last = null;
        for (int i = 0; i < warmups; i++) {
            last = run.run();
        }
        double[] ms = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            Outcome o = run.run();
            ms[i] = millis(o.nanos() >= 0 ? o.nanos() : System.nanoTime() - t0);
            cpu[i] = millis(processCpuNanos() - c0);
            if (last != null && (o.items() != last.items())) {
                throw new IllegalStateException(name + ": run " + i + " read " + o.items() + " messages, before "
                        + last.items());
            }
            last = o;
        }
        report(name, label, median(ms), ms, last, String.format(Locale.ROOT, " cpu_ms=%.1f", median(cpu)));
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    static void report(String name, String label, double median, double[] ms, Outcome o) {
        report(name, label, median, ms, o, "");
    }

    /**
     * A result of sub-millisecond runs (a poll): times to the microsecond ({@code %.3f} ms), and
     * {@code cpu_us}, the median CPU time of the measuring thread per run, and {@code alloc_b}, the
     * median bytes it allocated per run.
     */
    static void reportMicros(String name, String label, double[] ms, double[] cpuUs, double allocBytes, Outcome o) {
        List<String> runs = new ArrayList<>();
        for (double m : ms) {
            runs.add(String.format(Locale.ROOT, "%.3f", m));
        }
        System.out.printf(Locale.ROOT, "RESULT %s %s median_ms=%.3f runs_ms=%s items=%d bytes=%d cpu_us=%.0f alloc_b=%.0f%n",
                name, label, median(ms), String.join(",", runs), o.items(), o.bytes(), median(cpuUs), allocBytes);
    }

    private static void report(String name, String label, double median, double[] ms, Outcome o, String extra) {
        List<String> runs = new ArrayList<>();
        for (double m : ms) {
            runs.add(String.format(Locale.ROOT, "%.1f", m));
        }
        String batch = System.getProperty("bench.fetchBatchSize");
        if (batch != null && name.startsWith("fetch-imap4")) {
            name = name + "-batch" + batch;
        }
        System.out.printf(Locale.ROOT, "RESULT %s %s median_ms=%.1f runs_ms=%s items=%d bytes=%d%s%n", name, label,
                median, String.join(",", runs), o == null ? 0 : o.items(), o == null ? 0 : o.bytes(), extra);
    }
}
