package dev.imap4.client.internal.command;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.engine.Command;
import dev.imap4.client.internal.engine.Untagged;
import dev.imap4.client.internal.parse.FetchParser;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.StoreMode;
import dev.imap4.client.types.StoreResult;
import dev.imap4.client.internal.wire.CommandWriter;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * STORE / UID STORE (RFC 3501 §6.4.6) of flags, with CONDSTORE's UNCHANGEDSINCE (RFC 7162 §3.1.3).
 * The FETCH responses it provokes are its result.
 */
public final class StoreCommand implements Command<StoreResult> {

    private final NumberSet set;
    private final StoreMode mode;
    private final boolean silent;
    private final List<String> flags;
    private final Long unchangedSince;
    private final List<FetchResponse> updates = new ArrayList<>();

    public StoreCommand(NumberSet set, StoreMode mode, boolean silent, Collection<String> flags, Long unchangedSince) {
        this.set = set;
        this.mode = mode;
        this.silent = silent;
        this.flags = List.copyOf(flags);
        this.unchangedSince = unchangedSince;
    }

    /**
     * STORE in imaplib's raw form: {@code command} like {@code +FLAGS}; {@code flags} wrapped in
     * parentheses when not already, so they are never quoted. Answered by FETCH.
     */
    public static RawCommand raw(String messageSet, String command, String flags) {
        return new RawCommand("STORE").args(messageSet, command).list(flags).answeredBy("FETCH");
    }

    @Override
    public String verb() {
        return set.isUid() ? "UID STORE" : "STORE";
    }

    @Override
    public void arguments(CommandWriter out) {
        out.raw(set.toString());
        if (unchangedSince != null) {
            out.raw("(UNCHANGEDSINCE " + unchangedSince + ")");
        }
        out.atom(mode.item() + (silent ? ".SILENT" : ""));
        out.openList();
        for (String f : flags) {
            out.atom(f);
        }
        out.closeList();
    }

    @Override
    public boolean untagged(Untagged u, ImapInput in) {
        if (!u.is("FETCH") || u.number() < 0) {
            return false;
        }
        FetchResponse r = FetchParser.parse(u.number(), in);
        if (!r.sections().isEmpty()) {
            // a STORE reports flags; body sections a server adds are not kept, so no spool file outlives it
            r.close();
            r = new FetchResponse(r.sequence(), r.uid(), r.flags(), r.internalDate(), r.size(), r.envelope(),
                    r.bodyStructure(), r.modSeq(), Map.of(), r.other(), r.utf8Names());
        }
        // under CONDSTORE every STORE, .SILENT or not, is answered by one of these per message (RFC 7162 §3.1)
        updates.add(r);
        return true;
    }

    @Override
    public StoreResult complete(StatusResponse tagged) {
        Imap4CommandException.requireOk(verb(), tagged);
        NumberSet modified = "MODIFIED".equals(tagged.code()) && tagged.codeData() != null
                ? tagged.typedCode().modified(set.isUid()) : null;
        return new StoreResult(updates, modified);
    }
}
