package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.types.NumberSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consumer's state in a file StateRepository across JVMs ({@link ResumeNode}, each run a JVM
 * of its own) against one {@link FakeImapServer}, which records every command: a new JVM fetches
 * only what the last one did not finish, and a message that stops the JVM each time it is routed
 * is parked after maxFailedAttempts attempts instead of stopping every JVM after it.
 */
@Timeout(240)
class Imap4ConsumerRestartTest {

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS", 0);

    @TempDir
    Path dir;

    private int run(String options, String haltOn, int stopAfter, String log) throws Exception {
        String uri = fake.uri("stateRepository=#state&" + options);
        Process p = new ProcessBuilder(ResumeNode.command(uri, dir.resolve("state"), dir.resolve("delivered"), haltOn,
                stopAfter)).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the node ends; its output:\n" + output(log));
            return p.exitValue();
        } finally {
            p.destroyForcibly();
        }
    }

    private String output(String log) throws IOException {
        Path file = dir.resolve(log);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private List<String> delivered() throws IOException {
        Path file = dir.resolve("delivered");
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    /** The UIDs named by the UID FETCH commands the server received from {@code from} on. */
    private List<Long> fetchedUids(int from) {
        List<Long> uids = new ArrayList<>();
        List<String> commands = fake.server().commands();
        for (String c : commands.subList(from, commands.size())) {
            if (c.startsWith("UID FETCH ")) {
                uids.addAll(NumberSet.parse(c.split(" ")[2], true).toList());
            }
        }
        return uids;
    }

    @Test
    void aNewJvmFetchesOnlyWhatTheLastOneDidNotDeliver() throws Exception {
        int n = 2000;
        for (int i = 1; i <= n; i++) {
            fake.server().add(TestMailbox.message("m" + i, "x"));
        }
        // onSuccess=NONE leaves every message as it was: only the saved state tells what is done
        String options = "onSuccess=NONE&incremental=true&maxMessagesPerPoll=1000&fetchBatchSize=100&delay=600000";
        assertEquals(0, run(options, "-", 1000, "first.log"), output("first.log"));
        assertEquals(1000, delivered().size(), "the first JVM stops after 1,000");
        int mark = fake.server().commands().size();

        assertEquals(0, run(options, "-", 1000, "second.log"), output("second.log"));

        List<Long> fetched = fetchedUids(mark);
        assertEquals(1000, fetched.size(), "the second JVM fetched only the other 1,000: " + fetched.size());
        assertTrue(fetched.stream().allMatch(u -> u > 1000), "and none of the first 1,000");
        List<String> subjects = delivered().stream().map(l -> l.split(" ")[0]).toList();
        assertEquals(n, subjects.size());
        assertEquals(n, subjects.stream().distinct().count(), "none delivered twice");
        List<String> searches = fake.server().commands().subList(mark, fake.server().commands().size()).stream()
                .filter(c -> c.startsWith("UID SEARCH")).toList();
        assertTrue(searches.get(0).contains("UID 1001:*"), "the first search of the new JVM starts after the watermark: "
                + searches);
    }

    @Test
    void aMessageThatStopsTheJvmEachTimeIsParkedAfterMaxFailedAttempts() throws Exception {
        for (int i = 1; i <= 5; i++) {
            fake.server().add(TestMailbox.message("m" + i, "x"));
        }
        String options = "onFailure=FLAG&maxFailedAttempts=2&delay=600000";
        Map<Integer, Integer> exits = new HashMap<>();
        // m3 halts the JVM in the middle of its exchange: twice, then it is parked
        for (int attempt = 1; attempt <= 2; attempt++) {
            int exit = run(options, "m3", 4, "run" + attempt + ".log");
            exits.put(attempt, exit);
            assertEquals(5, exit, "run " + attempt + " halted on m3:\n" + output("run" + attempt + ".log"));
        }
        assertEquals(0, run(options, "m3", 2, "run3.log"), output("run3.log"));

        List<String> subjects = delivered().stream().map(l -> l.split(" ")[0]).toList();
        // m1 and m2 completed before the first crash, but their batch's outcomes (\\Seen, the saved
        // progress) are applied once per batch: the crash left them unseen, so they may come again
        assertEquals(List.of("m4", "m5"), subjects.stream().filter(m -> !m.equals("m1") && !m.equals("m2")).toList(),
                "m3 never, m4 and m5 once");
        assertTrue(subjects.containsAll(List.of("m1", "m2")), subjects.toString());
        assertEquals(Set.of("$Failed"), fake.server().flags(3), "m3 parked as onFailure=FLAG says");
        assertTrue(output("run3.log").contains("without success"), output("run3.log"));
    }
}
