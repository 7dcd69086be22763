package dev.imap4.camel;

/** When messages the consumer deleted are expunged. */
public enum Imap4ExpungeMode {
    /** UID EXPUNGE right after each message is flagged \Deleted. */
    IMMEDIATE,
    /** One UID EXPUNGE for all messages deleted during a poll, at its end. */
    BATCH,
    /** Never: messages stay flagged \Deleted until another client expunges. */
    NONE
}
