package dev.imap4.client.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.Imap4Stream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing a stream connection ends the whole process tree the command started, however its
 * processes treat end of input and SIGTERM, and closes the pipes. Every process writes its PID to a
 * file, and each is checked by PID after close.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class ProcessTransportTest {

    @TempDir
    Path dir;

    /** A loop that never reads its input and ignores SIGTERM, as a spinning server would. */
    private static final String STUBBORN = "trap '' TERM; while :; do sleep 1; done";

    @Test
    void aShellThatIgnoresEndOfInputAndTermIsEnded() throws Exception {
        ProcessTransport t = ProcessTransport.start("echo $$ > " + dir.resolve("shell.pid") + "; " + STUBBORN,
                Duration.ofSeconds(5), line -> { });
        List<Long> pids = awaitPids("shell.pid");
        t.close();
        assertAllEnded(pids);
        assertThrows(IOException.class, () -> t.input().read(), "stdout is closed");
    }

    @Test
    void childrenAndGrandchildrenAreEndedWithTheShell() throws Exception {
        // the shell starts a background child and a child shell that runs its own stubborn loop
        String cmd = "echo $$ > " + dir.resolve("shell.pid") + "; "
                + "sleep 1000 & echo $! > " + dir.resolve("background.pid") + "; "
                + "sh -c \"echo \\$\\$ > " + dir.resolve("child.pid") + "; " + STUBBORN + "\"";
        ProcessTransport t = ProcessTransport.start(cmd, Duration.ofSeconds(5), line -> { });
        List<Long> pids = awaitPids("shell.pid", "background.pid", "child.pid");
        t.close();
        assertAllEnded(pids);
        t.close(); // twice is harmless
    }

    @Test
    void aChildThatExitsAtEndOfInputLeavesNoOrphanBehind() throws Exception {
        // the shell itself ends at end of input, its background child would not
        String cmd = "sleep 1000 & echo $! > " + dir.resolve("background.pid") + "; cat > /dev/null";
        ProcessTransport t = ProcessTransport.start(cmd, Duration.ofSeconds(5), line -> { });
        List<Long> pids = awaitPids("background.pid");
        t.close();
        assertTrue(t.process().waitFor(5, TimeUnit.SECONDS));
        assertAllEnded(pids);
    }

    @Test
    void aFailedGreetingThroughAStreamLeaksNoProcess() throws Exception {
        String cmd = "echo $$ > " + dir.resolve("shell.pid") + "; "
                + "sleep 1000 & echo $! > " + dir.resolve("background.pid") + "; "
                + "printf 'this is no greeting\\r\\n'; " + STUBBORN;
        Imap4Options options = Imap4Options.defaults().withReadTimeout(Duration.ofSeconds(5));
        assertThrows(Imap4AbortException.class, () -> new Imap4Stream(cmd, options));
        assertAllEnded(awaitPids("shell.pid", "background.pid"));
    }

    private List<Long> awaitPids(String... files) throws Exception {
        List<Long> pids = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (String f : files) {
            Path p = dir.resolve(f);
            String text = "";
            while (System.nanoTime() < until && (text = Files.exists(p) ? Files.readString(p).trim() : "").isEmpty()) {
                Thread.sleep(20);
            }
            assertTrue(!text.isEmpty(), f + " was written");
            pids.add(Long.parseLong(text));
        }
        return pids;
    }

    private static void assertAllEnded(List<Long> pids) throws InterruptedException {
        // close() has waited already; a little slack for the kernel to reap what was killed
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<Long> alive;
        do {
            alive = pids.stream().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .toList();
            if (!alive.isEmpty()) {
                Thread.sleep(50);
            }
        } while (!alive.isEmpty() && System.nanoTime() < until);
        assertEquals(List.of(), alive, "processes alive after close, of " + pids);
    }
}
