package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.camel.CrashNode.Stall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.engine.SysProperties;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.tools.Server;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The crash scenario of docs/reliability.md (scenario 5) and docs/scaling-out.md, whatever the
 * mailbox and the cluster service: the leader of two {@link CrashNode}s runs in a JVM of its own and
 * is killed (SIGKILL, no graceful stop); the follower and the shared H2 database (served over TCP on
 * the loopback address) are in the test's JVM. Each route records every delivery in the database
 * before its exchange completes, so after the kill the scenario knows exactly what the dead leader
 * did.
 *
 * <p>The follower's route waits at its first step until the scenario has looked at the folder as the
 * leader left it: a message is "in flight at the kill" when the leader recorded its delivery but
 * had not marked it \Seen (\Seen is flushed once per fetch batch, so up to a batch), or (the stall
 * cases) hangs in the route. {@link #crash} asserts that every
 * message is delivered at least once, that no message is \Seen without a recorded delivery, and
 * that only a message in flight at the kill can be delivered twice or stay unseen.
 */
final class LeaderCrashScenario implements AutoCloseable {

    /** The design under test: keys added when the exchange completes, so a crash loses nothing. */
    static final String REPOSITORY_OPTIONS = "&idempotentRepository=#repo&idempotentEager=false";
    /**
     * The nodes' fetchBatchSize, set rather than the default so the bound below stays one known
     * batch: \\Seen is flushed once per batch, so a kill leaves at most a batch in flight.
     */
    static final int FETCH_BATCH_SIZE = 100;

    /** The folder both nodes consume, as the scenario sees it besides the consumers. */
    interface Mailbox {
        /** Puts the census's messages {@code 0..messages-1} into the folder; returns each one's UID and subject. */
        Map<Long, String> seed(MailCensus census, int messages) throws Exception;

        /** The UIDs flagged \Seen now. */
        Set<Long> seenUids() throws Exception;
    }

    /** The facts of a run, after the follower finished and stopped. */
    record Outcome(Map<String, List<String>> deliveries, Set<String> inFlightSubjects, int byLeader,
            int byFollower, int inFlight, int duplicates, int unseen, long takeoverMillis) {
    }

    private final Path dir;
    private final Mailbox mailbox;
    private final String imapUri;
    private final String cluster;
    private final int patienceSeconds;
    private Connection keepDatabase;
    private Server tcp;
    private JdbcConnectionPool db;
    private Process leader;
    private DefaultCamelContext follower;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicLong followerStarted = new AtomicLong();

    /**
     * @param imapUri         the consumer endpoint both nodes use (the repository options are added)
     * @param cluster         the cluster service spec of {@link CrashNode#clusterService}
     * @param patienceSeconds how long each phase may take before the scenario gives up
     */
    LeaderCrashScenario(Path dir, Mailbox mailbox, String imapUri, String cluster, int patienceSeconds) {
        this.dir = dir;
        this.mailbox = mailbox;
        this.imapUri = imapUri + REPOSITORY_OPTIONS + "&fetchBatchSize=" + FETCH_BATCH_SIZE;
        this.cluster = cluster;
        this.patienceSeconds = patienceSeconds;
    }

    /**
     * Seeds {@code messages}, starts the leader and then the follower, kills the leader once it
     * recorded {@code killAfter} deliveries (or, with a stall, once it hangs at message
     * {@code stallAt}), lets the follower finish, and checks the invariants above.
     */
    Outcome crash(int messages, Stall stall, int stallAt, int killAfter) throws Exception {
        MailCensus census = new MailCensus("crash", messages);
        Map<Long, String> subjects = mailbox.seed(census, messages);
        assertEquals(messages, subjects.size(), "messages seeded");
        String tcpUrl = database();
        Path marker = dir.resolve("stalled");

        leader = fork(tcpUrl, stall, census.subject(stallAt), marker);
        await("the forked leader leads", () -> delivered("leader") > 0 || Files.exists(marker));
        follower = CrashNode.create("follower", cluster, db, imapUri, e -> {
            followerStarted.compareAndSet(0, System.nanoTime());
            assertTrue(gate.await(patienceSeconds, TimeUnit.SECONDS), "the scenario opens the gate");
        }, Stall.NONE, "", marker);
        follower.start();
        if (stall == Stall.NONE) {
            await(killAfter + " messages delivered", () -> delivered("leader") >= killAfter);
        } else {
            await("the leader hangs in the route", () -> Files.exists(marker));
        }

        long killedAt = System.nanoTime();
        leader.destroyForcibly();
        assertTrue(leader.waitFor(10, TimeUnit.SECONDS), "the leader died");
        assertEquals(0, followerStarted.get(), "the follower delivered nothing while the leader lived");
        Set<String> seenAtKill = seen(subjects);
        gate.countDown();

        Set<String> leaderDid = new TreeSet<>(deliveredSubjects("leader"));
        Set<String> inFlight = new TreeSet<>(leaderDid);
        inFlight.removeAll(seenAtKill);
        if (stall == Stall.BEFORE_RECORD) {
            inFlight.add(census.subject(stallAt));
        }
        await("the follower delivers every message", () -> deliveredSubjects(null).size() == messages
                && keys() == messages && inFlight.containsAll(unseen(subjects)));
        follower.stop();

        Map<String, List<String>> deliveries = deliveries();
        Set<String> unseen = unseen(subjects);
        int duplicates = 0;
        for (int n = 0; n < messages; n++) {
            String s = census.subject(n);
            List<String> by = deliveries.getOrDefault(s, List.of());
            assertTrue(!by.isEmpty(), s + " delivered at least once");
            if (by.size() > 1) {
                assertTrue(inFlight.contains(s), s + " delivered " + by + " but was not in flight at the kill");
                duplicates += by.size() - 1;
            }
        }
        assertTrue(leaderDid.containsAll(seenAtKill), "nothing was \\Seen at the kill without a recorded delivery");
        assertTrue(inFlight.size() <= FETCH_BATCH_SIZE,
                "at most one fetch batch in flight, its outcomes flushed before the next FETCH: " + inFlight);
        assertTrue(inFlight.containsAll(unseen), "only a message in flight at the kill may stay unseen: " + unseen);
        assertEquals(messages, keys(), "one key per message in the shared repository");
        return new Outcome(deliveries, inFlight, leaderDid.size(), deliveredSubjects("follower").size(),
                inFlight.size(), duplicates, unseen.size(),
                TimeUnit.NANOSECONDS.toMillis(followerStarted.get() - killedAt));
    }

    @Override
    public void close() throws Exception {
        try {
            if (leader != null) {
                leader.destroyForcibly();
                assertTrue(leader.waitFor(10, TimeUnit.SECONDS), "the forked leader is gone");
            }
        } finally {
            gate.countDown();
            if (follower != null) {
                follower.close();
            }
            if (db != null) {
                db.dispose();
            }
            if (tcp != null) {
                tcp.stop();
            }
            if (keepDatabase != null) {
                keepDatabase.createStatement().execute("SHUTDOWN");
                keepDatabase.close();
            }
        }
    }

    /** The shared database, served on the loopback address only; returns the URL the leader uses. */
    private String database() throws Exception {
        String name = "imap4-crash-" + System.nanoTime();
        keepDatabase = DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
        try (Statement s = keepDatabase.createStatement()) {
            s.execute("CREATE TABLE DELIVERY (id BIGINT AUTO_INCREMENT PRIMARY KEY, subject VARCHAR(100) NOT NULL,"
                    + " node VARCHAR(20) NOT NULL, at TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP(3))");
            // as docs/scaling-out.md advises: a key, so that racing inserts cannot both succeed
            s.execute("CREATE TABLE CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255) NOT NULL,"
                    + " messageId VARCHAR(100) NOT NULL, createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))");
        }
        db = JdbcConnectionPool.create("jdbc:h2:mem:" + name, "sa", "");
        assertEquals("127.0.0.1", SysProperties.BIND_ADDRESS,
                "H2 must bind its TCP server to the loopback address: run with -Dh2.bindAddress=127.0.0.1 (the pom does)");
        tcp = Server.createTcpServer("-tcpPort", "0").start();
        return "jdbc:h2:tcp://127.0.0.1:" + tcp.getPort() + "/mem:" + name;
    }

    private Process fork(String tcpUrl, Stall stall, String stallAt, Path marker) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), CrashNode.class.getName(), "leader",
                cluster, tcpUrl, imapUri, stall.name(), stallAt, marker.toString()));
        // its standard input stays open: the leader halts when it closes
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("leader.log").toFile())
                .start();
    }

    private void await(String what, BooleanSupplier done) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(patienceSeconds);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                Path log = dir.resolve("leader.log");
                List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
                throw new AssertionError("gave up waiting: " + what + "; the leader's output ends with:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
            Thread.sleep(50);
        }
    }

    private int delivered(String node) {
        Integer n = new JdbcTemplate(db).queryForObject("SELECT COUNT(*) FROM DELIVERY WHERE node = ?", Integer.class, node);
        return n == null ? 0 : n;
    }

    /** Distinct subjects delivered by {@code node}, or by any node when it is null. */
    private Set<String> deliveredSubjects(String node) {
        JdbcTemplate jdbc = new JdbcTemplate(db);
        return new HashSet<>(node == null ? jdbc.queryForList("SELECT subject FROM DELIVERY", String.class)
                : jdbc.queryForList("SELECT subject FROM DELIVERY WHERE node = ?", String.class, node));
    }

    /** Subject to the nodes that delivered it, in the order of their records. */
    private Map<String, List<String>> deliveries() {
        Map<String, List<String>> out = new TreeMap<>();
        new JdbcTemplate(db).query("SELECT subject, node FROM DELIVERY ORDER BY id", rs -> {
            out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        return out;
    }

    private int keys() {
        Integer n = new JdbcTemplate(db).queryForObject(
                "SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ?", Integer.class, CrashNode.REPOSITORY);
        return n == null ? 0 : n;
    }

    private Set<String> seen(Map<Long, String> subjects) {
        Set<String> out = new TreeSet<>();
        try {
            for (Long uid : mailbox.seenUids()) {
                out.add(subjects.get(uid));
            }
        } catch (Exception e) {
            throw new AssertionError("could not read the folder's \\Seen flags", e);
        }
        return out;
    }

    private Set<String> unseen(Map<Long, String> subjects) {
        Set<String> out = new TreeSet<>(subjects.values());
        out.removeAll(seen(subjects));
        return out;
    }
}
