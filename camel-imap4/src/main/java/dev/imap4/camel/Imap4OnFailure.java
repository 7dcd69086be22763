package dev.imap4.camel;

/**
 * What the consumer does with a message whose exchange failed, and with one whose FETCH response
 * cannot be parsed (parked at once: NONE leaves it and no later poll fetches it again while the
 * consumer runs, FLAG flags it, MOVE moves it without waiting for maxFailedAttempts).
 */
public enum Imap4OnFailure {
    /** Leave it exactly as it was: unseen, not deleted; the next poll delivers it again. */
    NONE,
    /** Set failureFlag (for example $Failed); the consumer's search leaves flagged messages out, so it is not retried. */
    FLAG,
    /** Move it to errorFolder once it has failed maxFailedAttempts times. */
    MOVE
}
