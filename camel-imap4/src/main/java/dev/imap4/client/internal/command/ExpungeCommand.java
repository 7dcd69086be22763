package dev.imap4.client.internal.command;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.engine.Command;
import dev.imap4.client.internal.engine.Untagged;
import dev.imap4.client.types.ExpungeResult;
import dev.imap4.client.internal.parse.VanishedParser;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.Vanished;
import dev.imap4.client.internal.wire.CommandWriter;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.ArrayList;
import java.util.List;

/** EXPUNGE (RFC 3501 §6.4.3) and UID EXPUNGE (RFC 4315 §2.1), collecting EXPUNGE and VANISHED. */
public final class ExpungeCommand implements Command<ExpungeResult> {

    private final NumberSet uids;
    private final ExpungeCollector collector = new ExpungeCollector();

    /** @param uids the UIDs for UID EXPUNGE, or null for a plain EXPUNGE */
    public ExpungeCommand(NumberSet uids) {
        if (uids != null && !uids.isUid()) {
            throw new IllegalArgumentException("UID EXPUNGE takes a UID set, not sequence numbers");
        }
        this.uids = uids;
    }

    /** EXPUNGE in imaplib's raw form: answered by the EXPUNGE responses, in order. */
    public static RawCommand raw() {
        return new RawCommand("EXPUNGE").answeredBy("EXPUNGE");
    }

    @Override
    public String verb() {
        return uids == null ? "EXPUNGE" : "UID EXPUNGE";
    }

    @Override
    public void arguments(CommandWriter out) {
        if (uids != null) {
            out.raw(uids.toString());
        }
    }

    @Override
    public boolean untagged(Untagged u, ImapInput in) {
        return collector.offer(u, in);
    }

    @Override
    public ExpungeResult complete(StatusResponse tagged) {
        Imap4CommandException.requireOk(verb(), tagged);
        return collector.result();
    }

    /** Collects EXPUNGE and VANISHED responses; shared with MOVE. */
    static final class ExpungeCollector {
        private final List<Long> expunged = new ArrayList<>();
        private final List<Long> vanished = new ArrayList<>();

        boolean offer(Untagged u, ImapInput in) {
            if (u.is("EXPUNGE") && u.number() >= 0) {
                expunged.add(u.number());
                return true;
            }
            if (u.is("VANISHED") && u.number() < 0) {
                int start = in.position();
                Vanished v = VanishedParser.parse(in);
                if (v.earlier()) {
                    // VANISHED (EARLIER) answers a QRESYNC resync, not this command; leave it alone
                    in.reset(start);
                    return false;
                }
                vanished.addAll(v.uids().toList());
                return true;
            }
            return false;
        }

        ExpungeResult result() {
            return new ExpungeResult(expunged, vanished.isEmpty() ? null : NumberSet.uids(vanished));
        }
    }
}
