package dev.imap4.camel;

import dev.imap4.client.Imap4CommandException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The producer's commands since it started, by verb label and outcome, read by JMX and the dev
 * console; each is also handed to the metrics binding (a Micrometer timer when one is bound). The
 * keys are bounded: a typed operation's verb, {@code RAW} for every extension verb, and one of the
 * outcomes below.
 */
final class Imap4ProducerCounters {

    static final String OK = "ok";
    /** The server answered NO. */
    static final String NO = "no";
    /** The server answered BAD. */
    static final String BAD = "bad";
    /** Not sent: the producer's command policy does not allow it. */
    static final String REFUSED = "refused";
    /** No tagged answer: the connection failed, timed out, or the exchange's input was refused. */
    static final String ERROR = "error";

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private volatile Imap4Metrics.Binding metrics = Imap4Metrics.NONE;

    void bind(Imap4Metrics.Binding binding) {
        metrics = binding;
    }

    /** Closes the metrics binding (its meters are removed); the counts stay. */
    void unbind() {
        Imap4Metrics.Binding b = metrics;
        metrics = Imap4Metrics.NONE;
        b.close();
    }

    /** Counts one command of {@code op} ({@code RAW} for an extension verb) that ended in {@code outcome}. */
    void command(Imap4Operation op, String outcome, long nanos) {
        String verb = op == null ? "UNKNOWN" : op.name();
        counts.computeIfAbsent(verb + ' ' + outcome, k -> new LongAdder()).increment();
        metrics.command(verb, outcome, nanos);
    }

    /** The outcome label of a command that threw {@code e} ({@code null}: it succeeded). */
    static String outcome(Exception e) {
        if (e == null) {
            return OK;
        }
        if (e instanceof Imap4CommandException c) {
            return "NO".equals(c.status()) ? NO : "BAD".equals(c.status()) ? BAD : ERROR;
        }
        return ERROR;
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long failed() {
        return counts.entrySet().stream().filter(e -> !e.getKey().endsWith(' ' + OK))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** "VERB outcome" to count, sorted. */
    Map<String, Long> byVerbAndOutcome() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
