package dev.imap4.client.types;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A STATUS response (RFC 3501 §7.2.4, plus RFC 7162 HIGHESTMODSEQ, RFC 8438 SIZE and others).
 *
 * @param mailbox the mailbox name, decoded from modified UTF-7, or as sent (UTF-8) under UTF8=ACCEPT
 * @param items   the numeric status items by upper-case name
 * @param other   items whose value is not a number (e.g. RFC 8474 MAILBOXID), as wire text
 */
public record MailboxStatus(String mailbox, Map<String, Long> items, Map<String, String> other) {

    public MailboxStatus {
        items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
        other = other == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(other));
    }

    /** A status with numeric items only. */
    public MailboxStatus(String mailbox, Map<String, Long> items) {
        this(mailbox, items, Map.of());
    }

    /** MESSAGES, or {@code null} when not sent. */
    public Long messages() {
        return items.get("MESSAGES");
    }

    /** RECENT, or {@code null} when not sent. */
    public Long recent() {
        return items.get("RECENT");
    }

    /** UIDNEXT, or {@code null} when not sent. */
    public Long uidNext() {
        return items.get("UIDNEXT");
    }

    /** UIDVALIDITY, or {@code null} when not sent. */
    public Long uidValidity() {
        return items.get("UIDVALIDITY");
    }

    /** UNSEEN, or {@code null} when not sent. */
    public Long unseen() {
        return items.get("UNSEEN");
    }

    /** HIGHESTMODSEQ (RFC 7162), or {@code null} when not sent. */
    public Long highestModSeq() {
        return items.get("HIGHESTMODSEQ");
    }

    /** MAILBOXID (RFC 8474 §4), or {@code null} when not sent. */
    public String mailboxId() {
        return ObjectId.parse(other.get("MAILBOXID"));
    }

    /** SIZE (RFC 8438), or {@code null} when not sent. */
    public Long size() {
        return items.get("SIZE");
    }
}
