package dev.imap4.client.types;

import java.util.List;

/**
 * What SELECT or EXAMINE reported about a mailbox (RFC 3501 §6.3.1, RFC 7162 §3.1.2).
 *
 * @param name           the mailbox as the caller named it
 * @param exists         number of messages
 * @param recent         number of \Recent messages
 * @param uidValidity    UIDVALIDITY; 0 when the server sent none (or sent 0, a known quirk)
 * @param uidNext        predicted next UID; 0 when unknown
 * @param unseen         sequence number of the first unseen message, or null
 * @param flags          flags defined in the mailbox
 * @param permanentFlags flags the client can change permanently; {@code \*} means new keywords
 * @param readOnly       whether the server opened it read-only
 * @param highestModSeq  HIGHESTMODSEQ under CONDSTORE, or null (also null after NOMODSEQ)
 * @param mailboxId      MAILBOXID (RFC 8474 §4.1, OBJECTID), or null when not sent
 */
public record MailboxState(String name, long exists, long recent, long uidValidity, long uidNext, Long unseen,
        List<String> flags, List<String> permanentFlags, boolean readOnly, Long highestModSeq, String mailboxId) {

    public MailboxState {
        flags = List.copyOf(flags);
        permanentFlags = List.copyOf(permanentFlags);
    }

    /** Without a MAILBOXID. */
    public MailboxState(String name, long exists, long recent, long uidValidity, long uidNext, Long unseen,
            List<String> flags, List<String> permanentFlags, boolean readOnly, Long highestModSeq) {
        this(name, exists, recent, uidValidity, uidNext, unseen, flags, permanentFlags, readOnly, highestModSeq, null);
    }
}
