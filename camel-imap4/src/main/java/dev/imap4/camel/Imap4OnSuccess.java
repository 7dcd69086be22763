package dev.imap4.camel;

/** What the consumer does with a message once its exchange completed successfully. */
public enum Imap4OnSuccess {
    /** Set \Seen. */
    SEEN,
    /** Set \Seen and \Deleted, and expunge (see expungeMode). */
    DELETE,
    /** Move to moveTo (MOVE, or COPY + \Deleted + UID EXPUNGE). */
    MOVE,
    /** Copy to copyTo and leave the original as it is. */
    COPY,
    /**
     * Leave the message exactly as it is; it is not delivered again while the consumer runs (use
     * incremental mode or an idempotent repository to skip it after a restart too).
     */
    NONE
}
