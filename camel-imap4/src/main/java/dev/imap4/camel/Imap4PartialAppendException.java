package dev.imap4.camel;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.StatusResponse;
import java.util.List;

/**
 * An APPEND of several messages, on a server without MULTIAPPEND, that the server refused part way:
 * the messages before {@link #appended()} are in the folder, that one and the rest are not. A retry
 * can start with message {@code appended() + 1}. Still an {@link Imap4CommandException} (NO or BAD),
 * so the connection is as usable as after any refused command.
 */
public class Imap4PartialAppendException extends Imap4CommandException {
    private static final long serialVersionUID = 1L;

    private final int appended;
    private final int total;
    private final String folder;
    private final List<Long> uids;

    Imap4PartialAppendException(Imap4CommandException refusal, StatusResponse tagged, int appended, int total,
            String folder, List<Long> uids) {
        super("APPEND", tagged);
        this.appended = appended;
        this.total = total;
        this.folder = folder;
        this.uids = uids == null ? null : List.copyOf(uids);
        initCause(refusal);
    }

    /** How many of the body's messages were appended, in order, before the refusal. */
    public int appended() {
        return appended;
    }

    /** How many messages the body held. */
    public int total() {
        return total;
    }

    /** The UIDs of the appended messages (APPENDUID), or {@code null} when the server did not report them. */
    public List<Long> uids() {
        return uids;
    }

    @Override
    public String getMessage() {
        return "APPEND of message " + (appended + 1) + " of " + total + " to '" + folder + "' refused after " + appended
                + " were appended one by one (the server lacks MULTIAPPEND): " + super.getMessage();
    }
}
