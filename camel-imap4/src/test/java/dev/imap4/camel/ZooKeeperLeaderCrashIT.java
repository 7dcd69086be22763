package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.camel.CrashNode.Stall;
import dev.imap4.camel.LeaderCrashScenario.Outcome;
import dev.imap4.client.ImapClient;
import dev.imap4.client.interop.ImapServer;
import dev.imap4.client.interop.Servers;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multi-node recipe of docs/scaling-out.md on real services: two Camel JVMs consume one Dovecot
 * folder of 2,000 messages under Camel's ZooKeeper cluster service (a throwaway ZooKeeper from
 * scripts/zookeeper.sh), with the JDBC idempotent repository; the leader is killed with SIGKILL
 * about halfway ({@link LeaderCrashScenario}). Nothing may be lost; at most the one message in
 * flight at the kill is delivered twice. The takeover time is printed: the ZooKeeper session (2 s)
 * expiring, then the follower's first poll.
 */
@Timeout(900)
class ZooKeeperLeaderCrashIT {

    private static final int MESSAGES = 2_000;
    /** About half, not a multiple of fetchBatchSize (see Imap4ConsumerLeaderCrashTest). */
    private static final int KILL_AFTER = MESSAGES / 2 + 37;

    @TempDir
    Path dir;

    private LeaderCrashScenario scenario;
    private ImapClient watcher;
    private String folder;

    @AfterEach
    void stop() throws Exception {
        try {
            if (scenario != null) {
                scenario.close();
            }
        } finally {
            if (watcher != null) {
                try {
                    watcher.closeMailbox();
                    watcher.delete(folder);
                } catch (RuntimeException ignored) {
                    // best effort: the test's own failure is what matters
                }
                watcher.close();
            }
        }
    }

    /** The connect string of the running ZooKeeper, from IMAP4_IT_ZOOKEEPER_DIR/server.properties. */
    private static String zooKeeper() throws IOException {
        String zkDir = System.getenv("IMAP4_IT_ZOOKEEPER_DIR");
        String reason = zkDir == null ? "IMAP4_IT_ZOOKEEPER_DIR is not set (scripts/interop.sh sets it)"
                : !Files.exists(Path.of(zkDir, "server.properties")) ? "no server.properties in " + zkDir : null;
        if (reason != null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI=true and ZooKeeper is not running: " + reason);
            }
            Assumptions.abort("NOT RUN: " + reason);
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(zkDir, "server.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p.getProperty("connect");
    }

    @Test
    void twoNodesOnZooKeeperLoseNothingWhenTheLeaderIsKilled() throws Exception {
        ImapServer dovecot = Servers.dovecot().require();
        String zk = zooKeeper();
        folder = dovecot.folder("crash");
        watcher = dovecot.client();
        watcher.create(folder);
        LeaderCrashScenario.Mailbox mailbox = new LeaderCrashScenario.Mailbox() {
            @Override
            public Map<Long, String> seed(MailCensus census, int count) {
                try (ImapClient c = dovecot.client()) {
                    Map<Long, String> subjects = new TreeMap<>();
                    int[] next = {0};
                    census.seed(raw -> subjects.put(c.append(folder, List.of(), null,
                            raw.getBytes(StandardCharsets.UTF_8)).uids().toList().get(0), census.subject(next[0]++)),
                            0, count);
                    return subjects;
                }
            }

            @Override
            public Set<Long> seenUids() {
                watcher.examine(folder);
                return new HashSet<>(watcher.uidSearch("SEEN").numbers());
            }
        };
        // the certificate is for localhost; the server listens on 127.0.0.1
        String imap = "imap4:localhost:" + dovecot.port() + "?security=STARTTLS&trustCertificates="
                + dovecot.prop("cert") + "&username=" + dovecot.user() + "&password=RAW(" + dovecot.password() + ")"
                + "&folder=" + folder + "&initialDelay=0&delay=100&readTimeout=30000";
        String cluster = "zookeeper:" + zk + "/imap4-it/crash-" + System.nanoTime();
        scenario = new LeaderCrashScenario(dir, mailbox, imap, cluster, 300);

        Outcome o = scenario.crash(MESSAGES, Stall.NONE, 0, KILL_AFTER);

        assertTrue(o.byLeader() >= KILL_AFTER && o.byFollower() > 0, "both nodes worked");
        // the scenario checked that every message was delivered; \\Seen is flushed once per fetch batch,
        // so the leader's completed (and keyed) batch-mates of the message in flight may stay unseen
        assertTrue(o.unseen() < LeaderCrashScenario.FETCH_BATCH_SIZE, "unseen only within the batch in flight: " + o.unseen());
        assertTrue(o.duplicates() <= 1, "at most the message in flight at the kill twice: " + o.duplicates());
        System.out.println("ZooKeeper + Dovecot, leader killed: " + MESSAGES + " messages, " + o.byLeader()
                + " recorded by the leader, " + o.byFollower() + " by the follower, lost 0, duplicates "
                + o.duplicates() + ", left unseen " + o.unseen() + ", takeover " + o.takeoverMillis() + " ms after the kill");
    }
}
