package dev.imap4.bench;

import dev.imap4.client.internal.engine.ConnectionBudget;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the per-connection budget's accounting for one line or literal: a charge when it is
 * read and the credit when it is handed over (the engine makes exactly one of each per item). Set
 * beside {@code ResponseParserBenchmark.session}'s time per response, it bounds what the accounting
 * adds to parsing, independently of the machine's load at the time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BudgetAccountingBenchmark {

    @State(Scope.Thread)
    public static class Budget {
        final ConnectionBudget budget = new ConnectionBudget(64L << 20, 4L << 30);
    }

    @Benchmark
    public long chargeAndCredit(Budget b) {
        b.budget.chargeHeap(200, "line");
        b.budget.creditHeap(200);
        return b.budget.heapHeld();
    }
}
