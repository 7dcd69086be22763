package dev.imap4.client.types;

import java.util.List;

/**
 * What SELECT or EXAMINE with QRESYNC (RFC 7162 §3.2.5) reported.
 *
 * @param mailbox  the mailbox as a plain SELECT reports it
 * @param vanished the UIDs expunged since the given modification sequence (VANISHED (EARLIER)), as
 *                 ranges, never expanded; empty when none (or when the UIDVALIDITY given no longer
 *                 holds, and the server said nothing)
 * @param changed  the messages whose flags changed since, in the server's order
 */
public record QresyncResult(MailboxState mailbox, NumberSet vanished, List<FlagChange> changed) {

    public QresyncResult {
        changed = List.copyOf(changed);
    }

    /** Whether the server resynchronised: the UIDVALIDITY given is the mailbox's. */
    public boolean resynchronised(QresyncParameters given) {
        return given != null && given.uidValidity() == mailbox.uidValidity();
    }
}
