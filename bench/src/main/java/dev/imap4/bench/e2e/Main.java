package dev.imap4.bench.e2e;

import java.util.Locale;

/**
 * End-to-end benchmarks against a real IMAP server; bench/run.sh starts the server, fills the
 * folders and calls one case per JVM:
 *
 * <pre>
 * fetch CLIENT FOLDER EXPECTED [WARMUPS RUNS TIMEOUT_S]   CLIENT: raw core imap4 camelmail camelmail-raw,
 *                                                        raw-tls core-tls (implicit TLS), imap4-default
 *                                                        imap4-default-tls (the consumer's default options),
 *                                                        camel-floor (Camel alone, no IMAP: CamelFloor)
 * poll CLIENT FOLDER LABEL NEW [RUNS]                    CLIENT: raw imap4 camelmail pair (raw and imap4 in turn)
 * idle FOLDER COUNT          (idle-raw FOLDER COUNT: the server's part, a raw socket in IDLE)
 * producer append|searchstore FOLDER THREADS TOTAL
 * wire FOLDER MESSAGES BATCHES WARMUPS RUNS             the consumer's wire pattern through the core
 *                                                        alone, BATCHES e.g. 100,1000 (WirePattern)
 * compress FOLDER EXPECTED BITS_PER_SECOND LATENCY_MS RUNS [MODES]   the core through a throttled
 *                                                        relay, without and with COMPRESS=DEFLATE
 *                                                        (MODES: off,on | off | on)
 * </pre>
 *
 * Server address and user from system properties imap.host, imap.port, imap.tlsPort, imap.user,
 * imap.password; imap.cert is the server's PEM certificate, trusted by the TLS cases.
 */
public final class Main {

