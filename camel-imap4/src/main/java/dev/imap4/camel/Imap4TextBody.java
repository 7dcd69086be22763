package dev.imap4.camel;

/** Which text of a message becomes the exchange body (option textBody). */
public enum Imap4TextBody {
    /** The body stays the raw message (or whatever fetchContent gives). */
    NONE,
    /** The text/plain part, else the text/html part, decoded to a String. */
    PLAIN,
    /** The text/html part, else the text/plain part, decoded to a String. */
    HTML
}
