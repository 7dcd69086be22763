package dev.imap4.client.internal.command;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.engine.Command;
import dev.imap4.client.internal.engine.CommandEngine;
import dev.imap4.client.internal.engine.Untagged;
import dev.imap4.client.internal.wire.CommandWriter;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.function.Predicate;

/**
 * IDLE (RFC 2177): after the server's continuation, untagged responses are watched (and still
 * delivered to the unsolicited listeners); when {@code stopWhen} accepts one, or {@link #stop()} is
 * called from any thread, DONE is sent and the command ends at the server's tagged OK.
 */
public final class IdleCommand implements Command<Void> {

    private final CommandEngine engine;
    private final Predicate<Untagged> stopWhen;
    private volatile boolean matched;
    private boolean idling;
    private boolean stopRequested;
    private boolean doneSent;

    public IdleCommand(CommandEngine engine, Predicate<Untagged> stopWhen) {
        this.engine = engine;
        this.stopWhen = stopWhen;
    }

    @Override
    public String verb() {
        return "IDLE";
    }

    @Override
    public void arguments(CommandWriter out) {
        // IDLE takes no arguments
    }

    @Override
    public void continuation(String text, Continuation reply) {
        boolean sendNow;
        synchronized (this) {
            idling = true;
            sendNow = stopRequested && !doneSent;
            doneSent |= sendNow;
        }
        if (sendNow) {
            engine.sendDone();
        }
    }

    @Override
    public boolean untagged(Untagged u, ImapInput in) {
        if (stopWhen.test(u)) {
            matched = true;
            stop();
        }
        return false;
    }

    /** Whether a response {@code stopWhen} accepted ended the IDLE (rather than {@link #stop()} alone). */
    public boolean stoppedByResponse() {
        return matched;
    }

    /** Ends the IDLE; safe from any thread, at any time, more than once. */
    public void stop() {
        boolean sendNow;
        synchronized (this) {
            stopRequested = true;
            sendNow = idling && !doneSent;
            doneSent |= sendNow;
        }
        if (sendNow) {
            try {
                engine.sendDone();
            } catch (RuntimeException e) {
                // the connection broke; the reading thread reports it
            }
        }
    }

    /** Whether the server accepted IDLE and the client was waiting. */
    public synchronized boolean wasIdling() {
        return idling;
    }

    @Override
    public Void complete(StatusResponse tagged) {
        Imap4CommandException.requireOk(verb(), tagged);
        return null;
    }
}
