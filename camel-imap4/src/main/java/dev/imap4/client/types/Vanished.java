package dev.imap4.client.types;

/**
 * A VANISHED response (RFC 7162 §3.2.10): UIDs expunged from the selected mailbox.
 *
 * @param earlier whether it answers a UID FETCH (VANISHED) or SELECT (QRESYNC) rather than reporting a
 *                new expunge
 * @param uids    the expunged UIDs
 */
public record Vanished(boolean earlier, NumberSet uids) {
}
