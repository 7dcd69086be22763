package dev.imap4.client.fuzz;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.Literal;
import dev.imap4.client.types.Address;
import dev.imap4.client.types.BodyStructure;
import dev.imap4.client.types.Envelope;
import dev.imap4.client.types.FetchResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * What fuzzed server bytes may do to the client, and the limits that must hold whatever they are.
 * A failure is allowed only as an {@link ImapProtocolException} or {@link Imap4AbortException} that
 * closed the connection (caused by nothing but our own exceptions and I/O), or as a NO/BAD
 * ({@link Imap4CommandException}) that kept it open. Anything else (NullPointerException,
 * IndexOutOfBoundsException, NumberFormatException, ClassCastException, a protocol error that leaves
 * the connection open...) is a bug in the client, reported as an {@link AssertionError}.
 */
final class Verdict {

    private Verdict() {
    }

    /** Checks a failure of one command; {@code connected} is the connection's state afterwards. */
    static void failure(Throwable e, boolean connected) {
        if (e instanceof Imap4AbortException) {
            if (connected) {
                throw new AssertionError("an abort left the connection open: " + e, e);
            }
            causes(e);
        } else if (e instanceof Imap4CommandException) {
            if (!connected) {
                throw new AssertionError("a NO/BAD closed the connection: " + e, e);
            }
        } else if (e instanceof Imap4Exception) {
            causes(e); // refused by the client (a missing capability, READ-ONLY...)
        } else {
            throw new AssertionError("the client failed with " + e, e);
        }
    }

    /** Every cause in the chain is one of ours or an I/O failure (end of input). */
    static void causes(Throwable e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            boolean ok = c instanceof Imap4Exception || c instanceof IOException || c instanceof UncheckedIOException;
            if (!ok) {
                throw new AssertionError("a failure caused by " + c + ": " + e.getMessage(), e);
            }
        }
    }

    /** Limits on one parsed FETCH response, and every derived value computed without failing. */
    static void fetch(FetchResponse r, Imap4Options limits) {
        int threshold = limits.literalMemoryThreshold();
        // held in memory: a literal up to the threshold, a quoted string (one line at most), or a
        // literal a miscounting server made longer (LiteralRealignment adds at most 4n + 3 bytes)
        long maxHeld = Math.max(limits.maxLineLength(), 5L * threshold + 3);
        for (Map.Entry<String, Literal> s : r.sections().entrySet()) {
            Literal l = s.getValue();
            boolean ok = l.isSpooled() ? l.size() > threshold : l.size() <= maxHeld;
            if (!ok) {
                throw new AssertionError(s.getKey() + " of " + l.size() + " bytes: spooled=" + l.isSpooled()
                        + " with a memory threshold of " + threshold);
            }
        }
        envelope(r.envelope());
        body(r.bodyStructure(), limits.maxNestingDepth());
        r.message();
        r.hasFlag("\\Seen");
    }

    static void envelope(Envelope e) {
        if (e == null) {
            return;
        }
        e.decodedSubject();
        e.dateTime();
        for (var list : java.util.List.of(e.from(), e.sender(), e.replyTo(), e.to(), e.cc(), e.bcc())) {
            for (Address a : list) {
                a.email();
                a.decodedName();
                a.toString();
            }
        }
    }

    /** The structure nests no deeper than the cap allows (each level opens at least one list). */
    static void body(BodyStructure b, int maxDepth) {
        if (b == null) {
            return;
        }
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.push(new Object[] {b, 1});
        while (!todo.isEmpty()) {
            Object[] n = todo.pop();
            BodyStructure p = (BodyStructure) n[0];
            int depth = (Integer) n[1];
            if (depth > maxDepth) {
                throw new AssertionError("a body structure nested " + depth + " deep passed a cap of " + maxDepth);
            }
            p.mimeType();
            p.filename();
            p.isAttachment();
            p.param("charset");
            envelope(p.envelope());
            for (BodyStructure c : p.parts()) {
                todo.push(new Object[] {c, depth + 1});
            }
            if (p.message() != null) {
                todo.push(new Object[] {p.message(), depth + 1});
            }
        }
        b.attachments();
        b.part("1");
    }
}
