package dev.imap4.camel;

/**
 * A message whose MIME structure or content the options cannot map: a malformed multipart, a text
 * larger than textBodyMaxSize, a duplicate attachment name with failOnDuplicateFileAttachment. It
 * fails that message's exchange only (onFailure applies); the other messages flow.
 */
public class Imap4MimeException extends Exception {

    private static final long serialVersionUID = 1L;

    public Imap4MimeException(String message) {
        super(message);
    }

    public Imap4MimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
