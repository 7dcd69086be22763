package dev.imap4.client;

import dev.imap4.client.command.DataCommand;
import dev.imap4.client.command.ImapArgs;
import dev.imap4.client.command.SimpleCommand;
import dev.imap4.client.engine.CommandEngine;
import dev.imap4.client.parse.AclParser;
import dev.imap4.client.parse.EnabledParser;
import dev.imap4.client.parse.IdParser;
import dev.imap4.client.parse.NamespaceParser;
import dev.imap4.client.parse.QuotaParser;
import dev.imap4.client.parse.ThreadParser;
import dev.imap4.client.types.Acl;
import dev.imap4.client.types.MyRights;
import dev.imap4.client.types.Namespaces;
import dev.imap4.client.types.Quota;
import dev.imap4.client.types.QuotaRoot;
import dev.imap4.client.types.ThreadNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import dev.imap4.client.wire.ImapInput;

/**
 * Typed extension commands over an {@link ImapClient}'s connection: NAMESPACE (RFC 2342), ENABLE
 * (RFC 5161), ID (RFC 2971), QUOTA (RFC 9208), ACL (RFC 4314) and THREAD (RFC 5256). Each checks
 * the capability first, so a missing extension is a clear client-side error, not a BAD.
 */
public final class ImapExtensions {

    private final ImapClient client;
    private final CommandEngine engine;

    ImapExtensions(ImapClient client) {
        this.client = client;
        this.engine = client.engine();
    }

    /** NAMESPACE; Exchange may answer BAD, which raises {@link Imap4CommandException}. */
    public Namespaces namespace() {
        client.require("NAMESPACE");
        List<Namespaces> r = engine.execute(new DataCommand<Namespaces>("NAMESPACE", w -> { },
                Map.of("NAMESPACE", NamespaceParser::parse)));
        return r.isEmpty() ? new Namespaces(List.of(), List.of(), List.of()) : r.get(0);
    }

    /**
     * ENABLE the given extensions; returns those the server reported enabled. Some servers (iCloud)
     * send no ENABLED response at all: then the set is empty.
     */
    public Set<String> enable(String... capabilities) {
        client.require("ENABLE");
        List<Set<String>> r = engine.execute(new DataCommand<Set<String>>("ENABLE", w -> {
            for (String c : capabilities) {
                w.atom(c);
            }
        }, Map.of("ENABLED", EnabledParser::parse)));
        Set<String> all = new LinkedHashSet<>();
        r.forEach(all::addAll);
        return all;
    }

    /** ID: sends our parameters (null for NIL) and returns the server's. */
    public Map<String, String> id(Map<String, String> clientParameters) {
        client.require("ID");
        List<Map<String, String>> r = engine.execute(new DataCommand<Map<String, String>>("ID", w -> {
            if (clientParameters == null || clientParameters.isEmpty()) {
                w.raw("NIL");
                return;
            }
            w.openList();
            for (Map.Entry<String, String> e : clientParameters.entrySet()) {
                w.string(e.getKey());
                if (e.getValue() == null) {
                    w.raw("NIL");
                } else {
                    w.string(e.getValue());
                }
            }
            w.closeList();
        }, Map.of("ID", IdParser::parse)));
        return r.isEmpty() ? Map.of() : r.get(0);
    }

    /** GETQUOTA for a quota root. */
    public List<Quota> getQuota(String root) {
        client.require("QUOTA");
        return engine.execute(new DataCommand<Quota>("GETQUOTA", w -> w.astring(root),
                Map.of("QUOTA", QuotaParser::parseQuota)));
    }

    /** GETQUOTAROOT: the mailbox's quota roots and each root's quota. */
    public QuotaRootResult getQuotaRoot(String mailbox) {
        client.require("QUOTA");
        Map<String, Function<ImapInput, ?>> parsers = new LinkedHashMap<>();
        parsers.put("QUOTAROOT", QuotaParser::parseQuotaRoot);
        parsers.put("QUOTA", QuotaParser::parseQuota);
        List<Object> r = engine.execute(new DataCommand<Object>("GETQUOTAROOT", w -> w.astring(client.encode(mailbox)),
                parsers));
        QuotaRoot root = null;
        List<Quota> quotas = new ArrayList<>();
        for (Object o : r) {
            if (o instanceof QuotaRoot q) {
                root = q;
            } else if (o instanceof Quota q) {
                quotas.add(q);
            }
        }
        return new QuotaRootResult(root == null ? new QuotaRoot(mailbox, List.of()) : root, quotas);
    }

    /** The answer to GETQUOTAROOT. */
    public record QuotaRootResult(QuotaRoot root, List<Quota> quotas) {
    }

    /** SETQUOTA, e.g. {@code setQuota("", Map.of("STORAGE", 512L))}; returns the new quota. */
    public List<Quota> setQuota(String root, Map<String, Long> limits) {
        client.require("QUOTA");
        return engine.execute(new DataCommand<Quota>("SETQUOTA", w -> {
            w.astring(root);
            w.openList();
            for (Map.Entry<String, Long> e : limits.entrySet()) {
                w.atom(e.getKey());
                w.number(e.getValue());
            }
            w.closeList();
        }, Map.of("QUOTA", QuotaParser::parseQuota)));
    }

    /** GETACL. */
    public Acl getAcl(String mailbox) {
        client.require("ACL");
        List<Acl> r = engine.execute(new DataCommand<Acl>("GETACL", w -> w.astring(client.encode(mailbox)),
                Map.of("ACL", AclParser::parseAcl)));
        return r.isEmpty() ? new Acl(mailbox, List.of()) : r.get(0);
    }

    /** SETACL: {@code rights} like {@code lrs}, or {@code +w} / {@code -w} to add or remove. */
    public void setAcl(String mailbox, String identifier, String rights) {
        client.require("ACL");
        engine.execute(SimpleCommand.of("SETACL", client.encode(mailbox), identifier, rights));
    }

    public void deleteAcl(String mailbox, String identifier) {
        client.require("ACL");
        engine.execute(SimpleCommand.of("DELETEACL", client.encode(mailbox), identifier));
    }

    /** MYRIGHTS. */
    public MyRights myRights(String mailbox) {
        client.require("ACL");
        List<MyRights> r = engine.execute(new DataCommand<MyRights>("MYRIGHTS", w -> w.astring(client.encode(mailbox)),
                Map.of("MYRIGHTS", AclParser::parseMyRights)));
        return r.isEmpty() ? new MyRights(mailbox, "") : r.get(0);
    }

    /** UID THREAD (RFC 5256) with an algorithm the server lists, e.g. REFERENCES or ORDEREDSUBJECT. */
    public List<ThreadNode> uidThread(String algorithm, String charset, String criteria) {
        return thread(true, algorithm, charset, ImapArgs.split(criteria));
    }

    /** THREAD by sequence number ({@code uid} false) or UID; criteria tokens encoded as imaplib does. */
    public List<ThreadNode> thread(boolean uid, String algorithm, String charset, List<String> criteria) {
        client.require("THREAD=" + algorithm.toUpperCase(java.util.Locale.ROOT));
        List<List<ThreadNode>> r = engine.execute(new DataCommand<List<ThreadNode>>(uid ? "UID THREAD" : "THREAD", w -> {
            w.atom(algorithm);
            w.atom(charset);
            for (String token : criteria) {
                ImapArgs.write(w, token);
            }
        }, Map.of("THREAD", ThreadParser::parse)));
        return r.isEmpty() ? List.of() : r.get(0);
    }
}
