package dev.imap4.client.internal.command;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.engine.Command;
import dev.imap4.client.internal.engine.Untagged;
import dev.imap4.client.internal.parse.FetchParser;
import dev.imap4.client.types.FetchHandler;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.internal.wire.CommandWriter;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.function.Consumer;

/**
 * FETCH and UID FETCH (RFC 3501 §6.4.5, §6.4.8) streamed to a handler one message at a time, as
 * each response arrives: many messages in one command, no round trip per message. Section
 * literals are closed (spool files deleted) once the handler returns; a handler that wants to keep
 * one must copy it. If the handler throws, the remaining responses are still read (the connection
 * stays in step) and the first exception is rethrown when the command completes.
 */
public final class FetchCommand implements Command<Integer> {

    private final NumberSet set;
    private final FetchItems items;
    private final FetchHandler handler;
    private final Consumer<FetchResponse> others;
    private static final java.util.Set<String> FLAG_ITEMS = java.util.Set.of("UID", "FLAGS", "MODSEQ");

    private final boolean asksForMoreThanFlags;
    private int delivered;
    private Exception failure;

    /** FETCH in imaplib's raw form: the message set and the parts as given (data as imaplib returns it). */
    public static RawCommand raw(String messageSet, String messageParts) {
        return new RawCommand("FETCH").args(messageSet, messageParts);
    }

    /** PARTIAL (obsolete, RFC 1730) in imaplib's raw form; answered by FETCH data. */
    public static RawCommand rawPartial(String messageNum, String messagePart, long start, long length) {
        return new RawCommand("PARTIAL").args(messageNum, messagePart, Long.toString(start), Long.toString(length));
    }

    /**
     * @param others receives FETCH responses that do not belong to this command: flag updates for
     *               messages outside the set, without a UID in a UID FETCH, or carrying only flags
     *               when the fetch asked for more (another client changed them meanwhile)
     */
    public FetchCommand(NumberSet set, FetchItems items, FetchHandler handler, Consumer<FetchResponse> others) {
        this.set = set;
        this.items = items;
        this.handler = handler;
        this.others = others;
        this.asksForMoreThanFlags = items.items().stream().anyMatch(i -> !FLAG_ITEMS.contains(i));
    }

    @Override
    public String verb() {
        return set.isUid() ? "UID FETCH" : "FETCH";
    }

    @Override
    public void arguments(CommandWriter out) {
        out.raw(set.toString());
        out.raw(items.toWire());
        for (String m : items.modifiers()) {
            out.raw(m);
        }
    }

    /** A response carrying nothing but UID, FLAGS and MODSEQ: the shape of a flag-change notice. */
    private static boolean isFlagUpdate(FetchResponse r) {
        return r.envelope() == null && r.bodyStructure() == null && r.internalDate() == null && r.size() == null
                && r.sections().isEmpty() && r.other().isEmpty();
    }

    /** Each message is handed to the handler (and its literals closed) as it arrives. */
    @Override
    public boolean retainsUntagged() {
        return false;
    }

    @Override
    public boolean untagged(Untagged u, ImapInput in) {
        if (!u.is("FETCH") || u.number() < 0) {
            return false;
        }
        FetchResponse r = FetchParser.parse(u.number(), in);
        if (!belongs(r)) {
            others.accept(r);
            r.close();
            return true;
        }
        try {
            if (failure == null) {
                handler.onMessage(r);
                delivered++;
            }
        } catch (Exception e) {
            failure = e;
        } finally {
            r.close();
        }
        return true;
    }

    private boolean belongs(FetchResponse r) {
        if (isFlagUpdate(r) && asksForMoreThanFlags) {
            // another client changed flags meanwhile (RFC 3501 §7.4.2): not an answer to this fetch
            return false;
        }
        if (!set.isUid()) {
            return true;
        }
        if (set.isSavedResult()) {
            // RFC 5182 $: only the server knows its UIDs, so every FETCH with a UID answers it
            return r.uid() != null;
        }
        if (r.uid() == null) {
            return false;
        }
        long uid = r.uid();
        for (NumberSet.Range range : set.ranges()) {
            // n:* also covers the highest UID when it is below n (RFC 3501 §6.4.8), so any '*' matches
            if (range.from() == NumberSet.STAR || range.to() == NumberSet.STAR
                    || (uid >= range.from() && uid <= range.to())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Integer complete(StatusResponse tagged) {
        Imap4CommandException.requireOk(verb(), tagged);
        if (failure != null) {
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            throw new FetchHandlerException(failure);
        }
        return delivered;
    }

    /** Wraps a checked exception thrown by a fetch handler. */
    public static final class FetchHandlerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FetchHandlerException(Exception cause) {
            super("fetch handler failed: " + cause.getMessage(), cause);
        }
    }
}
