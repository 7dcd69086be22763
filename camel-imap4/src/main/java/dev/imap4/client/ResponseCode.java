package dev.imap4.client;

import dev.imap4.client.types.AppendUid;
import dev.imap4.client.types.CopyUid;
import dev.imap4.client.types.NumberSet;
import java.util.List;

/**
 * The typed data of a response code ({@code [CODE data]}, RFC 3501 §7.1 resp-text-code), parsed once
 * from the response as it was read. Data that does not match its code's grammar is kept as the error
 * it caused, and that error is thrown only when the data is asked for: a malformed code the client
 * never uses costs nothing, as with a server's unknown codes.
 */
public final class ResponseCode {

    /** A response without a code, with a code that carries no data, or with a code the client does not type. */
    public static final ResponseCode NONE = new ResponseCode(null, null, null);

    /** COPYUID with the UID validity alone: no mapping reported. */
    private static final Object NO_MAPPING = new Object();

    private final String name;
    private final Object value;
    private final ImapProtocolException error;

    private ResponseCode(String name, Object value, ImapProtocolException error) {
        this.name = name;
        this.value = value;
        this.error = error;
    }

    /** A code sent without data: asking for its data is an error naming the code. */
    public static ResponseCode withoutData(String name) {
        return new ResponseCode(name, null, null);
    }

    /** Numeric data: UIDNEXT, UIDVALIDITY, UNSEEN, HIGHESTMODSEQ. */
    public static ResponseCode ofNumber(String name, long value) {
        return new ResponseCode(name, value, null);
    }

    /** PERMANENTFLAGS' flag list, {@code \*} included. */
    public static ResponseCode ofFlags(String name, List<String> flags) {
        return new ResponseCode(name, List.copyOf(flags), null);
    }

    /** APPENDUID's data. */
    public static ResponseCode ofAppendUid(AppendUid appendUid) {
        return new ResponseCode("APPENDUID", appendUid, null);
    }

    /** COPYUID's data; {@code null} when the server sent the UID validity alone (Exchange). */
    public static ResponseCode ofCopyUid(CopyUid copyUid) {
        return new ResponseCode("COPYUID", copyUid == null ? NO_MAPPING : copyUid, null);
    }

    /** MODIFIED's set (RFC 7162 §3.1.3). */
    public static ResponseCode ofModified(NumberSet set) {
        return new ResponseCode("MODIFIED", set, null);
    }

    /** Data that broke its code's grammar: {@code error} is thrown when the data is asked for. */
    public static ResponseCode malformed(String name, ImapProtocolException error) {
        return new ResponseCode(name, null, error);
    }

    /** RFC 3501 §7.1 UIDNEXT, UIDVALIDITY, UNSEEN; RFC 7162 HIGHESTMODSEQ: the number. */
    public long number() {
        return value(Long.class);
    }

    /** RFC 3501 §7.1 PERMANENTFLAGS: the flags, {@code \*} included. */
    @SuppressWarnings("unchecked")
    public List<String> permanentFlags() {
        return value(List.class);
    }

    /** RFC 4315 §3 APPENDUID. */
    public AppendUid appendUid() {
        return value(AppendUid.class);
    }

    /** RFC 4315 §3 COPYUID; {@code null} when the server reported no mapping. */
    public CopyUid copyUid() {
        return value(Object.class) == NO_MAPPING ? null : value(CopyUid.class);
    }

    /** RFC 7162 §3.1.3 MODIFIED: the set, as UIDs after UID STORE ({@code uid}) or sequence numbers. */
    public NumberSet modified(boolean uid) {
        return value(NumberSet.class).withUid(uid);
    }

    private <T> T value(Class<T> type) {
        if (error != null) {
            throw new ImapProtocolException(error.getMessage());
        }
        if (!type.isInstance(value)) {
            throw new ImapProtocolException("in resp-text-code: expected data after "
                    + (name == null ? "the response code" : name) + ", got none");
        }
        return type.cast(value);
    }

    @Override
    public String toString() {
        return name == null ? "none" : name + (error != null ? " (malformed)" : " " + value);
    }
}
