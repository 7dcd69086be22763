package dev.imap4.client.internal.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The watchdog behind {@link CommandDeadline}: command after command with the same limit schedules
 * no task per command (each would wake the watchdog thread), and a deadline is still enforced when
 * it moved since the pending task was scheduled, later or sooner.
 */
@Timeout(30)
class CommandDeadlineWatchdogTest {

    @Test
    void commandAfterCommandSchedulesNoTaskPerCommand() {
        CommandDeadline deadline = new CommandDeadline(() -> { });
        long before = CommandDeadline.scheduledTasks();
        for (int i = 0; i < 1000; i++) {
            deadline.arm("command NOOP", Duration.ofHours(1));
            deadline.disarm();
        }
        long scheduled = CommandDeadline.scheduledTasks() - before;
        // one for this deadline; other tests' connections may add a few meanwhile, never 1000
        assertTrue(scheduled < 50, scheduled + " watchdog tasks for 1000 commands");
    }

    @Test
    void aDeadlineArmedLaterThanThePendingTaskIsStillEnforced() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        CommandDeadline deadline = new CommandDeadline(fired::countDown);
        deadline.arm("command NOOP", Duration.ofMillis(100));
        deadline.disarm();
        deadline.arm("command UID SEARCH", Duration.ofMillis(700));
        // the task scheduled for the first deadline runs at 100 ms and must not end the second
        assertFalse(fired.await(300, TimeUnit.MILLISECONDS), "expired at the first deadline's time");
        assertTrue(fired.await(10, TimeUnit.SECONDS), "the second deadline never expired");
        assertTrue(deadline.expired());
        assertTrue(deadline.message().startsWith("command UID SEARCH exceeded its deadline of 700 ms"),
                deadline.message());
    }

    @Test
    void aDeadlineSoonerThanThePendingTaskIsEnforcedOnTime() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        CommandDeadline deadline = new CommandDeadline(fired::countDown);
        deadline.arm("command NOOP", Duration.ofHours(1));
        deadline.disarm();
        deadline.arm("command IDLE", Duration.ofHours(1));
        deadline.tighten("DONE ending IDLE", Duration.ofMillis(50));
        assertTrue(fired.await(10, TimeUnit.SECONDS), "the tightened deadline never expired");
        assertTrue(deadline.message().startsWith("DONE ending IDLE"), deadline.message());
    }

    @Test
    void aDisarmedDeadlineNeverFires() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        CommandDeadline deadline = new CommandDeadline(fired::countDown);
        deadline.arm("command NOOP", Duration.ofMillis(20));
        deadline.disarm();
        assertFalse(fired.await(300, TimeUnit.MILLISECONDS));
        assertFalse(deadline.expired());
    }
}
