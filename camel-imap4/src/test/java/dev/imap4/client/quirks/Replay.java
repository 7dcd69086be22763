package dev.imap4.client.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapClient;
import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.scripted.ScriptedTransport;
import dev.imap4.client.scripted.Transcript;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.NumberSet;
import dev.imap4.testing.TransportImap4;
import java.util.ArrayList;
import java.util.List;

/**
 * A real connection ({@link Imap4} with its {@code CommandEngine}) over a {@link ScriptedTransport},
 * the in-memory transport of the transcript player that {@code ScriptedServer} runs over a socket:
 * the greeting is read on construction, as for a socket, and commands run through the engine, the
 * command classes and the typed or raw API exactly as in production.
 */
final class Replay {

    private final ScriptedTransport transport;
    private final TransportImap4 imap;

    private Replay(Transcript transcript, String name, Imap4Options options) {
        this.transport = new ScriptedTransport(transcript, name);
        this.imap = new TransportImap4(transport, options);
    }

    /** Connects over {@code transcripts/<name>.txt}, e.g. {@code gmail/x-gm-items}. */
    static Replay start(String name) {
        return new Replay(Transcript.load(name), name, Imap4Options.defaults());
    }

    static Replay start(String name, Imap4Options options) {
        return new Replay(Transcript.load(name), name, options);
    }

    static Replay start(Transcript transcript) {
        return new Replay(transcript, "inline transcript", Imap4Options.defaults());
    }

    /** The imaplib-style API of the connection. */
    Imap4 raw() {
        return imap;
    }

    /** The typed API of the same connection. */
    ImapClient client() {
        return imap.client();
    }

    /** UID FETCH through the typed API, collecting the messages it delivers. */
    List<FetchResponse> uidFetch(NumberSet uids, FetchItems items) {
        List<FetchResponse> got = new ArrayList<>();
        int n = client().uidFetch(uids, items, got::add);
        assertEquals(got.size(), n, "delivered count");
        return got;
    }

    /** SELECT INBOX, then UID FETCH of one message through the typed API, which must deliver exactly it. */
    static FetchResponse fetchOne(Replay r, long uid, FetchItems items) {
        r.client().select("INBOX");
        List<FetchResponse> got = r.uidFetch(NumberSet.uids(uid), items);
        assertEquals(1, got.size(), "one message");
        return got.get(0);
    }

    /** The lines the client sent, tags as sent. */
    List<String> sent() {
        return transport.sent();
    }

    /** The tag of the {@code n}th command: the engine's tag prefix followed by n. */
    String tag(int n) {
        return imap.tagPrefix() + n;
    }

    /**
     * Runs the NOOP the transcript ends with and checks the exchange is complete: the quirk left the
     * stream in step, so the next command's tagged OK is read as such.
     */
    void noopStillWorks() {
        client().noop();
        assertTrue(client().isConnected(), "connection still open after NOOP");
        transport.assertDone();
    }

    /** Checks every line of the transcript was exchanged (the transcript ends in {@code !close}). */
    void assertDone() {
        transport.assertDone();
    }

    /**
     * Asserts {@code action} fails with a protocol error whose message names {@code rule}, that the
     * connection is closed afterwards, and that the next command fails at once instead of hanging.
     */
    ImapProtocolException assertProtocolError(String rule, Runnable action) {
        ImapProtocolException e = assertThrows(ImapProtocolException.class, action::run);
        assertTrue(e.getMessage().contains("in " + rule + ":"), "message names " + rule + ": " + e.getMessage());
        assertClosed();
        return e;
    }

    /** Asserts the connection was closed and a further command fails at once. */
    void assertClosed() {
        assertFalse(client().isConnected(), "connection closed");
        assertTrue(transport.isClosed(), "transport closed");
        Imap4AbortException next = assertThrows(Imap4AbortException.class, () -> client().noop());
        assertEquals("connection is closed", next.getMessage());
    }
}
