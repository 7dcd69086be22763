package dev.imap4.client.internal.parse;

import dev.imap4.client.types.Quota;
import dev.imap4.client.types.QuotaResource;
import dev.imap4.client.types.QuotaRoot;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.ArrayList;
import java.util.List;

/** QUOTA and QUOTAROOT response data (RFC 2087 §5, RFC 9208 §5). Values are 64-bit (Gmail exceeds 2^32). */
public final class QuotaParser {

    private QuotaParser() {
    }

    /**
     * Reads {@code SP quota-root-name SP "(" [quota-resource *(SP quota-resource)] ")"}, each resource
     * {@code atom SP usage SP limit}: {@code in} stands right after the word QUOTA.
     */
    public static Quota parseQuota(ImapInput in) {
        in.sp();
        String root = in.astring("quota-root-name");
        if (in.atLineEnd()) {
            // Courier-IMAP with no quota set ends the line after the root name, without "()": no resources
            return new Quota(root, List.of());
        }
        in.sp();
        if (!in.peekIs('(')) {
            throw in.error("quota_list", "'('");
        }
        in.listStart("quota_list");
        List<QuotaResource> resources = new ArrayList<>();
        while (true) {
            in.maybeSp();
            if (in.listEnd()) {
                return new Quota(root, resources);
            }
            String name = Lex.upper(in.atom());
            in.sp();
            long usage = in.number();
            in.sp();
            long limit = in.number();
            resources.add(new QuotaResource(name, usage, limit));
        }
    }

    /**
     * Reads {@code SP mailbox *(SP quota-root-name)}: {@code in} stands right after the word QUOTAROOT.
     */
    public static QuotaRoot parseQuotaRoot(ImapInput in) {
        in.sp();
        String mailbox = Lex.mailbox(in, "mailbox");
        List<String> roots = new ArrayList<>();
        while (in.maybeSp() && !in.atLineEnd()) {
            roots.add(in.astring("quota-root-name"));
        }
        return new QuotaRoot(mailbox, roots);
    }
}
