package dev.imap4.client;

/**
 * imaplib's {@code IMAP4.readonly}: a mailbox selected for writing was reported READ-ONLY by the
 * server. Re-select it to regain write access.
 */
public class Imap4ReadOnlyException extends Imap4Exception {
    private static final long serialVersionUID = 1L;

    public Imap4ReadOnlyException(String message) {
        super(message);
    }
}
