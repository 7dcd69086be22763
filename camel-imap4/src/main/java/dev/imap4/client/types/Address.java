package dev.imap4.client.types;

/**
 * One RFC 3501 §7.4.2 address structure: {@code (addr-name addr-adl addr-mailbox addr-host)}, each
 * {@code null} for NIL. RFC 5322 group syntax is carried by markers: a start-of-group address has a
 * {@code null} host and the group name as mailbox; an end-of-group address has both {@code null}.
 * Names are kept as sent; see {@link #decodedName()} for RFC 2047 decoding.
 *
 * @param name    the display name (addr-name)
 * @param adl     the obsolete source route (addr-adl)
 * @param mailbox the local part, or the group name in a start-of-group marker
 * @param host    the domain; {@code null} for group markers
 */
public record Address(String name, String adl, String mailbox, String host) {

    /** {@code mailbox@host}; {@code null} for group markers, which are not mail addresses. */
    public String email() {
        if (host == null) {
            return null;
        }
        return mailbox == null ? host : mailbox + "@" + host;
    }

    /** Whether this is the marker that opens an RFC 5322 group (its mailbox is the group name). */
    public boolean isGroupStart() {
        return host == null && mailbox != null;
    }

    /** Whether this is the marker that closes an RFC 5322 group. */
    public boolean isGroupEnd() {
        return host == null && mailbox == null;
    }

    /** The display name with RFC 2047 encoded-words decoded; {@code null} when there is none. */
    public String decodedName() {
        return EncodedWords.decodeEncodedWords(name);
    }

    @Override
    public String toString() {
        String email = email();
        if (email == null) {
            return isGroupStart() ? mailbox + ":" : ";";
        }
        return name == null ? "<" + email + ">" : name + " <" + email + ">";
    }
}
