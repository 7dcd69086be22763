package dev.imap4.bench;

import dev.imap4.client.internal.parse.FetchParser;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
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
 * The first parse in a fresh JVM: one pass of {@link FetchParser} over the answer to a {@code UID
 * FETCH} of 10,000 messages, timed once per fork with no warm-up, so the interpreter and the JIT's
 * compilation are in the time, as a scheduled job or a container that just started pays them.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class ColdParseBenchmark {

    /** The answer to a FETCH of 10,000 messages of one shape. */
    @State(Scope.Benchmark)
    public static class Corpus {
        @Param({"STRUCTURE", "MIXED"})
        public FetchCorpus.Shape shape;

        byte[] bytes;

        @Setup(Level.Trial)
        public void build() {
            bytes = FetchCorpus.messages(shape, 10_000);
        }
    }

    @Benchmark
    public int parse(Corpus c, Blackhole bh) throws IOException {
        return FetchCorpus.parseAll(c.bytes, bh::consume);
    }
}
