package dev.imap4.client.internal.engine;

import dev.imap4.client.ImapState;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.wire.CommandWriter;
import dev.imap4.client.internal.wire.ImapInput;

/**
 * One IMAP command: how its arguments are written, which untagged responses it owns, and what it
 * returns. The engine runs one command at a time and hands it only the responses that arrive while
 * it runs; responses it does not claim go to the unsolicited-data listener.
 *
 * @param <R> the typed result
 */
public interface Command<R> {

    /** The command name as sent, e.g. {@code SELECT} or {@code UID FETCH}. */
    String verb();

    /** Writes the arguments after the verb. */
    void arguments(CommandWriter out);

    /**
     * Offered each untagged response. To claim it, read the rest of the response from {@code in}
     * (positioned right after the name) and return true; otherwise return false without reading.
     */
    default boolean untagged(Untagged response, ImapInput in) {
        return false;
    }

    /**
     * Whether the untagged responses this command claims stay in memory until it completes (they
     * build its result, so they stay charged to the connection's budget until then). A command
     * that hands each one on as it arrives (a streaming fetch) returns false, and each response's
     * bytes leave the budget once {@link #untagged} returns.
     */
    default boolean retainsUntagged() {
        return true;
    }

    /** A continuation request other than for a literal (AUTHENTICATE, IDLE). */
    default void continuation(String text, Continuation reply) {
        throw new dev.imap4.client.ImapProtocolException("in continue-req: " + verb()
                + " expected no continuation request, got '+ " + text + "'");
    }

    /** The state after the tagged response; the current state by default. */
    default ImapState stateAfter(StatusResponse tagged, ImapState current) {
        return current;
    }

    /** Builds the result from the tagged response; may throw for NO or BAD. */
    R complete(StatusResponse tagged);

    /** Sends lines in answer to continuation requests. */
    interface Continuation {
        /** Sends {@code line} plus CRLF; {@code traced} is what the trace shows instead. */
        void send(byte[] line, String traced);
    }
}
