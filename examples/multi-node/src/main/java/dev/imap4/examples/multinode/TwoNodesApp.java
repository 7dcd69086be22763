package dev.imap4.examples.multinode;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two nodes on one mailbox, in one JVM: each node is a CamelContext with its own
 * {@link FileLockClusterService} on a shared directory and its own {@link JdbcMessageIdRepository}
 * on a shared H2 database, running the same route under a {@link ClusteredRoutePolicy}: only the
 * leader's route runs, and a stopped leader finishes the exchange in hand first. Node 1 leads; it is stopped
 * when half of the demo messages are done and node 2 takes over. Prints who processed what and
 * exits 0 when every message was processed exactly once and none is left unseen.
 */
public final class TwoNodesApp {

    private static final Logger LOG = LoggerFactory.getLogger("multinode");
    private static final int MESSAGES = 300;

    private final Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        System.exit(new TwoNodesApp().run() ? 0 : 1);
    }

    boolean run() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        mail.start();
        Path clusterDir = Files.createTempDirectory("imap4-cluster");
        try {
            GreenMailUser user = mail.setUser("joe@example.org", "joe", "secret");
            for (int n = 0; n < MESSAGES; n++) {
                user.deliver(GreenMailUtil.newMimeMessage("From: ann@example.org\r\nTo: joe@example.org\r\nSubject: order "
                        + n + "\r\nMessage-ID: <order-" + n + "@example.org>\r\n\r\nOrder number " + n + "\r\n"));
            }
            JdbcDataSource db = new JdbcDataSource();
            db.setURL("jdbc:h2:mem:processed;DB_CLOSE_DELAY=-1");
            int port = mail.getImap().getPort();
            AtomicInteger byNode1 = new AtomicInteger();
            AtomicInteger byNode2 = new AtomicInteger();
            try (DefaultCamelContext node1 = node("node-1", clusterDir, db, port, byNode1);
                    DefaultCamelContext node2 = node("node-2", clusterDir, db, port, byNode2)) {
                node1.start();
                await(() -> byNode1.get() > 0);
                node2.start();
                LOG.info("node-1 leads, node-2 follows");
                await(() -> processed.size() >= MESSAGES / 2);
                LOG.info("stopping node-1; it has processed {} so far and finishes what it holds", byNode1.get());
                node1.stop();
                await(() -> processed.size() >= MESSAGES && unseen(mail, user) == 0);
                node2.stop();
                return report(byNode1.get(), byNode2.get(), unseen(mail, user));
            }
        } finally {
            mail.stop();
            try (var files = Files.list(clusterDir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(clusterDir);
        }
    }

    private DefaultCamelContext node(String name, Path clusterDir, DataSource db, int port, AtomicInteger count)
            throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(clusterDir.toString());
        cluster.setAcquireLockDelay(200, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(500, TimeUnit.MILLISECONDS);
        context.addService(cluster);
        context.getRegistry().bind("processed", new JdbcMessageIdRepository(db, "imap4-inbox"));
        ClusteredRoutePolicy leaderOnly = ClusteredRoutePolicy.forNamespace(cluster, "imap4-inbox");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("imap4:127.0.0.1:" + port + "?security=PLAIN&username=joe&password=secret"
                        + "&delay=200&idempotentRepository=#processed&idempotentEager=false")
                        .routeId("inbox").routePolicy(leaderOnly)
                        .process(e -> {
                            processed.computeIfAbsent(e.getMessage().getHeader("Subject", String.class),
                                    k -> new AtomicInteger()).incrementAndGet();
                            count.incrementAndGet();
                        });
            }
        });
        return context;
    }

    private boolean report(int byNode1, int byNode2, int unseen) {
        long twice = processed.values().stream().filter(n -> n.get() > 1).count();
        System.out.printf("%d of %d messages processed: %d by node-1, %d by node-2 after the hand-over, %d twice%n",
                processed.size(), MESSAGES, byNode1, byNode2, twice);
        System.out.println(unseen == 0 ? "after the run: nothing left unseen" : "after the run: " + unseen + " unseen");
        return processed.size() == MESSAGES && twice == 0 && unseen == 0 && byNode2 > 0;
    }

    private static int unseen(GreenMail mail, GreenMailUser user) {
        try {
            return (int) mail.getManagers().getImapHostManager()
                    .getInbox(user).getMessages().stream()
                    .filter(m -> !m.isSet(jakarta.mail.Flags.Flag.SEEN)).count();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the demo mailbox", e);
        }
    }

    // waits at most two minutes for a condition the run needs
    private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the run did not get there within two minutes");
            }
            Thread.sleep(100);
        }
    }
}
