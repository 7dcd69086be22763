package dev.imap4.bench.e2e;

import dev.imap4.client.ImapClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * The cost of one poll on a large folder: with nothing new, and with {@code fresh} messages
 * appended (outside the timing) before it. The scheduler is off; the benchmark calls the
 * consumer's poll itself, so a poll's time is exactly the consumer's work, route included.
 */
final class PollLatency {

    /** The CPU time of the thread that polls (the benchmark's: the scheduler is off). */
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
            .getThreadMXBean();

    private static long allocated() {
        return THREADS instanceof com.sun.management.ThreadMXBean t ? t.getCurrentThreadAllocatedBytes() : 0;
    }

    private static final String IMAP4_OPTIONS =
            "&searchCriteria=ALL&incremental=true&onSuccess=NONE&fetchBatchSize=1000&startScheduler=false";

    private PollLatency() {
    }

    interface Poll {
        long poll() throws Exception; // returns the messages delivered
    }

    static void run(Server s, String client, String folder, String label, int fresh, int runs) throws Exception {
        switch (client) {
            case "raw" -> raw(s, folder, label, fresh, runs);
            case "pair" -> pair(s, folder, label, fresh, runs);
            case "imap4" -> camel(s, CamelFetch.imap4Uri(s, folder, IMAP4_OPTIONS), "imap4", folder, label, fresh, runs,
                    CamelFetch::imap4Body);
            case "camelmail" -> camel(s, CamelFetch.camelMailUri(s, folder, "&startScheduler=false"),
                    "camelmail", folder, label, fresh, runs, CamelFetch::mappedBody);
            default -> throw new IllegalArgumentException(client);
        }
    }

    /** SELECT, UID SEARCH UID n:*, and a UID FETCH of what is new: a poll with nothing to spare. */
    private static void raw(Server s, String folder, String label, int fresh, int runs) throws Exception {
        try (RawSession r = new RawSession(s)) {
            measure(s, "poll-raw", folder, label, fresh, runs, rawPoll(r, folder));
        }
    }

    private static Poll rawPoll(RawSession r, String folder) {
        long[] next = {1};
        return () -> {
            // -Dbench.condstore=true: SELECT (CONDSTORE), as the component does on a CONDSTORE server
            r.command("SELECT " + folder + (Boolean.getBoolean("bench.condstore") ? " (CONDSTORE)" : ""), null);
            String text = r.commandText("UID SEARCH UID " + next[0] + ":*");
            List<Long> uids = new ArrayList<>();
            for (String line : text.split("\r\n")) {
                if (line.startsWith("* SEARCH")) {
                    for (String t : line.substring(8).trim().split(" ")) {
                        if (!t.isEmpty() && Long.parseLong(t) >= next[0]) {
                            uids.add(Long.parseLong(t));
                        }
                    }
                }
            }
            if (!uids.isEmpty()) {
                r.command("UID FETCH " + uids.get(0) + ":" + uids.get(uids.size() - 1) + " (UID BODY.PEEK[])",
                        null);
                next[0] = uids.get(uids.size() - 1) + 1;
            }
            return uids.size();
        };
    }

    /**
     * The raw poll and the imap4 consumer in one JVM, each measured poll of one right after one of
     * the other (which goes first alternates), on the same new messages: the server's state and the
     * machine's drift between runs weigh on both alike. Reports poll-raw-pair and poll-imap4-pair.
     */
    private static void pair(Server s, String folder, String label, int fresh, int runs) throws Exception {
        try (RawSession r = new RawSession(s); CamelContext ctx = new DefaultCamelContext()) {
            Poll imap4 = consumerPoll(ctx, CamelFetch.imap4Uri(s, folder, IMAP4_OPTIONS), CamelFetch::imap4Body);
            Poll raw = rawPoll(r, folder);
            raw.poll();
            imap4.poll();
            try (ImapClient appender = Messages.connect(s)) {
                for (int warm = 0, n = Integer.getInteger("bench.pollWarmups", 0); warm < n; warm++) {
                    one(appender, raw, folder, 0, -1);
                    one(appender, imap4, folder, 0, -1);
                }
                double[][] ms = new double[2][runs];
                double[][] cpu = new double[2][runs];
                double[][] alloc = new double[2][runs];
                for (int i = -2; i < runs; i++) {
                    Messages.append(appender, folder, "pair" + i, 0, fresh, 4000);
                    for (int k = 0; k < 2; k++) {
                        int which = (i + k) & 1; // 0 raw, 1 imap4; the first of the two alternates
                        long[] m = one(null, which == 0 ? raw : imap4, folder, fresh, i);
                        if (i >= 0) {
                            ms[which][i] = Timing.millis(m[0]);
                            cpu[which][i] = m[2] / 1e3;
                            alloc[which][i] = m[3];
                        }
                    }
                }
                String[] names = {"poll-raw-pair", "poll-imap4-pair"};
                for (int w = 0; w < 2; w++) {
                    Timing.reportMicros(names[w], label + "-new" + fresh, ms[w], cpu[w], Timing.median(alloc[w]),
                            new Timing.Outcome(fresh, 0));
                }
            }
        }
    }

