package dev.imap4.camel;

import org.apache.camel.RuntimeCamelException;

/**
 * The consumer could not parse the server's FETCH response for one message, even fetched alone; its
 * cause is the client's protocol error. The consumer hands it to its exception handler (with
 * bridgeErrorHandler=true, to the route's error handler) on an exchange whose body is the message's
 * raw bytes when a plain {@code BODY.PEEK[]} of it could still be read, and null otherwise; the
 * message is then parked as onFailure says. See "A message that cannot be parsed" in the consumer docs.
 */
public class Imap4UnparseableMessageException extends RuntimeCamelException {
    private static final long serialVersionUID = 1L;

    private final String folder;
    private final long uidValidity;
    private final long uid;

    public Imap4UnparseableMessageException(String folder, long uidValidity, long uid, Throwable cause) {
        super("message UID " + uid + " (UIDVALIDITY " + uidValidity + ") in '" + folder + "' cannot be parsed: "
                + firstLine(cause), cause);
        this.folder = folder;
        this.uidValidity = uidValidity;
        this.uid = uid;
    }

    // the protocol error's message goes on with the last exchanges; the first line says what was wrong
    static String firstLine(Throwable cause) {
        String m = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }

    public String getFolder() {
        return folder;
    }

    public long getUidValidity() {
        return uidValidity;
    }

    public long getUid() {
        return uid;
    }
}
