package dev.imap4.client.types;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to an extended LIST (RFC 5258): the LIST responses in order and, under RFC 5819
 * LIST-STATUS, the STATUS response the server sent for each mailbox.
 *
 * @param entries  the LIST responses, in order
 * @param statuses STATUS responses by decoded mailbox name; empty when none were asked for
 */
public record ListResult(List<ListEntry> entries, Map<String, MailboxStatus> statuses) {

    public ListResult {
        entries = List.copyOf(entries);
        statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
    }

    /**
     * The STATUS sent for the mailbox (decoded name), or {@code null}: none asked for, or the mailbox
     * is not selectable.
     */
    public MailboxStatus status(String mailbox) {
        return statuses.get(mailbox);
    }
}
