package dev.imap4.camel;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.apache.camel.CamelContext;

/**
 * The meters, for a MeterRegistry found in the Camel registry (the only one of its type, else the
 * one named {@code metricsRegistry}, as camel-micrometer names it). Only {@link Imap4Metrics}
 * calls this class, and only when Micrometer is on the class path. Tags are bounded: the route id,
 * the server ({@code host:port}), the endpoint's folder, the user, the operation verb (typed
 * operations by name, every extension verb as {@code RAW}) and the outcome; never a message id, a
 * UID or a folder taken from a message.
 */
final class Imap4Micrometer {

    static final String PREFIX = "imap4.";
    static final String REGISTRY_NAME = "metricsRegistry";

    /** Pools of every started producer with the same server and user, summed into one gauge. */
    private static final Map<MeterRegistry, Map<Tags, Set<Imap4ConnectionPool>>> POOLS = new HashMap<>();

    private Imap4Micrometer() {
    }

    static MeterRegistry registry(CamelContext context) {
        MeterRegistry r = context.getRegistry().findSingleByType(MeterRegistry.class);
        return r != null ? r : context.getRegistry().lookupByNameAndType(REGISTRY_NAME, MeterRegistry.class);
    }

    static Imap4Metrics.Binding bindConsumer(CamelContext context, Imap4ConsumerCounters c, String route,
            String server, String folder) {
        MeterRegistry registry = registry(context);
        if (registry == null) {
            return Imap4Metrics.NONE;
        }
        Tags tags = Tags.of("route", route, "server", server, "folder", folder);
        List<Meter> meters = new ArrayList<>();
        meters.add(counter(registry, "messages.received", "Messages fetched from the server into an exchange", tags, c,
                Imap4ConsumerCounters::received));
        meters.add(counter(registry, "messages.completed", "Messages whose exchange completed", tags, c,
                Imap4ConsumerCounters::completed));
        meters.add(counter(registry, "messages.failed", "Messages whose exchange failed", tags, c,
                Imap4ConsumerCounters::failed));
        meters.add(counter(registry, "messages.parked", "Messages that could not be parsed and were parked", tags, c,
                Imap4ConsumerCounters::unparseableCount));
        meters.add(counter(registry, "messages.skipped", "Messages the idempotent repository already held", tags, c,
                Imap4ConsumerCounters::skipped));
        meters.add(FunctionCounter.builder(PREFIX + "bytes.fetched", c, x -> x.bytesFetched())
                .description("Bytes of message content fetched").baseUnit("bytes").tags(tags).register(registry));
        meters.add(counter(registry, "reconnects", "Connections opened after the first one", tags, c,
                Imap4ConsumerCounters::reconnects));
        meters.add(counter(registry, "idle.wakeups", "IDLE commands ended by the server announcing new mail", tags, c,
                Imap4ConsumerCounters::idleWakeUps));
        meters.add(counter(registry, "postactions.failed", "Post-actions (STORE, COPY, MOVE, EXPUNGE) the server refused",
                tags, c, Imap4ConsumerCounters::failedPostActionCount));
        meters.add(FunctionTimer.builder(PREFIX + "poll", c, Imap4ConsumerCounters::polls,
                Imap4ConsumerCounters::pollNanos, TimeUnit.NANOSECONDS)
                .description("Search-and-deliver rounds (SELECT, SEARCH, FETCH, delivery) and their time")
                .tags(tags).register(registry));
        return new Imap4Metrics.Binding() {
            @Override
            public void close() {
                meters.forEach(registry::remove);
            }
        };
    }

    private static FunctionCounter counter(MeterRegistry registry, String name, String description, Tags tags,
            Imap4ConsumerCounters c, ToDoubleFunction<Imap4ConsumerCounters> count) {
        return FunctionCounter.builder(PREFIX + name, c, count).description(description).tags(tags).register(registry);
    }

    static Imap4Metrics.Binding bindProducer(CamelContext context, Imap4ConnectionPool pool, String server,
            String user) {
        MeterRegistry registry = registry(context);
        if (registry == null) {
            return Imap4Metrics.NONE;
        }
        Tags tags = Tags.of("server", server, "user", user == null ? "" : user);
        addPool(registry, tags, pool);
        Map<String, Timer> timers = new ConcurrentHashMap<>();
        return new Imap4Metrics.Binding() {
            @Override
            public void command(String verb, String outcome, long nanos) {
                timers.computeIfAbsent(verb + ' ' + outcome, k -> Timer.builder(PREFIX + "producer.commands")
                        .description("Commands run by the producer, by verb and outcome")
                        .tags(tags.and("verb", verb, "outcome", outcome)).register(registry))
                        .record(nanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public void close() {
                if (removePool(registry, tags, pool)) {
                    registry.find(PREFIX + "producer.commands").tags(tags).meters().forEach(registry::remove);
                }
            }
        };
    }

    private static synchronized void addPool(MeterRegistry registry, Tags tags, Imap4ConnectionPool pool) {
        Map<Tags, Set<Imap4ConnectionPool>> byTags = POOLS.computeIfAbsent(registry, r -> new HashMap<>());
        Set<Imap4ConnectionPool> pools = byTags.get(tags);
        if (pools == null) {
            Set<Imap4ConnectionPool> all = ConcurrentHashMap.newKeySet();
            pools = all;
            byTags.put(tags, all);
            gauge(registry, "pool.connections.in.use", "Producer connections lent to an exchange", tags, all,
                    Imap4ConnectionPool::inUse);
            gauge(registry, "pool.connections.idle", "Producer connections kept open for the next exchange", tags, all,
                    Imap4ConnectionPool::idleCount);
        }
        pools.add(pool);
    }

    private static void gauge(MeterRegistry registry, String name, String description, Tags tags,
            Set<Imap4ConnectionPool> pools, ToLongFunction<Imap4ConnectionPool> value) {
        Gauge.builder(PREFIX + name, () -> pools.stream().mapToLong(value).sum()).description(description)
                .tags(tags).strongReference(true).register(registry);
    }

    /** Forgets {@code pool}; true when it was the last of its tags, whose meters are then removed. */
    private static synchronized boolean removePool(MeterRegistry registry, Tags tags, Imap4ConnectionPool pool) {
        Map<Tags, Set<Imap4ConnectionPool>> byTags = POOLS.get(registry);
        Set<Imap4ConnectionPool> pools = byTags == null ? null : byTags.get(tags);
        if (pools == null) {
            return false;
        }
        pools.remove(pool);
        boolean last = pools.isEmpty();
        if (last) {
            byTags.remove(tags);
            registry.find(PREFIX + "pool.connections.in.use").tags(tags).meters().forEach(registry::remove);
            registry.find(PREFIX + "pool.connections.idle").tags(tags).meters().forEach(registry::remove);
            if (byTags.isEmpty()) {
                POOLS.remove(registry);
            }
        }
        return last;
    }
}
