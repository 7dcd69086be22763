package dev.imap4.client.internal.command;

import dev.imap4.client.internal.parse.QuotaParser;
import dev.imap4.client.types.Quota;
import dev.imap4.client.types.QuotaRoot;
import dev.imap4.client.internal.wire.CommandWriter;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The QUOTA verbs (RFC 9208): GETQUOTA, GETQUOTAROOT and SETQUOTA, one factory each. They share
 * their responses (QUOTA, QUOTAROOT) and their parser, so they are one class rather than three.
 *
 * @param <R> the verb's typed result
 */
public final class QuotaCommand<R> extends DataCommand<R> {

    private QuotaCommand(String verb, Map<String, Function<ImapInput, ?>> parsers, Consumer<CommandWriter> args,
            Function<List<Object>, R> result) {
        super(verb, parsers, args, result);
    }

    /** GETQUOTA for a quota root: the QUOTA responses. */
    public static QuotaCommand<List<Quota>> getQuota(String root) {
        return new QuotaCommand<>("GETQUOTA", Map.of("QUOTA", QuotaParser::parseQuota), w -> w.astring(root),
                data -> all(data, Quota.class));
    }

    /**
     * GETQUOTAROOT for a mailbox: its quota roots (none listed when the server sends no QUOTAROOT)
     * and each root's quota.
     *
     * @param mailbox the name as the caller knows it (for the empty result)
     * @param encoded the name as sent, in modified UTF-7
     */
    public static QuotaCommand<Roots> getQuotaRoot(String mailbox, String encoded) {
        Map<String, Function<ImapInput, ?>> parsers = new LinkedHashMap<>();
        parsers.put("QUOTAROOT", QuotaParser::parseQuotaRoot);
        parsers.put("QUOTA", QuotaParser::parseQuota);
        return new QuotaCommand<>("GETQUOTAROOT", parsers, w -> w.astring(encoded),
                data -> new Roots(first(data, QuotaRoot.class, new QuotaRoot(mailbox, List.of())),
                        all(data, Quota.class)));
    }

    /** SETQUOTA, e.g. {@code setQuota("", Map.of("STORAGE", 512L))}: the new quota. */
    public static QuotaCommand<List<Quota>> setQuota(String root, Map<String, Long> limits) {
        Map<String, Long> copy = new LinkedHashMap<>(limits);
        return new QuotaCommand<>("SETQUOTA", Map.of("QUOTA", QuotaParser::parseQuota), w -> {
            w.astring(root);
            w.openList();
            for (Map.Entry<String, Long> e : copy.entrySet()) {
                w.atom(e.getKey());
                w.number(e.getValue());
            }
            w.closeList();
        }, data -> all(data, Quota.class));
    }

    /** GETQUOTA in imaplib's raw form. */
    public static RawCommand rawGetQuota(String root) {
        return new RawCommand("GETQUOTA").arg(root).answeredBy("QUOTA");
    }

    /** GETQUOTAROOT in imaplib's raw form: answered by QUOTAROOT, and QUOTA for each root. */
    public static RawCommand rawGetQuotaRoot(String mailbox) {
        return new RawCommand("GETQUOTAROOT").arg(mailbox).answeredBy("QUOTAROOT");
    }

    /** SETQUOTA in imaplib's raw form: {@code limits} like {@code (STORAGE 512)}, sent as given. */
    public static RawCommand rawSetQuota(String root, String limits) {
        return new RawCommand("SETQUOTA").args(root, limits).answeredBy("QUOTA");
    }

    /** The answer to GETQUOTAROOT. */
    public record Roots(QuotaRoot root, List<Quota> quotas) {
    }
}
