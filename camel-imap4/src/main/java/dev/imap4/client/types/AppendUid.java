package dev.imap4.client.types;

/**
 * The APPENDUID response code (RFC 4315 §3): the UIDVALIDITY of the destination and the UIDs the
 * appended messages received (one, or several after MULTIAPPEND).
 */
public record AppendUid(long uidValidity, NumberSet uids) {

    /** The UID of the first (usually only) appended message. */
    public long uid() {
        return uids.ranges().get(0).from();
    }
}
