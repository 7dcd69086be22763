package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.scripted.TestTls;
import dev.imap4.testing.TrickleServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The command deadline: a server that keeps a command going, a byte or a line at a time, each within
 * the read timeout, is cut off when the deadline passes, on every transport, and the connection is
 * closed. Each trickle would last far longer than the deadline (and succeed in the end) without it.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class CommandDeadlineTest {

    /** Reads never time out during a trickle; only the deadline can end it. */
    private static final Imap4Options OPTIONS = Scripted.OPTIONS
            .withReadTimeout(Duration.ofSeconds(5))
            .withCommandDeadline(Duration.ofSeconds(1));

    @Test
    void aByteASecondNeverCompletesACommand() throws Exception {
        try (TrickleServer server = TrickleServer.start("NOOP", "*", 100, 300)) {
            Imap4 m = new Imap4("127.0.0.1", server.port(), OPTIONS);
            Imap4AbortException e = assertThrows(Imap4AbortException.class, m::noop);
            assertTrue(e.getMessage().startsWith("command NOOP exceeded its deadline of 1 s"), e.getMessage());
            assertClosed(m, server);
        }
    }

    @Test
    void anOkLineEveryIntervalNeverCompletesACommand() throws Exception {
        try (TrickleServer server = TrickleServer.start("UID SEARCH", "* OK still searching\r\n", 100, 300)) {
            Imap4 m = new Imap4("127.0.0.1", server.port(), OPTIONS);
            m.select();
            Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> m.uid("SEARCH", "ALL"));
            assertTrue(e.getMessage().startsWith("command UID SEARCH exceeded its deadline of 1 s"), e.getMessage());
            assertClosed(m, server);
        }
    }

    @Test
    void aTrickledGreetingIsCutOff() throws Exception {
        try (TrickleServer server = TrickleServer.start("GREETING", "*", 100, 300)) {
            Imap4AbortException e = assertThrows(Imap4AbortException.class,
                    () -> new Imap4("127.0.0.1", server.port(), OPTIONS));
            assertTrue(e.getMessage().startsWith("greeting exceeded its deadline of 1 s"), e.getMessage());
            awaitCutShort(server);
        }
    }

    @Test
    void theDeadlineHoldsOverTls() throws Exception {
        ScriptedServer server = ScriptedServer.builder().implicitTls(TestTls.localhostServer())
                .transcript(Scripted.PREAUTH + trickle("C: {tag} NOOP", 100, 100) + "C: {*}\n").start();
        try {
            Imap4Ssl m = new Imap4Ssl("localhost", server.port(),
                    OPTIONS.withSslContext(TestTls.clientTrustingLocalhost()));
            Imap4AbortException e = assertThrows(Imap4AbortException.class, m::noop);
            assertTrue(e.getMessage().startsWith("command NOOP exceeded its deadline of 1 s"), e.getMessage());
            assertTrue(m.engine.isAborted(), "the connection is closed");
        } finally {
            try {
                server.close();
            } catch (AssertionError cutShort) {
                // the abort cut the server's transcript short, as intended
            }
        }
    }

    @Test
    void theDeadlineHoldsOverAChildProcess() throws Exception {
        String script = "printf '* PREAUTH [CAPABILITY IMAP4rev1] child\\r\\n'; read line;"
                + " i=0; while [ $i -lt 100 ]; do printf '*'; sleep 0.1; i=$((i+1)); done";
        Imap4Stream m = new Imap4Stream(script, OPTIONS);
        Imap4AbortException e = assertThrows(Imap4AbortException.class, m::noop);
        assertTrue(e.getMessage().startsWith("command NOOP exceeded its deadline of 1 s"), e.getMessage());
        assertTrue(m.process().waitFor(10, TimeUnit.SECONDS), "the child is ended with the connection");
    }

    @Test
    void keepAliveLinesAfterDoneDoNotHoldAnIdle() throws Exception {
        // a DONE never answered, while "* OK" lines keep every read within the read timeout
        try (TrickleServer server = TrickleServer.start("IDLE", "* OK still here\r\n", 100, 600)) {
            Imap4Options options = Scripted.OPTIONS.withReadTimeout(Duration.ofSeconds(1));
            Imap4 m = new Imap4("127.0.0.1", server.port(), options);
            m.select();
            ImapClient client = m.client();
            Thread stopper = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                client.stopIdle(); // as the consumer does when an exchange completes
            });
            stopper.start();
            Imap4AbortException e = assertThrows(Imap4AbortException.class,
                    () -> client.idle(Duration.ofSeconds(30), u -> false));
            assertTrue(e.getMessage().startsWith("DONE ending IDLE exceeded its deadline of 1 s"), e.getMessage());
            assertClosed(m, server);
            stopper.join();
        }
    }

    @Test
    void anIdleEndsWithinItsDurationAndTheReadTimeoutWhateverTheServerSends() throws Exception {
        // DONE at 300 ms, then only keep-alive lines: the IDLE's own bound ends it
        try (TrickleServer server = TrickleServer.start("IDLE", "* OK still here\r\n", 100, 600)) {
            Imap4 m = new Imap4("127.0.0.1", server.port(), Scripted.OPTIONS.withReadTimeout(Duration.ofSeconds(1)));
            m.select();
            Imap4AbortException e = assertThrows(Imap4AbortException.class,
                    () -> m.client().idle(Duration.ofMillis(300), u -> false));
            assertTrue(e.getMessage().contains("exceeded its deadline of 1"), e.getMessage());
            assertClosed(m, server);
        }
    }

    @Test
    void aDeadlineThatWasMetNeverTouchesTheIdleConnectionAfterwards() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} NOOP
                S: {tag} OK done
                C: {tag} NOOP
                S: {tag} OK done
                """)) {
            Imap4 m = Scripted.connect(server, Scripted.OPTIONS.withCommandDeadline(Duration.ofMillis(300)));
            m.noop();
            Thread.sleep(700); // past the first command's deadline, with nothing in flight
            assertEquals("OK", m.noop().type());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void theDefaultAllowsALargeBatchOnASlowLink() {
        Duration deadline = Imap4Options.defaults().commandDeadline();
        assertEquals(Duration.ofMinutes(10), deadline);
        assertTrue(deadline.compareTo(Imap4Options.defaults().readTimeout()) > 0,
                "longer than one silence, or a slow but steady command could never use its read timeout");
    }

    private static String trickle(String command, long intervalMillis, int count) {
        StringBuilder sb = new StringBuilder(command).append('\n');
        for (int i = 0; i < count; i++) {
            sb.append("R: *\n!stall ").append(intervalMillis).append('\n');
        }
        return sb.toString();
    }

    private static void assertClosed(Imap4 m, TrickleServer server) throws InterruptedException {
        assertTrue(m.engine.isAborted(), "the connection is closed");
        Imap4AbortException again = assertThrows(Imap4AbortException.class, m::noop);
        assertEquals("connection is closed", again.getMessage());
        awaitCutShort(server);
    }

    private static void awaitCutShort(TrickleServer server) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (server.cutShort() == 0 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertEquals(1, server.cutShort(), "the server saw the client close the connection mid-trickle");
    }
}
