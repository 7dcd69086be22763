package dev.imap4.bench.e2e;

import java.util.HashMap;
import java.util.Map;

/**
 * A wall-clock sampler for finding where a case spends its time (waiting included, which CPU
 * profilers miss): every few milliseconds it records the top frames of threads whose name starts
 * with a prefix, and prints the most frequent stacks. Enabled with -Dbench.sample=THREAD_PREFIX.
 */
final class Sampler implements AutoCloseable {

    private final Map<String, Integer> counts = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    Sampler(String prefix, int depth) {
        thread = new Thread(() -> {
            while (running) {
                for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                    if (!e.getKey().getName().startsWith(prefix) || e.getValue().length == 0) {
                        continue;
                    }
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < Math.min(depth, e.getValue().length); i++) {
                        b.append("\n    ").append(e.getValue()[i]);
                    }
                    counts.merge(b.toString(), 1, Integer::sum);
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException ex) {
                    return;
                }
            }
        }, "bench-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    static Sampler maybe() {
        String prefix = System.getProperty("bench.sample");
        return prefix == null ? null : new Sampler(prefix, Integer.getInteger("bench.sampleDepth", 8));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(12)
                .forEach(e -> System.out.printf("SAMPLE %d/%d%s%n", e.getValue(), total, e.getKey()));
    }
}