    static final boolean THREADS = Boolean.getBoolean("bench.threads");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Server s = Server.fromProperties();
        switch (args[0]) {
            case "fetch" -> fetch(s, args);
            case "poll" -> PollLatency.run(s, args[1], args[2], args[3], Integer.parseInt(args[4]),
                    args.length > 5 ? Integer.parseInt(args[5]) : 5);
            case "idle" -> IdleLatency.run(s, args[1], Integer.parseInt(args[2]), 10);
            case "idle-raw" -> IdleLatency.raw(s, args[1], Integer.parseInt(args[2]), 10);
            case "producer" -> ProducerThroughput.run(s, args[1], args[2], Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), 1, 3);
            case "compress" -> CompressFetch.run(s, args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]),
                    Long.parseLong(args[4]), Integer.parseInt(args[5]), args.length > 6 ? args[6] : "off,on");
            case "wire" -> WirePattern.run(s, args[1], Long.parseLong(args[2]),
                    java.util.Arrays.stream(args[3].split(",")).map(Integer::valueOf).toList(),
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("unknown case " + args[0]);
        }
        // the process's peak resident set so far (Linux), for the memory columns
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    System.out.println("# peak_rss " + line.substring(6).trim());
                }
            }
        } catch (java.io.IOException e) {
            // not Linux: no peak RSS
        }
        if (THREADS) {
            threadCpu();
        }
        System.exit(0);
    }

    /**
     * CPU of the process's threads by kind, JVM threads included (the JIT compilers, GC), from
     * /proc/self/task (Linux): where a cold run's CPU went. Enabled with -Dbench.threads=true; a
     * Camel case prints it also before its context stops (its threads end with it).
     */
    static void threadCpu() throws java.io.IOException {
        java.util.Map<String, Long> ms = new java.util.TreeMap<>();
        // the JVM's own threads (compilers, GC, VM thread) by their native names
        try (java.util.stream.Stream<java.nio.file.Path> tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path t : (Iterable<java.nio.file.Path>) tasks::iterator) {
                try {
                    String comm = java.nio.file.Files.readString(t.resolve("comm")).trim();
                    if (!comm.startsWith("C1 ") && !comm.startsWith("C2 ") && !comm.startsWith("G1 ")
                            && !comm.startsWith("GC ") && !comm.startsWith("VM ")) {
                        continue;
                    }
                    String stat = java.nio.file.Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    ms.merge(comm.replaceAll("[ #]?\\d+$", ""), ticks * 10, Long::sum);
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        }
        // Java threads by role: the consumer's polling and prefetch threads, the rest
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = mx.getThreadCpuTime(info.getThreadId());
            String name = info.getThreadName();
            String kind = name.contains("Prefetch") ? "prefetch" : name.contains("imap4://") ? "poll"
                    : name.equals("main") ? "main" : "other_java";
            if (cpu > 0) {
                ms.merge(kind, cpu / 1_000_000, Long::sum);
            }
        }
        StringBuilder b = new StringBuilder("# thread_cpu_ms");
        ms.forEach((k, v) -> b.append(' ').append(k.replace(' ', '_')).append('=').append(v));
        System.out.println(b);
    }

    private static void fetch(Server s, String[] args) throws Exception {
        String client = args[1];
        String folder = args[2];
        int expected = Integer.parseInt(args[3]);
        int warmups = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        int runs = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        long timeout = args.length > 6 ? Long.parseLong(args[6]) : 600;
        Timing.Run run = switch (client) {
            case "raw" -> () -> RawSession.fetchAll(s, folder, expected, false);
            case "raw-tls" -> () -> RawSession.fetchAll(s, folder, expected, true);
            case "core" -> () -> CoreFetch.fetchAll(s, folder, false);
            case "core-tls" -> () -> CoreFetch.fetchAll(s, folder, true);
            case "imap4" -> () -> CamelFetch.consume(CamelFetch.imap4Uri(s, folder,
                    "&searchCriteria=ALL&onSuccess=NONE&fetchBatchSize="
                    + Integer.getInteger("bench.fetchBatchSize", expected) + System.getProperty("bench.imap4Options", "")),
                    expected,
                    CamelFetch::imap4Body, timeout);
            // the consumer with its default options (UNSEEN, onSuccess=SEEN, fetchBatchSize 100), apart from the
            // connection; every message is made unseen again before each run, outside the timer
            case "imap4-default" -> () -> {
                CamelFetch.resetSeen(s, folder, false);
                return CamelFetch.consume(CamelFetch.imap4Uri(s, folder, System.getProperty("bench.imap4Options", "")),
                        expected, CamelFetch::imap4Body, timeout);
            };
            case "imap4-default-tls" -> () -> {
                CamelFetch.resetSeen(s, folder, true);
                return CamelFetch.consume(CamelFetch.imap4TlsUri(s, folder, System.getProperty("bench.imap4Options", "")),
                        expected, CamelFetch::imap4Body, timeout);
            };
            // Camel alone: as many exchanges of a body of the folder's mean size, routed without IMAP (CamelFloor)
            case "camel-floor" -> () -> CamelFetch.consume("floor:bench?count=" + expected + "&size="
                    + Integer.getInteger("bench.floorSize", 4100), expected, CamelFetch::imap4Body, timeout);
            case "camelmail" -> () -> CamelFetch.consume(CamelFetch.camelMailUri(s, folder,
                    "&peek=true&unseen=false"), expected, CamelFetch::mappedBody, timeout);
            case "camelmail-raw" -> () -> CamelFetch.consume(CamelFetch.camelMailUri(s, folder,
                    "&peek=true&unseen=false&mapMailMessage=false"), expected, CamelFetch::rawMessage, timeout);
            default -> throw new IllegalArgumentException("unknown client " + client);
        };
        // a case with more than the usual one warm-up run says so: the JIT is further along
        String name = "fetch-" + client + (warmups == 1 ? "" : "-warmups" + warmups);
        try {
            Timing.measure(name, folder, warmups, runs, run);
        } catch (CamelFetch.TimedOut e) {
            System.out.printf(Locale.ROOT, "RESULT fetch-%s %s timeout_s=%d items=%d%n", client, folder, timeout,
                    e.seen);
        }
    }
}
