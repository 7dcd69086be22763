package dev.imap4.camel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One node of the crash scenario ({@link LeaderCrashScenario}): a CamelContext with its own cluster
 * service ({@link FileLockClusterService} on a shared directory, or {@link ZooKeeperClusterService}
 * on a ZooKeeper ensemble), a {@link JdbcMessageIdRepository}
 * on the shared database and the route {@code master:imap4-inbox:imap4:...}, whose one real step
 * records each delivery in table DELIVERY of that database, committed before the exchange
 * completes. The test runs the follower in its own JVM through {@link #create}; the leader runs
 * in a JVM of its own through {@link #main}, so that it can be killed.
 */
final class CrashNode {

    /** Where a node may hang, so a kill finds one message at a chosen point of its exchange. */
    enum Stall {
        /** Not at all. */
        NONE,
        /** In the route, before the delivery is recorded: handed over, nothing done yet. */
        BEFORE_RECORD,
        /** After the delivery was recorded, before the exchange completes. */
        AFTER_RECORD
    }

    static final String REPOSITORY = "imap4-inbox";

    private CrashNode() {
    }

    /**
     * A node, not started. {@code first} runs first in the route (the follower's gate);
     * {@code stall} hangs the route at the message with subject {@code stallAt} once it reached
     * that point, after creating {@code stalledMarker}.
     */
    static DefaultCamelContext create(String name, String cluster, DataSource db, String imapUri, Processor first,
            Stall stall, String stallAt, Path stalledMarker) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        context.addService(clusterService(name, cluster));
        context.getRegistry().bind("repo", new JdbcMessageIdRepository(db, REPOSITORY));
        JdbcTemplate jdbc = new JdbcTemplate(db);
        Processor hang = e -> {
            if (stallAt.equals(subject(e))) {
                Files.writeString(stalledMarker, subject(e), StandardCharsets.UTF_8);
                Thread.sleep(Long.MAX_VALUE);
            }
        };
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:imap4-inbox:" + imapUri).routeId("inbox")
                        .process(first)
                        .process(stall == Stall.BEFORE_RECORD ? hang : e -> { })
                        .process(e -> jdbc.update("INSERT INTO DELIVERY (subject, node) VALUES (?, ?)", subject(e), name))
                        .process(stall == Stall.AFTER_RECORD ? hang : e -> { });
            }
        });
        return context;
    }

    /**
     * The cluster service a spec names: {@code file:DIR} (a lock file in a shared directory) or
     * {@code zookeeper:HOST:PORT/BASE/PATH} (leader election under that path, with a 2 s session,
     * so a killed leader's leadership ends about 2 s after the kill).
     */
    static CamelClusterService clusterService(String name, String spec) {
        if (spec.startsWith("file:")) {
            FileLockClusterService cluster = new FileLockClusterService();
            cluster.setId(name);
            cluster.setRoot(spec.substring("file:".length()));
            cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
            cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
            return cluster;
        }
        if (spec.startsWith("zookeeper:")) {
            String rest = spec.substring("zookeeper:".length());
            int slash = rest.indexOf('/');
            ZooKeeperClusterService cluster = new ZooKeeperClusterService();
            cluster.setId(name);
            cluster.setNodes(rest.substring(0, slash));
            cluster.setBasePath(rest.substring(slash));
            cluster.setSessionTimeout(2000);
            cluster.setConnectTimeout(5000);
            return cluster;
        }
        throw new IllegalArgumentException("unknown cluster spec " + spec);
    }

    private static String subject(Exchange e) {
        return e.getMessage().getHeader("Subject", String.class);
    }

    /**
     * The leader: {@code name cluster jdbcUrl imapUri stall stallAt stalledMarker}. Runs until
     * it is killed; it also halts when its standard input closes (the test's JVM is gone) and after
     * five minutes, so it never outlives the test.
     */
    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is ever sent; end of input means the parent went away
                }
            } catch (java.io.IOException e) {
                // same
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        JdbcConnectionPool db = JdbcConnectionPool.create(args[2], "sa", "");
        DefaultCamelContext context = create(args[0], args[1], db, args[3], e -> { },
                Stall.valueOf(args[4]), args[5], Path.of(args[6]));
        context.start();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        Runtime.getRuntime().halt(4);
    }
}
