package dev.imap4.client;

/**
 * imaplib's {@code IMAP4.error}: the server answered NO or BAD, or the client was misused
 * (a command in the wrong state, an argument that cannot be sent). The connection is still usable.
 */
public class Imap4Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Imap4Exception(String message) {
        super(message);
    }

    public Imap4Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
