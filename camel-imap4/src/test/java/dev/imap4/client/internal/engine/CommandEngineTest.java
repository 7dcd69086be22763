package dev.imap4.client.internal.engine;

import dev.imap4.client.ImapState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.UntaggedResponse;
import dev.imap4.client.internal.command.RawCommand;
import dev.imap4.client.internal.command.SimpleCommand;
import dev.imap4.client.internal.wire.CommandWriter;
import dev.imap4.client.internal.wire.ImapInput;
import dev.imap4.testing.InMemoryTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The engine on its own, over an in-memory peer that plays a {@code C:}/{@code S:} script: tags,
 * the state table, the continuation loop, where untagged data goes, BYE, and what aborts.
 */
@Timeout(30)
class CommandEngineTest {

    private static final Imap4Options OPTIONS = Imap4Options.defaults().withReadTimeout(Duration.ofSeconds(5));

    @Test
    void tagsAreTheConnectionPrefixAndACountingNumber() {
        Peer peer = new Peer("""
                S: * OK ready
                C: {tag} NOOP
                S: {tag} OK done
                C: {tag} NOOP
                S: {tag} OK done
                """);
        CommandEngine engine = peer.connect();
        engine.execute(SimpleCommand.of("NOOP"));
        engine.execute(SimpleCommand.of("NOOP"));
        String prefix = engine.tagPrefix();
        assertTrue(prefix.matches("[A-P]{4}"), prefix);
        assertEquals(List.of(prefix + "1 NOOP", prefix + "2 NOOP"), peer.sent);
        peer.assertDone();
    }

    @Test
    void theStateTableRefusesACommandBeforeAnyByteIsSentOrATagSpent() {
        Peer peer = new Peer("""
                S: * OK ready
                C: {tag} NOOP
                S: {tag} OK done
                """);
        CommandEngine engine = peer.connect();
        Imap4Exception e = assertThrows(Imap4Exception.class, () -> engine.execute(SimpleCommand.close()));
        assertEquals("command CLOSE illegal in state NONAUTH, only allowed in states [SELECTED]", e.getMessage());
        assertFalse(engine.isAborted());
        engine.execute(SimpleCommand.of("NOOP"));
        assertEquals(List.of(engine.tagPrefix() + "1 NOOP"), peer.sent);
        peer.assertDone();
    }

    @Test
    void continuationRequestsAreAnsweredByTheRunningCommandUntilTheTaggedResponse() {
        Peer peer = new Peer("""
                S: * OK ready
                C: {tag} XCHAT hello
                S: + first
                C: reply to first
                S: + second
                C: reply to second
                S: {tag} OK chatted
                """);
        CommandEngine engine = peer.connect();
        Chat chat = new Chat();
        StatusResponse ok = engine.execute(chat);
        assertTrue(ok.isOk());
        assertEquals(List.of("first", "second"), chat.challenges);
        peer.assertDone();
    }

