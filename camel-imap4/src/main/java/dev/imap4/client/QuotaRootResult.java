package dev.imap4.client;

import java.util.List;

/**
 * imaplib's GETQUOTAROOT result {@code (typ, [quotaroot, quota])}: the QUOTAROOT data and the
 * QUOTA data, each a list of items as in {@link ImapResult}.
 */
public record QuotaRootResult(String type, List<ImapData> quotaRoot, List<ImapData> quota) {
}
