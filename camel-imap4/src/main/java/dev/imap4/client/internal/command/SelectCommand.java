package dev.imap4.client.internal.command;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.ResponseCode;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.engine.Command;
import dev.imap4.client.ImapState;
import dev.imap4.client.internal.engine.Untagged;
import dev.imap4.client.internal.parse.FetchParser;
import dev.imap4.client.internal.parse.FlagListParser;
import dev.imap4.client.internal.parse.VanishedParser;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.FlagChange;
import dev.imap4.client.types.MailboxState;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.ObjectId;
import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.types.QresyncParameters;
import dev.imap4.client.types.QresyncResult;
import dev.imap4.client.types.Vanished;
import dev.imap4.client.internal.wire.CommandWriter;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.ArrayList;
import java.util.List;

/**
 * SELECT and EXAMINE (RFC 3501 §6.3.1-2), with CONDSTORE (RFC 7162 §3.1.8) when asked: collects
 * FLAGS, EXISTS, RECENT and the OK codes UIDVALIDITY, UIDNEXT, UNSEEN, PERMANENTFLAGS,
 * HIGHESTMODSEQ into a {@link MailboxState}. With QRESYNC parameters (RFC 7162 §3.2.5, after ENABLE
 * QRESYNC) it also claims the VANISHED (EARLIER) and FETCH responses of the resynchronisation,
 * keeping the vanished UIDs as ranges and of each FETCH only its UID, FLAGS and MODSEQ (see
 * {@link #resync()}); their lines count against the connection's budget until the command ends.
 */
public final class SelectCommand implements Command<MailboxState> {

    private final String mailbox;
    private final String encodedName;
    private final boolean readOnly;
    private final boolean condstore;
    private final QresyncParameters qresync;
    private final StringBuilder vanished = new StringBuilder();
    private final List<FlagChange> changed = new ArrayList<>();
    private MailboxState result;

    private long exists;
    private long recent;
    private long uidValidity;
    private long uidNext;
    private Long unseen;
    private Long highestModSeq;
    private String mailboxId;
    private List<String> flags = List.of();
    private List<String> permanentFlags = List.of();

    public SelectCommand(String mailbox, String encodedName, boolean readOnly, boolean condstore) {
        this(mailbox, encodedName, readOnly, condstore, null);
    }

    /** With {@code qresync} non-null, {@code SELECT name (QRESYNC (uidvalidity modseq [known-uids]))}. */
    public SelectCommand(String mailbox, String encodedName, boolean readOnly, boolean condstore,
            QresyncParameters qresync) {
        this.mailbox = mailbox;
        this.encodedName = encodedName;
        this.readOnly = readOnly;
        this.condstore = condstore;
        this.qresync = qresync;
    }

    @Override
    public String verb() {
        return readOnly ? "EXAMINE" : "SELECT";
    }

    @Override
    public void arguments(CommandWriter out) {
        out.astring(encodedName);
        if (qresync != null) {
            // RFC 7162 §3.2.5 select-param: numbers and a sequence set, nothing a caller can inject
            out.raw("(QRESYNC (" + qresync.uidValidity() + " " + qresync.modSeq()
                    + (qresync.knownUids() == null ? "" : " " + qresync.knownUids()) + "))");
        } else if (condstore) {
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
            case "VANISHED" -> {
                return qresync != null && u.number() < 0 && vanished(in);
            }
            case "FETCH" -> {
                if (qresync == null || u.number() < 0) {
                    return false;
                }
                try (FetchResponse r = FetchParser.parse(u.number(), in)) {
                    if (r.uid() != null && r.flags() != null) {
                        changed.add(new FlagChange(r.uid(), r.flags(), r.modSeq()));
                    }
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    // only VANISHED (EARLIER) answers the resynchronisation; another is left to the listeners
    private boolean vanished(ImapInput in) {
        int start = in.position();
        Vanished v = VanishedParser.parse(in);
        if (!v.earlier()) {
            in.reset(start);
            return false;
        }
        vanished.append(vanished.isEmpty() ? "" : ",").append(v.uids());
        return true;
    }

    // RFC 8474 §4.1 "MAILBOXID" SP "(" objectid ")"; a malformed one is a protocol error of its line
    private static String mailboxId(String data) {
        try {
            return ObjectId.parse(data == null ? "" : data.trim());
        } catch (IllegalArgumentException e) {
            throw new ImapProtocolException("in resp-text-code MAILBOXID: " + e.getMessage());
        }
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
            case "MAILBOXID" -> mailboxId = mailboxId(st.codeData());
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
        result = new MailboxState(mailbox, exists, recent, uidValidity, uidNext, unseen, flags, permanentFlags, ro,
                highestModSeq, mailboxId);
        return result;
    }

    /** After {@link #complete}: the resynchronisation's VANISHED and FETCH data with the mailbox. */
    public QresyncResult resync() {
        NumberSet gone = vanished.isEmpty() ? NumberSet.uids(List.of()) : NumberSet.parse(vanished.toString(), true);
        return new QresyncResult(result, gone, changed);
    }
}
