package dev.imap4.camel;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door to Micrometer. Micrometer is an optional dependency: this class names none of its
 * types, checks once whether it is on the class path, and only then calls {@link Imap4Micrometer}
 * (the one class that names Micrometer), so the component loads and runs without it. The counts
 * themselves live in {@link Imap4ConsumerCounters} and {@link Imap4ProducerCounters}, where JMX
 * and the dev console read them too; a binding only registers meters that read them (and, for the
 * producer, records each command's time) and removes its meters when the consumer or producer stops.
 * Meter names and tags: docs/metrics.md.
 */
final class Imap4Metrics {

    private static final Logger LOG = LoggerFactory.getLogger(Imap4Metrics.class);
    static final String REGISTRY_CLASS = "io.micrometer.core.instrument.MeterRegistry";
    private static final boolean PRESENT = present(REGISTRY_CLASS);

    /** What a started consumer or producer holds while its meters exist. */
    interface Binding {
        /** Records one producer command: its verb label, its outcome and how long it took. */
        default void command(String verb, String outcome, long nanos) {
        }

        /** Removes the meters this binding registered. */
        default void close() {
        }
    }

    /** No registry (or no Micrometer): nothing is registered, nothing is recorded beyond the counts. */
    static final Binding NONE = new Binding() {
    };

    private Imap4Metrics() {
    }

    /** Whether Micrometer's registry type is on the class path of this component. */
    static boolean micrometerPresent() {
        return PRESENT;
    }

    /** The consumer's meters, when a MeterRegistry is bound in the Camel registry. */
    static Binding bindConsumer(CamelContext context, Imap4ConsumerCounters counters, String route, String server,
            String folder) {
        if (!PRESENT) {
            return NONE;
        }
        return Imap4Micrometer.bindConsumer(context, counters, route, server, folder);
    }

    /** The producer's meters, when a MeterRegistry is bound in the Camel registry. */
    static Binding bindProducer(CamelContext context, Imap4ConnectionPool pool, String server, String user) {
        if (!PRESENT) {
            return NONE;
        }
        return Imap4Micrometer.bindProducer(context, pool, server, user);
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Imap4Metrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.debug("Micrometer is not on the class path: imap4 registers no meters");
            return false;
        }
    }
}
