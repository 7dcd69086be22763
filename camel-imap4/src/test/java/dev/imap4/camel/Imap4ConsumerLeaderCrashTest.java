package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.camel.CrashNode.Stall;
import dev.imap4.camel.LeaderCrashScenario.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scenario 5 of docs/reliability.md, the crash ({@link LeaderCrashScenario}) with the file-lock
 * cluster service on a shared directory and the mail server ({@link FakeImapServer}) in the test's
 * JVM. ZooKeeperLeaderCrashIT runs the same scenario on ZooKeeper and Dovecot.
 */
@Timeout(120)
class Imap4ConsumerLeaderCrashTest {

    private static final int MESSAGES = 2_000;
    /**
     * About half, but not a multiple of fetchBatchSize (100): the leader pauses for each UID FETCH
     * of 100, and a kill that waited for a round number would nearly always land in that pause,
     * with no exchange in hand.
     */
    private static final int KILL_AFTER = MESSAGES / 2 + 37;

    @TempDir
    Path dir;

    private FakeImapServer server;
    private LeaderCrashScenario scenario;

    @AfterEach
    void stop() throws Exception {
        try {
            if (scenario != null) {
                scenario.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void theFollowerFinishesAfterTheLeaderIsKilledAndOnlyAMessageInFlightCanBeDeliveredTwice() throws Exception {
        Outcome o = crash(MESSAGES, Stall.NONE, 0);
        assertTrue(o.byLeader() >= KILL_AFTER && o.byFollower() > 0, "both nodes worked");
        System.out.println("leader killed: " + MESSAGES + " messages, " + o.byLeader() + " recorded by the leader, "
                + o.byFollower() + " by the follower, in flight at the kill " + o.inFlight() + ", duplicates "
                + o.duplicates() + ", left unseen " + o.unseen() + ", takeover " + o.takeoverMillis() + " ms after the kill");
    }

    @ParameterizedTest
    @EnumSource(value = Stall.class, names = {"BEFORE_RECORD", "AFTER_RECORD"})
    void aLeaderKilledInTheMiddleOfAnExchangeLeavesThatMessageToTheFollower(Stall stall) throws Exception {
        int messages = 40;
        Outcome o = crash(messages, stall, 20);
        String held = "crash-20";
        System.out.println("leader killed while it held " + held + " (" + stall + "): duplicates " + o.duplicates()
                + ", takeover " + o.takeoverMillis() + " ms after the kill");
        // in flight: the held message, and those of its batch that completed before it (keyed, not yet \\Seen)
        assertTrue(o.inFlightSubjects().contains(held), "the held message is in flight: " + o.inFlightSubjects());
        assertTrue(o.inFlightSubjects().size() <= LeaderCrashScenario.FETCH_BATCH_SIZE, o.inFlightSubjects().toString());
        assertEquals(stall == Stall.AFTER_RECORD ? 1 : 0, o.deliveries().get(held).stream().filter("leader"::equals).count());
        assertEquals(1, o.deliveries().get(held).stream().filter("follower"::equals).count(),
                "the follower delivered the message the leader died with");
        assertEquals(stall == Stall.AFTER_RECORD ? 1 : 0, o.duplicates());
        // those the leader completed and keyed but did not flush stay unseen: the follower skips them
        assertEquals(o.inFlight() - 1, o.unseen(), "only the held message's batch-mates are left unseen");
    }

    private Outcome crash(int messages, Stall stall, int stallAt) throws Exception {
        server = new FakeImapServer("UIDPLUS");
        LeaderCrashScenario.Mailbox mailbox = new LeaderCrashScenario.Mailbox() {
            @Override
            public Map<Long, String> seed(MailCensus census, int count) {
                Map<Long, String> subjects = new TreeMap<>();
                int[] next = {0};
                census.seed(raw -> subjects.put(server.add(raw), census.subject(next[0]++)), 0, count);
                return subjects;
            }

            @Override
            public Set<Long> seenUids() {
                return server.withFlag("\\Seen");
            }
        };
        String imap = "imap4:127.0.0.1:" + server.port() + "?security=PLAIN&username=joe&password=secret"
                + "&initialDelay=0&delay=100&readTimeout=10000";
        Path clusterDir = Files.createDirectories(dir.resolve("cluster"));
        scenario = new LeaderCrashScenario(dir, mailbox, imap, "file:" + clusterDir, 60);
        return scenario.crash(messages, stall, stallAt, KILL_AFTER);
    }
}
