package dev.imap4.client.types;

import java.util.List;

/**
 * What an EXPUNGE, UID EXPUNGE or MOVE removed: the EXPUNGE sequence numbers in the order received
 * (each relative to the mailbox at that moment, as RFC 3501 §7.4.1 defines), and the UIDs reported
 * by VANISHED under QRESYNC (RFC 7162 §3.2.10), if any.
 */
public record ExpungeResult(List<Long> sequenceNumbers, NumberSet vanished) {
    public ExpungeResult {
        sequenceNumbers = List.copyOf(sequenceNumbers);
    }

    /** How many messages were removed. */
    public long count() {
        return vanished != null && !vanished.isEmpty() ? vanished.toList().size() : sequenceNumbers.size();
    }
}
