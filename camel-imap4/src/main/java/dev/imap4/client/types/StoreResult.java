package dev.imap4.client.types;

import java.util.List;

/**
 * The answer to STORE: the FETCH responses with the new flags (empty with {@code .SILENT}), and
 * under CONDSTORE the messages not changed because their mod-sequence was above UNCHANGEDSINCE
 * (RFC 7162 §3.1.3 MODIFIED), or null.
 */
public record StoreResult(List<FetchResponse> updates, NumberSet modified) {
    public StoreResult {
        updates = List.copyOf(updates);
    }
}
