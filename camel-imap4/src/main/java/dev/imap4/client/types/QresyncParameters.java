package dev.imap4.client.types;

/**
 * What a client remembers of a mailbox to resynchronise it with SELECT or EXAMINE {@code (QRESYNC
 * (uidvalidity modseq [known-uids]))} (RFC 7162 §3.2.5): the server then reports the messages
 * expunged since (VANISHED (EARLIER)) and the flags changed since (FETCH).
 *
 * @param uidValidity the mailbox's UIDVALIDITY when the client last synchronised (1 to 2^32-1)
 * @param modSeq      the HIGHESTMODSEQ it had then (positive)
 * @param knownUids   the UIDs the client knows, to limit the VANISHED report to them, or null for all
 */
public record QresyncParameters(long uidValidity, long modSeq, NumberSet knownUids) {

    public QresyncParameters {
        if (uidValidity < 1 || uidValidity > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("uidValidity must be 1..4294967295, not " + uidValidity);
        }
        if (modSeq < 1) {
            throw new IllegalArgumentException("modSeq must be positive, not " + modSeq);
        }
        if (knownUids != null && (!knownUids.isUid() || knownUids.isEmpty()
                || knownUids.ranges().stream().anyMatch(r -> r.from() == NumberSet.STAR || r.to() == NumberSet.STAR))) {
            throw new IllegalArgumentException("knownUids must be a non-empty UID set without '*': " + knownUids);
        }
    }
}
