package dev.imap4.client.internal.command;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.ResponseCode;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.engine.Command;
import dev.imap4.client.ImapState;
import dev.imap4.client.internal.engine.Untagged;
import dev.imap4.client.internal.parse.FlagListParser;
import dev.imap4.client.types.MailboxState;
import dev.imap4.client.internal.wire.CommandWriter;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.List;

/**
 * SELECT and EXAMINE (RFC 3501 §6.3.1-2), with CONDSTORE (RFC 7162 §3.1.8) when asked: collects
 * FLAGS, EXISTS, RECENT and the OK codes UIDVALIDITY, UIDNEXT, UNSEEN, PERMANENTFLAGS,
 * HIGHESTMODSEQ into a {@link MailboxState}.
 */
public final class SelectCommand implements Command<MailboxState> {

    private final String mailbox;
    private final String encodedName;
    private final boolean readOnly;
    private final boolean condstore;

    private long exists;
    private long recent;
    private long uidValidity;
    private long uidNext;
    private Long unseen;
    private Long highestModSeq;
    private List<String> flags = List.of();
    private List<String> permanentFlags = List.of();

    public SelectCommand(String mailbox, String encodedName, boolean readOnly, boolean condstore) {
        this.mailbox = mailbox;
        this.encodedName = encodedName;
        this.readOnly = readOnly;
        this.condstore = condstore;
    }

    @Override
    public String verb() {
        return readOnly ? "EXAMINE" : "SELECT";
    }

    @Override
    public void arguments(CommandWriter out) {
        out.astring(encodedName);
        if (condstore) {
            out.raw("(CONDSTORE)");
        }
    }

    @Override
    public boolean untagged(Untagged u, ImapInput in) {
        switch (u.name()) {
            case "EXISTS" -> exists = u.number();
            case "RECENT" -> recent = u.number();
            case "FLAGS" -> {
                in.sp();
                flags = FlagListParser.parse(in, "flag-list");
            }
            case "OK" -> {
                // "* 0 OK [...]" is no status response (the engine parses none after a number)
                if (u.status() == null || !okCode(u.status())) {
                    return false;
                }
                in.text();
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean okCode(StatusResponse st) {
        if (st.code() == null) {
            return false;
        }
        ResponseCode data = st.typedCode();
        switch (st.code()) {
            case "UIDVALIDITY" -> uidValidity = data.number();
            case "UIDNEXT" -> uidNext = data.number();
            case "UNSEEN" -> {
                // many servers send UNSEEN 0 when no message is unseen; 0 is no sequence number
                long n = data.number();
                unseen = n == 0 ? null : n;
            }
            case "HIGHESTMODSEQ" -> highestModSeq = data.number();
            case "NOMODSEQ" -> highestModSeq = null;
            case "PERMANENTFLAGS" -> permanentFlags = st.codeData() == null ? List.of() : data.permanentFlags();
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public ImapState stateAfter(StatusResponse tagged, ImapState current) {
        return tagged.isOk() ? ImapState.SELECTED : ImapState.AUTH;
    }

    @Override
    public MailboxState complete(StatusResponse tagged) {
        Imap4CommandException.requireOk(verb(), tagged);
        boolean ro = readOnly || "READ-ONLY".equals(tagged.code());
        return new MailboxState(mailbox, exists, recent, uidValidity, uidNext, unseen, flags, permanentFlags, ro,
                highestModSeq);
    }
}
