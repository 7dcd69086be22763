package dev.imap4.camel;

import org.apache.camel.RuntimeCamelException;

/**
 * A poll failed for a reason worth reporting in a few words (for example "authentication failed"
 * or "cannot open folder 'INBOX'"): the consumer health check shows it as its {@code reason} detail.
 */
public class Imap4ConsumerException extends RuntimeCamelException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public Imap4ConsumerException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The short reason, e.g. {@code authentication failed}. */
    public String getReason() {
        return reason;
    }
}
