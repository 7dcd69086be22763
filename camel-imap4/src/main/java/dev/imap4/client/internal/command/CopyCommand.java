package dev.imap4.client.internal.command;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.engine.Command;
import dev.imap4.client.internal.engine.Untagged;
import dev.imap4.client.types.CopyUid;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.internal.wire.CommandWriter;
import dev.imap4.client.internal.wire.ImapInput;

/**
 * COPY / UID COPY (RFC 3501 §6.4.7) and MOVE / UID MOVE (RFC 6851). The COPYUID code (RFC 4315)
 * comes in the tagged OK for COPY and, for MOVE, usually in an untagged OK before the expunges;
 * the EXPUNGE or VANISHED responses a MOVE provokes are consumed here.
 */
public final class CopyCommand implements Command<CopyUid> {

    private final NumberSet set;
    private final String encodedMailbox;
    private final boolean move;
    private final ExpungeCommand.ExpungeCollector expunges = new ExpungeCommand.ExpungeCollector();
    private CopyUid copyUid;

    public CopyCommand(NumberSet set, String encodedMailbox, boolean move) {
        this.set = set;
        this.encodedMailbox = encodedMailbox;
        this.move = move;
    }

    /** COPY in imaplib's raw form. */
    public static RawCommand raw(String messageSet, String mailbox) {
        return new RawCommand("COPY").args(messageSet, mailbox);
    }

    @Override
    public String verb() {
        return (set.isUid() ? "UID " : "") + (move ? "MOVE" : "COPY");
    }

    @Override
    public void arguments(CommandWriter out) {
        out.raw(set.toString());
        out.astring(encodedMailbox);
    }

    @Override
    public boolean untagged(Untagged u, ImapInput in) {
        if (u.status() != null && "COPYUID".equals(u.status().code())) {
            copyUid = u.status().typedCode().copyUid();
            in.text();
            return true;
        }
        return move && expunges.offer(u, in);
    }

    @Override
    public CopyUid complete(StatusResponse tagged) {
        Imap4CommandException.requireOk(verb(), tagged);
        if ("COPYUID".equals(tagged.code())) {
            copyUid = tagged.typedCode().copyUid();
        }
        return copyUid;
    }
}