    @Test
    void aContinuationRequestTheCommandDidNotAskForAbortsTheConnection() {
        Peer peer = new Peer("""
                S: * OK ready
                C: {tag} NOOP
                S: + go on
                """);
        CommandEngine engine = peer.connect();
        Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> engine.execute(SimpleCommand.of("NOOP")));
        assertTrue(e.getMessage().contains("expected no continuation request"), e.getMessage());
        assertTrue(engine.isAborted());
        assertTrue(peer.isClosed());
    }

    @Test
    void untaggedDataGoesToTheRunningCommandWhenItClaimsItAndToTheListenersOtherwise() {
        Peer peer = new Peer("""
                S: * OK ready
                C: {tag} XDATA
                S: * XDATA one
                S: * 3 EXISTS
                S: * XDATA two
                S: {tag} OK done
                C: {tag} NOOP
                S: * XDATA three
                S: {tag} OK done
                """);
        CommandEngine engine = peer.connect();
        List<String> unsolicited = new ArrayList<>();
        engine.addListener(r -> unsolicited.add(text(r)));
        Claimer claimer = new Claimer();
        engine.execute(claimer);
        assertEquals(List.of("one", "two"), claimer.claimed);
        engine.execute(SimpleCommand.of("NOOP"));
        // what no command claims, and what comes while another command runs, is the listeners'
        assertEquals(List.of("3 EXISTS", "XDATA"), unsolicited);
        peer.assertDone();
    }

    @Test
    void aByeWhileACommandRunsAbortsTheConnection() {
        Peer peer = new Peer("""
                S: * OK ready
                C: {tag} NOOP
                S: * BYE shutting down
                """);
        CommandEngine engine = peer.connect();
        Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> engine.execute(SimpleCommand.of("NOOP")));
        assertTrue(e.getMessage().contains("shutting down"), e.getMessage());
        assertTrue(engine.isAborted());
        assertEquals(ImapState.LOGOUT, engine.state());
        assertTrue(peer.isClosed());
    }

    @Test
    void aByeInAnswerToLogoutIsExpectedAndTheStateIsLogout() {
        Peer peer = new Peer("""
                S: * PREAUTH ready
                C: {tag} LOGOUT
                S: * BYE see you
                S: {tag} OK bye
                """);
        CommandEngine engine = peer.connect();
        assertEquals(ImapState.AUTH, engine.state());
        engine.execute(SimpleCommand.logout());
        assertFalse(engine.isAborted());
        assertEquals(ImapState.LOGOUT, engine.state());
        assertTrue(engine.bye().rawText().contains("see you"));
        peer.assertDone();
    }

    @Test
    void noIsACommandErrorAndTheConnectionStaysUsable() {
        Peer peer = new Peer("""
                S: * OK ready
                C: {tag} NOOP
                S: {tag} NO [ALERT] not now
                C: {tag} NOOP
                S: {tag} OK done
                """);
        CommandEngine engine = peer.connect();
        Imap4CommandException e = assertThrows(Imap4CommandException.class,
                () -> engine.execute(SimpleCommand.of("NOOP")));
        assertEquals("ALERT", e.code());
        assertFalse(engine.isAborted());
        engine.execute(SimpleCommand.of("NOOP"));
        peer.assertDone();
    }

    @Test
    void aMalformedResponseAbortsAndTheClosedConnectionRefusesTheNextCommand() {
        Peer peer = new Peer("""
                S: * OK ready
                C: {tag} NOOP
                S: ZZZZ9 OK a tag that was never sent
                """);
        CommandEngine engine = peer.connect();
        assertThrows(Imap4AbortException.class, () -> engine.execute(SimpleCommand.of("NOOP")));
        assertTrue(engine.isAborted());
        Imap4AbortException next = assertThrows(Imap4AbortException.class, () -> engine.execute(SimpleCommand.of("NOOP")));
        assertEquals("connection is closed", next.getMessage());
        assertEquals(1, peer.sent.size());
    }

    @Test
    void theStateAfterACommandIsTheCommandsToSay() {
        Peer peer = new Peer("""
                S: * OK ready
                C: {tag} LOGIN anne "secret"
                S: {tag} OK in
                C: {tag} SELECT Nowhere
                S: {tag} NO no such mailbox
                C: {tag} EXAMINE INBOX
                S: {tag} OK [READ-ONLY] examined
                C: {tag} CLOSE
                S: {tag} NO cannot
                """);
        CommandEngine engine = peer.connect();
        assertEquals(ImapState.NONAUTH, engine.state());
        engine.execute(RawCommand.login("anne", "secret"));
        assertEquals(ImapState.AUTH, engine.state());
        engine.execute(RawCommand.select("Nowhere", false));
        assertEquals(ImapState.AUTH, engine.state());
        engine.execute(RawCommand.select("INBOX", true));
        assertEquals(ImapState.SELECTED, engine.state());
        // imaplib's CLOSE leaves the mailbox whatever the server answers
        engine.execute(RawCommand.close());
        assertEquals(ImapState.AUTH, engine.state());
        peer.assertDone();
    }

    private static String text(UntaggedResponse r) {
        return r.number() >= 0 ? r.number() + " " + r.name() : r.name();
    }

    /** A command that claims XDATA responses. */
    private static final class Claimer implements Command<StatusResponse> {
        final List<String> claimed = new ArrayList<>();

        @Override
        public String verb() {
            return "XDATA";
        }

        @Override
        public void arguments(CommandWriter out) {
        }

        @Override
        public boolean untagged(Untagged response, ImapInput in) {
            if (!response.is("XDATA")) {
                return false;
            }
            in.sp();
            claimed.add(in.atom());
            return true;
        }

        @Override
        public StatusResponse complete(StatusResponse tagged) {
            return tagged;
        }
    }

    /** A command that answers each continuation request with a line of its own. */
    private static final class Chat implements Command<StatusResponse> {
        final List<String> challenges = new ArrayList<>();

        @Override
        public String verb() {
            return "XCHAT";
        }

        @Override
        public void arguments(CommandWriter out) {
            out.atom("hello");
        }

        @Override
        public void continuation(String text, Continuation reply) {
            challenges.add(text);
            reply.send(("reply to " + text).getBytes(StandardCharsets.US_ASCII), "reply");
        }

        @Override
        public StatusResponse complete(StatusResponse tagged) {
            return tagged;
        }
    }

    /**
     * The server side of a script, in memory: {@code S:} lines are served one at a time, each
     * {@code C:} line must be what the client sends next ({@code {tag}} is the tag of the last
     * command line). A read that needs a line the client has not sent yet fails at once.
     */
    private static final class Peer extends InMemoryTransport {
        private final Deque<String> steps = new ArrayDeque<>();
        final List<String> sent = new ArrayList<>();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private byte[] serving = new byte[0];
        private int servingPos;
        private String tag = "";

        Peer(String script) {
            script.lines().forEach(steps::add);
        }

        CommandEngine connect() {
            CommandEngine engine = new CommandEngine(this, OPTIONS, "test");
            engine.readGreeting();
            return engine;
        }

        @Override
        protected int serve(byte[] b, int off, int len) throws IOException {
            if (servingPos == serving.length) {
                String next = steps.peekFirst();
                if (next == null) {
                    return -1;
                }
                if (!next.startsWith("S: ")) {
                    throw new IOException("the client reads before sending '" + next + "'");
                }
                steps.removeFirst();
                serving = (next.substring(3).replace("{tag}", tag) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                servingPos = 0;
            }
            int n = Math.min(len, serving.length - servingPos);
            System.arraycopy(serving, servingPos, b, off, n);
            servingPos += n;
            return n;
        }

        @Override
        protected void received(byte b) throws IOException {
            if (b != '\n') {
                line.write(b);
                return;
            }
            String got = line.toString(StandardCharsets.US_ASCII).replaceAll("\r$", "");
            line.reset();
            sent.add(got);
            String next = steps.pollFirst();
            if (next != null && next.startsWith("C: {tag} ")) {
                tag = got.split(" ", 2)[0];
            }
            String expected = next == null || !next.startsWith("C: ") ? null : next.substring(3).replace("{tag}", tag);
            if (!got.equals(expected)) {
                throw new IOException("the client sent '" + got + "', the script expects '" + next + "'");
            }
        }

        void assertDone() {
            assertTrue(steps.isEmpty(), "script not played to the end: " + steps);
        }
    }
}
