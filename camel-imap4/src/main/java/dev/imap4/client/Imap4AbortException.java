package dev.imap4.client;

import java.util.List;

/**
 * imaplib's {@code IMAP4.abort}: BYE, a protocol error or an I/O failure. The connection is unusable
 * afterwards; open a new one. Carries the last exchanges of the connection, with secrets redacted.
 */
public class Imap4AbortException extends Imap4Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> recentExchanges;

    public Imap4AbortException(String message) {
        this(message, null, List.of());
    }

    public Imap4AbortException(String message, Throwable cause, List<String> recentExchanges) {
        super(withHistory(message, recentExchanges), cause);
        this.recentExchanges = List.copyOf(recentExchanges);
    }

    /** The last lines sent and received before the abort, oldest first, secrets redacted. */
    public List<String> recentExchanges() {
        return recentExchanges;
    }

    private static String withHistory(String message, List<String> history) {
        if (history == null || history.isEmpty()) {
            return message;
        }
        return message + System.lineSeparator() + "last exchanges:" + System.lineSeparator() + "  "
                + String.join(System.lineSeparator() + "  ", history);
    }
}
