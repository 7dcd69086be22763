package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.imap4.client.scripted.StreamPeer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * IMAP4_stream against a child JVM running {@link StreamPeer}, which plays a transcript on its
 * stdin/stdout and exits 0 only if the client said exactly what the transcript expects.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class Imap4StreamTest {

    private static final String PREAUTH = "transcripts/stream-preauth.txt";

    private static String peerCommand(String transcript, String... peerArgs) {
        String java = ProcessHandle.current().info().command().orElseThrow();
        StringBuilder cmd = new StringBuilder(shellQuote(java))
                .append(" -cp ").append(shellQuote(System.getProperty("java.class.path")))
                .append(' ').append(StreamPeer.class.getName())
                .append(' ').append(transcript);
        for (String a : peerArgs) {
            cmd.append(' ').append(shellQuote(a));
        }
        return cmd.toString();
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Test
    void preauthCommandRoundTripAndLogoutEndsTheChild() throws Exception {
        Imap4Stream m = new Imap4Stream(peerCommand(PREAUTH), Scripted.OPTIONS.withDebug(1));
        assertEquals("AUTH", m.state());
        assertEquals(List.of("IMAP4REV1", "IDLE"), m.capabilities());
        assertEquals(List.of("(\\HasNoChildren) \"/\" INBOX", "(\\HasChildren) \"/\" Archive"), m.list().texts());
        assertEquals("BYE", m.logout().type());
        Process p = m.process();
        assertFalse(p.isAlive(), "the child is ended after logout");
        assertEquals(0, p.exitValue(), "the child's transcript matched (its diff is traced as stderr otherwise)");
        assertEquals(null, m.socket());
    }

    @Test
    void compressionRunsOverTheChildsPipes() throws Exception {
        Imap4Stream m = new Imap4Stream(peerCommand("transcripts/stream-compress.txt"), Scripted.OPTIONS);
        assertEquals("OK", m.compress().type());
        assertEquals(true, m.client().isCompressed());
        assertEquals("OK", m.noop().type());
        assertEquals("BYE", m.logout().type());
        m.process().waitFor(10, TimeUnit.SECONDS);
        assertEquals(0, m.process().exitValue(), "the child's transcript matched (its diff is traced as stderr otherwise)");
    }

    @Test
    void childStderrBeyondThePipeBufferDoesNotBlockIt() throws Exception {
        Imap4Stream m = new Imap4Stream(peerCommand(PREAUTH, "--stderr-bytes=200000"));
        assertEquals("AUTH", m.state());
        assertEquals(2, m.list().data().size());
        m.logout();
        assertFalse(m.process().isAlive());
        m.process().waitFor(5, TimeUnit.SECONDS);
        assertEquals(0, m.process().exitValue());
    }

    @Test
    void aChildThatIgnoresEndOfInputIsEndedOnLogout() throws Exception {
        Imap4Stream m = new Imap4Stream(peerCommand("transcripts/stream-stubborn.txt"));
        assertEquals("BYE", m.logout().type());
        assertFalse(m.process().isAlive(), "the child was ended although it kept running");
    }

    @Test
    void aSilentChildHitsTheReadTimeoutAndIsEnded() throws Exception {
        Imap4Stream m = new Imap4Stream(peerCommand("transcripts/stream-stall.txt"),
                Scripted.OPTIONS.withReadTimeout(java.time.Duration.ofMillis(500)));
        long start = System.nanoTime();
        Imap4AbortException e = org.junit.jupiter.api.Assertions.assertThrows(Imap4AbortException.class, m::noop);
        assertEquals(true, e.getMessage().startsWith("read timed out"), e.getMessage());
        assertEquals(true, System.nanoTime() - start < TimeUnit.SECONDS.toNanos(15), "the timeout, not the stall, ended it");
        m.process().waitFor(10, TimeUnit.SECONDS);
        assertFalse(m.process().isAlive(), "the aborted connection ends its child");
    }
}
