package dev.imap4.bench;

import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapClient;
import dev.imap4.client.Literal;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.NumberSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The work of {@link ResponseParserBenchmark}'s {@code parse} and {@code session} measured in CPU
 * time of the measuring thread rather than wall time, for a shared machine: other processes on the
 * cores stretch wall time far more than the thread's own CPU time. Prints the median MB/s (10^6
 * bytes per CPU second) over the measured passes.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.imap4.bench.ParserCpuTime parse STRUCTURE 40 60</pre>
 */
public final class ParserCpuTime {

    private static long sink;

    private ParserCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        FetchCorpus.Shape shape = FetchCorpus.Shape.valueOf(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int measured = Integer.parseInt(args[3]);
        byte[] corpus = FetchCorpus.build(shape, 4 * 1024 * 1024);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] mbs = new double[measured];
        for (int i = 0; i < warmup + measured; i++) {
            long t0 = threads.getCurrentThreadCpuTime();
            if (mode.equals("parse")) {
                parse(corpus);
            } else {
                session(corpus);
            }
            long t1 = threads.getCurrentThreadCpuTime();
            if (i >= warmup) {
                mbs[i - warmup] = corpus.length / 1e6 / ((t1 - t0) / 1e9);
            }
        }
        Arrays.sort(mbs);
        System.out.printf("%s %s median %.1f MB/s (CPU time), quartiles %.1f / %.1f, %d passes%n", mode, shape,
                mbs[measured / 2], mbs[measured / 4], mbs[measured * 3 / 4], measured);
        System.out.println(sink == 42 ? "" : "");
    }

    private static void parse(byte[] corpus) throws IOException {
        FetchCorpus.parseAll(corpus, r -> sink += r.sequence());
    }

    private static void session(byte[] corpus) {
        ImapClient client = MemoryServer.selected(corpus, Imap4Options.defaults());
        FetchItems items = FetchItems.of().withFlags().withEnvelope().withBodyStructure().withBody();
        byte[] chunk = new byte[64 * 1024];
        client.uidFetch(NumberSet.uidRange(1, NumberSet.STAR), items, m -> {
            sink += m.sequence();
            for (Literal l : m.sections().values()) {
                try (InputStream s = l.openStream()) {
                    while (s.read(chunk) >= 0) {
                        sink += chunk[0];
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }
}