    /** Starts a route from {@code uri} (its scheduler off) in {@code ctx}; a poll runs the consumer once. */
    private static Poll consumerPoll(CamelContext ctx, String uri, CamelFetch.BodyReader reader) throws Exception {
        AtomicLong delivered = new AtomicLong();
        ctx.getShutdownStrategy().setTimeout(5);
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("poll").process(e -> {
                    reader.read(e);
                    delivered.incrementAndGet();
                });
            }
        });
        ctx.start();
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) ctx.getRoute("poll").getConsumer();
        return () -> {
            long before = delivered.get();
            consumer.run();
            return delivered.get() - before;
        };
    }

    private static void camel(Server s, String uri, String name, String folder, String label, int fresh, int runs,
            CamelFetch.BodyReader reader) throws Exception {
        try (CamelContext ctx = new DefaultCamelContext()) {
            Poll poll = consumerPoll(ctx, uri, reader);
            long t0 = System.nanoTime();
            long first = poll.poll();
            System.out.printf("first poll of %s delivered %d in %.0f ms%n", name, first,
                    Timing.millis(System.nanoTime() - t0));
            String tag = System.getProperty("bench.tag", "");
            measure(s, "poll-" + name + (tag.isEmpty() ? "" : "-" + tag), folder, label, fresh, runs, poll);
        }
    }

    private static void measure(Server s, String name, String folder, String label, int fresh, int runs, Poll poll)
            throws Exception {
        poll.poll(); // settles the state (first poll of the raw client)
        try (ImapClient appender = Messages.connect(s)) {
            // -Dbench.pollWarmups=n: n empty polls first, as a consumer that has been polling for a while
            for (int warm = 0, n = Integer.getInteger("bench.pollWarmups", 0); warm < n; warm++) {
                one(appender, poll, folder, 0, -1);
            }
            for (int warm = 0; warm < 2; warm++) {
                one(appender, poll, folder, fresh, warm);
            }
            double[] ms = new double[runs];
            double[] cpuUs = new double[runs];
            double[] alloc = new double[runs];
            long items = 0;
            for (int i = 0; i < runs; i++) {
                long[] r = one(appender, poll, folder, fresh, 100 + i);
                ms[i] = Timing.millis(r[0]);
                cpuUs[i] = r[2] / 1e3;
                alloc[i] = r[3];
                items = r[1];
            }
            Timing.reportMicros(name, label + "-new" + fresh, ms, cpuUs, Timing.median(alloc),
                    new Timing.Outcome(items, 0));
        }
    }

    /** One timed poll after {@code fresh} new messages were appended (by {@code appender}, unless null: already). */
    private static long[] one(ImapClient appender, Poll poll, String folder, int fresh, int round) throws Exception {
        if (appender != null) {
            Messages.append(appender, folder, "poll" + round, 0, fresh, 4000);
        }
        long a0 = allocated();
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long n = poll.poll();
        long t = System.nanoTime() - t0;
        long cpu = THREADS.getCurrentThreadCpuTime() - c0;
        long bytes = allocated() - a0;
        if (n != fresh) {
            throw new IllegalStateException("poll delivered " + n + " messages, " + fresh + " were new");
        }
        return new long[] {t, n, cpu, bytes};
    }
}
