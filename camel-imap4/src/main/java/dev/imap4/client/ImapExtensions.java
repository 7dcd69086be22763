package dev.imap4.client;

import dev.imap4.client.internal.command.AclCommand;
import dev.imap4.client.internal.command.EnableCommand;
import dev.imap4.client.internal.command.IdCommand;
import dev.imap4.client.internal.command.MetadataCommand;
import dev.imap4.client.internal.command.NamespaceCommand;
import dev.imap4.client.internal.command.NotifyCommand;
import dev.imap4.client.internal.command.QuotaCommand;
import dev.imap4.client.internal.command.ThreadCommand;
import dev.imap4.client.internal.engine.CommandEngine;
import dev.imap4.client.types.Acl;
import dev.imap4.client.types.ListRights;
import dev.imap4.client.types.Metadata;
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
     * send no ENABLED response at all: then the set is empty. An ENABLED UTF8=ACCEPT switches this
     * connection's mailbox names to UTF-8 (RFC 6855 §3), as the automatic ENABLE does.
     */
    public Set<String> enable(String... capabilities) {
        client.require("ENABLE");
        Set<String> enabled = engine.execute(new EnableCommand(capabilities));
        if (EnableCommand.enablesUtf8(enabled)) {
            engine.utf8Accept(true);
        }
        return enabled;
    }

    /**
     * NOTIFY SET (RFC 5465): asks the server to report {@code events} (MessageNew, MessageExpunge,
     * FlagChange...) in {@code mailboxes} and, with {@code selected}, in the selected mailbox. The
     * reports arrive unsolicited (STATUS for other mailboxes; EXISTS, EXPUNGE or VANISHED and FETCH
     * for the selected one), for example while {@link ImapClient#idle} waits, and go to the
     * unsolicited listeners. Dovecot 2.3 offers NOTIFY. RFC 5465 §5.1: MessageNew needs
     * MessageExpunge for the selected mailbox, and the server answers NO [BADEVENT] for events it
     * does not support.
     */
    public void notifySet(boolean selected, List<String> mailboxes, List<String> events) {
        client.require("NOTIFY");
        engine.execute(NotifyCommand.set(selected, mailboxes.stream().map(client::encode).toList(), events));
    }

    /** NOTIFY NONE: the server stops reporting events. */
    public void notifyNone() {
        client.require("NOTIFY");
        engine.execute(NotifyCommand.none());
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

    /**
     * Gmail's search syntax through {@code X-GM-RAW} (X-GM-EXT-1), e.g.
     * {@code gmailSearch("has:attachment older_than:2d")}: the UIDs of the selected mailbox that
     * match. The query always travels as one string (quoted, or a UTF-8 literal with
     * {@code CHARSET UTF-8} when it is not ASCII), so nothing in it can change the command.
     */
    public dev.imap4.client.types.SearchResult gmailSearch(String query) {
        client.require("X-GM-EXT-1");
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("an X-GM-RAW query must not be empty");
        }
        boolean ascii = query.chars().allMatch(c -> c < 0x80);
        String token;
        if (ascii) {
            token = "\"" + query.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        } else {
            // a leading space keeps imaplib's rule from taking "(...)" or "\"...\"" as pre-formatted text,
            // so the query goes as a literal; Gmail ignores the space
            token = query.startsWith("(") || query.startsWith("\"") ? " " + query : query;
        }
        return client.search(true, ascii ? null : "UTF-8", List.of("X-GM-RAW", token));
    }

    /**
     * GETMETADATA's MAXSIZE when the caller gives none: 1 MiB. A larger value is left out and its
     * size reported in {@link Metadata#longEntries()}, so a hostile or careless annotation never
     * costs more than this (values are held as text, below the spool threshold).
     */
    public static final long DEFAULT_METADATA_MAXSIZE = 1024 * 1024;

    /**
     * GETMETADATA (RFC 5464 §4.2) of the mailbox ({@code ""} for the server's own annotations) with
     * MAXSIZE {@link #DEFAULT_METADATA_MAXSIZE} and the entries alone.
     */
    public Metadata getMetadata(String mailbox, String... entries) {
        return getMetadata(mailbox, List.of(entries), DEFAULT_METADATA_MAXSIZE, null);
    }

    /**
     * GETMETADATA with MAXSIZE ({@code null}: {@link #DEFAULT_METADATA_MAXSIZE}) and DEPTH
     * ({@code null}: the entries alone). Needs METADATA, or METADATA-SERVER for {@code ""}; entry
     * names are checked before anything is sent.
     */
    public Metadata getMetadata(String mailbox, List<String> entries, Long maxSize, Metadata.Depth depth) {
        requireMetadata(mailbox);
        long max = maxSize == null ? DEFAULT_METADATA_MAXSIZE : maxSize;
        if (max < 0) {
            throw new IllegalArgumentException("MAXSIZE must not be negative: " + max);
        }
        Metadata m = engine.execute(MetadataCommand.get(mailbox, encodeOrServer(mailbox), entries, max, depth));
        StatusResponse ok = engine.lastTagged();
        Long longEntries = null;
        if (ok != null && "METADATA".equals(ok.code()) && ok.codeData() != null) {
            String[] w = ok.codeData().trim().split("\\s+");
            if (w.length == 2 && w[0].equalsIgnoreCase("LONGENTRIES") && w[1].matches("[0-9]{1,18}")) {
                longEntries = Long.parseLong(w[1]);
            }
        }
        return new Metadata(m.mailbox(), m.entries(), longEntries);
    }

    /**
     * SETMETADATA (RFC 5464 §4.3): sets each entry to its value, or removes it for {@code null}. The
     * server refuses with {@code NO [METADATA MAXSIZE n]}, {@code [METADATA TOOMANY]} or
     * {@code [METADATA NOPRIVATE]}, raised as {@link Imap4CommandException} with the code.
     */
    public void setMetadata(String mailbox, Map<String, String> values) {
        requireMetadata(mailbox);
        engine.execute(MetadataCommand.set(mailbox, encodeOrServer(mailbox), values));
    }

    /**
     * Stores a search program under a filter name (RFC 5466 FILTERS, §3.1): the server annotation
     * {@code /private/filters/values/<name>} set to {@code program}, IMAP search syntax such as
     * {@code UNSEEN FROM "billing"}, which {@code SearchKey.filter(name)} then names in a search;
     * {@code null} removes the filter. Refused before anything is sent without FILTERS, or without
     * METADATA-SERVER (or METADATA), or for a name that is not an atom without {@code /}.
     */
    public void setFilter(String name, String program) {
        String entry = filterEntry(name);
        java.util.Map<String, String> values = new java.util.HashMap<>();
        values.put(entry, program);
        setMetadata("", values);
    }

    /** The search program stored under a filter name (RFC 5466), or {@code null} when none is. */
    public String getFilter(String name) {
        String entry = filterEntry(name);
        // entry names are case-insensitive (RFC 5464 §3.2): the server may answer in its own case
        for (java.util.Map.Entry<String, String> e : getMetadata("", entry).entries().entrySet()) {
            if (e.getKey().equalsIgnoreCase(entry)) {
                return e.getValue();
            }
        }
        return null;
    }

    private String filterEntry(String name) {
        new dev.imap4.client.types.SearchKey.Filter(name); // the name rules of RFC 5466 filter-name
        client.require("FILTERS");
        return "/private/filters/values/" + name;
    }

    private void requireMetadata(String mailbox) {
        if (!(mailbox.isEmpty() && engine.capabilities().has("METADATA-SERVER"))) {
            client.require("METADATA");
        }
    }

    private String encodeOrServer(String mailbox) {
        return mailbox.isEmpty() ? "" : client.encode(mailbox);
    }
}
