package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario 5 of docs/reliability.md: two nodes (two CamelContexts, each with its own
 * {@link FileLockClusterService} on one shared directory) run the same route under a
 * {@link ClusteredRoutePolicy} over one mailbox, with a {@link JdbcMessageIdRepository} on one
 * shared H2 database. Only the leader consumes; it is stopped when half of the 2,000 messages are
 * done and the follower takes over.
 * Every message completes exactly once over both nodes, every key is in the database, every
 * message ends \Seen. The server is {@link FakeImapServer}: GreenMail's UID STORE slows down in
 * proportion to the folder's size, and the consumer sends one per message.
 */
@Timeout(180)
class Imap4ConsumerTwoNodesTest {

    private static final int MESSAGES = 2_000;

    @TempDir
    Path clusterDir;

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS");
    private DefaultCamelContext first;
    private DefaultCamelContext second;

    @AfterEach
    void stop() throws Exception {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void theFollowerTakesOverWhenTheLeaderStopsAndEveryMessageCompletesExactlyOnce() throws Exception {
        MailCensus census = new MailCensus("node", MESSAGES);
        census.seed(fake.server()::add, 0, MESSAGES);
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:imap4-nodes-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        AtomicInteger byFirst = new AtomicInteger();
        AtomicInteger bySecond = new AtomicInteger();

        first = node("first", db, census, byFirst);
        first.start();
        MailCensus.await(30, "the first node leads and consumes", () -> byFirst.get() > 0);
        second = node("second", db, census, bySecond);
        second.start();

        MailCensus.await(120, "half of the messages done", () -> census.completedMessages() >= MESSAGES / 2);
        first.stop();
        int leaderDid = byFirst.get();
        assertEquals(0, bySecond.get(), "the follower did nothing while the leader ran");
        MailCensus.await(120, "the follower finishes the rest", () -> census.completedMessages() == MESSAGES
                && allSeen());
        second.stop();

        System.out.println("two nodes: " + MESSAGES + " messages, " + leaderDid + " by the leader, " + bySecond.get()
                + " by the follower after the hand-over, " + census.duplicates() + " duplicates");
        assertEquals(leaderDid, byFirst.get(), "the stopped leader did nothing more");
        assertTrue(bySecond.get() > 0, "the follower took over");
        assertEquals(MESSAGES, byFirst.get() + bySecond.get(), "every message completed once over both nodes");
        assertEquals(0, census.duplicates());
        for (int n = 0; n < MESSAGES; n++) {
            assertEquals(1, census.completions(census.subject(n)), census.subject(n));
        }
        assertEquals(MESSAGES, keysInDatabase(db), "one key per message in the shared repository");
    }

    // a node: its own cluster service on the shared directory, its own repository on the shared database
    private DefaultCamelContext node(String name, DataSource db, MailCensus census, AtomicInteger done)
            throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(clusterDir.toString());
        cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
        context.addService(cluster);
        context.getRegistry().bind("repo", new JdbcMessageIdRepository(db, "imap4-inbox"));
        ClusteredRoutePolicy policy = ClusteredRoutePolicy.forNamespace(cluster, "imap4-inbox");
        String imap = "imap4:127.0.0.1:" + fake.server().port() + "?security=PLAIN&username=joe&password=secret"
                + "&initialDelay=0&delay=100&readTimeout=10000&idempotentRepository=#repo";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(imap).routeId("inbox").routePolicy(policy)
                        .process(census::attempt)
                        .process(census::complete)
                        .process(e -> done.incrementAndGet());
            }
        });
        return context;
    }

    private boolean allSeen() {
        for (long uid = 1; uid <= MESSAGES; uid++) {
            if (!fake.server().flags(uid).contains("\\Seen")) {
                return false;
            }
        }
        return true;
    }

    private static int keysInDatabase(DataSource db) {
        Integer n = new JdbcTemplate(db).queryForObject(
                "SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = 'imap4-inbox' AND messageId LIKE 'INBOX/1000/%'",
                Integer.class);
        return n == null ? 0 : n;
    }
}
