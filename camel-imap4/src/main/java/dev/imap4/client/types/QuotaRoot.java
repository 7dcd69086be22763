package dev.imap4.client.types;

import java.util.List;

/** A QUOTAROOT response (RFC 2087 / RFC 9208): a mailbox and the quota roots that apply to it. */
public record QuotaRoot(String mailbox, List<String> roots) {

    public QuotaRoot {
        roots = List.copyOf(roots);
    }
}
