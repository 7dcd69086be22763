package dev.imap4.camel;

/** What the consumer's idempotent repository is keyed on. */
public enum Imap4IdempotentKey {
    /** {@code folder/UIDVALIDITY/UID}: one message in one folder. */
    UID,
    /** {@code EMAILID/<id>} (RFC 8474 OBJECTID): the same message in every folder it is copied or moved to. */
    EMAILID
}
