package dev.imap4.bench;

import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapClient;
import dev.imap4.client.Literal;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.internal.parse.FetchParser;
import dev.imap4.client.types.NumberSet;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Response parsing throughput in MB/s (the {@code megabytes} counter), against a plain copy of the
 * same bytes: {@code copy} moves the corpus through a 64 KiB buffer, as reading it off a socket
 * would; {@code parse} reads it with the grammar reader and {@link FetchParser}, as the engine hands
 * each FETCH to it; {@code session} runs a whole typed {@code uidFetch} over an in-memory
 * connection (line reading, literal handling, routing, the trace ring buffer) and reads every
 * section's bytes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(2)
public class ResponseParserBenchmark {

    /** The corpus: 4 MiB of FETCH responses of one shape. */
    @State(Scope.Benchmark)
    public static class Corpus {
        @Param({"STRUCTURE", "MIXED", "BODIES"})
        public FetchCorpus.Shape shape;

        byte[] bytes;
        double megabytes;

        @Setup(Level.Trial)
        public void build() {
            bytes = FetchCorpus.build(shape, 4 * 1024 * 1024);
            megabytes = bytes.length / 1_000_000.0;
        }
    }

    /** Megabytes (10^6 bytes) processed, reported by JMH as a rate: MB/s. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Volume {
        public double megabytes;

        @Setup(Level.Iteration)
        public void clear() {
            megabytes = 0;
        }
    }

    @State(Scope.Thread)
    public static class Buffer {
        final byte[] chunk = new byte[64 * 1024];
    }

    @Benchmark
    public void copy(Corpus c, Volume v, Buffer b, Blackhole bh) {
        byte[] src = c.bytes;
        for (int off = 0; off < src.length; off += b.chunk.length) {
            int n = Math.min(b.chunk.length, src.length - off);
            System.arraycopy(src, off, b.chunk, 0, n);
            bh.consume(b.chunk[n - 1]);
        }
        v.megabytes += c.megabytes;
    }

    @Benchmark
    public void parse(Corpus c, Volume v, Blackhole bh) throws IOException {
        FetchCorpus.parseAll(c.bytes, bh::consume);
        v.megabytes += c.megabytes;
    }

    @Benchmark
    public void session(Corpus c, Volume v, Buffer b, Blackhole bh) {
        ImapClient client = MemoryServer.selected(c.bytes, Imap4Options.defaults());
        FetchItems items = FetchItems.of().withFlags().withEnvelope().withBodyStructure().withBody();
        int n = client.uidFetch(NumberSet.uidRange(1, NumberSet.STAR), items, m -> {
            bh.consume(m);
            for (Literal l : m.sections().values()) {
                try (InputStream s = l.openStream()) {
                    while (s.read(b.chunk) >= 0) {
                        bh.consume(b.chunk[0]);
                    }
                }
            }
        });
        bh.consume(n);
        v.megabytes += c.megabytes;
    }
}
