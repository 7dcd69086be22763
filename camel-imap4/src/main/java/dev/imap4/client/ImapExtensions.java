package dev.imap4.client;

import dev.imap4.client.internal.command.AclCommand;
import dev.imap4.client.internal.command.EnableCommand;
import dev.imap4.client.internal.command.IdCommand;
import dev.imap4.client.internal.command.NamespaceCommand;
import dev.imap4.client.internal.command.QuotaCommand;
import dev.imap4.client.internal.command.ThreadCommand;
import dev.imap4.client.internal.engine.CommandEngine;
import dev.imap4.client.types.Acl;
import dev.imap4.client.types.ListRights;
import dev.imap4.client.types.MyRights;
import dev.imap4.client.types.Namespaces;
import dev.imap4.client.types.Quota;
import dev.imap4.client.types.QuotaRoot;
import dev.imap4.client.types.ThreadNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        return engine.execute(new NamespaceCommand());
    }

    /**
     * ENABLE the given extensions; returns those the server reported enabled. Some servers (iCloud)
     * send no ENABLED response at all: then the set is empty.
     */
    public Set<String> enable(String... capabilities) {
        client.require("ENABLE");
        return engine.execute(new EnableCommand(capabilities));
    }

    /** ID: sends our parameters (null for NIL) and returns the server's. */
    public Map<String, String> id(Map<String, String> clientParameters) {
        client.require("ID");
        return engine.execute(new IdCommand(clientParameters));
    }

    /** GETQUOTA for a quota root. */
    public List<Quota> getQuota(String root) {
        client.require("QUOTA");
        return engine.execute(QuotaCommand.getQuota(root));
    }

    /** GETQUOTAROOT: the mailbox's quota roots and each root's quota. */
    public QuotaRootResult getQuotaRoot(String mailbox) {
        client.require("QUOTA");
        QuotaCommand.Roots r = engine.execute(QuotaCommand.getQuotaRoot(mailbox, client.encode(mailbox)));
        return new QuotaRootResult(r.root(), r.quotas());
    }

    /** The answer to GETQUOTAROOT. */
    public record QuotaRootResult(QuotaRoot root, List<Quota> quotas) {
    }

    /** SETQUOTA, e.g. {@code setQuota("", Map.of("STORAGE", 512L))}; returns the new quota. */
    public List<Quota> setQuota(String root, Map<String, Long> limits) {
        client.require("QUOTA");
        return engine.execute(QuotaCommand.setQuota(root, limits));
    }

    /** GETACL. */
    public Acl getAcl(String mailbox) {
        client.require("ACL");
        return engine.execute(AclCommand.getAcl(mailbox, client.encode(mailbox)));
    }

    /** SETACL: {@code rights} like {@code lrs}, or {@code +w} / {@code -w} to add or remove. */
    public void setAcl(String mailbox, String identifier, String rights) {
        client.require("ACL");
        engine.execute(AclCommand.setAcl(client.encode(mailbox), identifier, rights));
    }

    /** DELETEACL: removes every right of {@code identifier} on the mailbox. */
    public void deleteAcl(String mailbox, String identifier) {
        client.require("ACL");
        engine.execute(AclCommand.deleteAcl(client.encode(mailbox), identifier));
    }

    /** MYRIGHTS. */
    public MyRights myRights(String mailbox) {
        client.require("ACL");
        return engine.execute(AclCommand.myRights(mailbox, client.encode(mailbox)));
    }

    /** LISTRIGHTS: the rights that may be granted to {@code identifier} on the mailbox. */
    public ListRights listRights(String mailbox, String identifier) {
        client.require("ACL");
        return engine.execute(AclCommand.listRights(mailbox, client.encode(mailbox), identifier));
    }

    /** UID THREAD (RFC 5256) with an algorithm the server lists, e.g. REFERENCES or ORDEREDSUBJECT. */
    public List<ThreadNode> uidThread(String algorithm, String charset, String criteria) {
        return thread(true, algorithm, charset, ImapUtil.splitArgs(criteria));
    }

    /** THREAD by sequence number ({@code uid} false) or UID; criteria tokens encoded as imaplib does. */
    public List<ThreadNode> thread(boolean uid, String algorithm, String charset, List<String> criteria) {
        client.require("THREAD=" + algorithm.toUpperCase(java.util.Locale.ROOT));
        return engine.execute(new ThreadCommand(uid, algorithm, charset, criteria));
    }
}
