package dev.imap4.client;

import dev.imap4.client.types.FetchHandler;
import dev.imap4.client.internal.command.AppendCommand;
import dev.imap4.client.internal.command.AuthenticateCommand;
import dev.imap4.client.internal.command.CompressCommand;
import dev.imap4.client.internal.command.CopyCommand;
import dev.imap4.client.internal.command.EnableCommand;
import dev.imap4.client.internal.command.ExpungeCommand;
import dev.imap4.client.internal.command.FetchCommand;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.internal.command.ImapArgs;
import dev.imap4.client.internal.command.IdleCommand;
import dev.imap4.client.internal.command.ListCommand;
import dev.imap4.client.internal.command.MailboxNames;
import dev.imap4.client.internal.command.SearchCommand;
import dev.imap4.client.internal.command.SelectCommand;
import dev.imap4.client.internal.command.SimpleCommand;
import dev.imap4.client.internal.command.StatusCommand;
import dev.imap4.client.internal.command.StoreCommand;
import dev.imap4.client.types.StoreMode;
import dev.imap4.client.Capabilities;
import dev.imap4.client.internal.engine.CommandEngine;
import dev.imap4.client.ImapState;
import dev.imap4.client.sasl.SaslMechanism;
import dev.imap4.client.types.AppendMessage;
import dev.imap4.client.types.AppendUid;
import dev.imap4.client.types.CopyUid;
import dev.imap4.client.types.ExpungeResult;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.ListEntry;
import dev.imap4.client.types.ListOptions;
import dev.imap4.client.types.ListResult;
import dev.imap4.client.types.MailboxStatus;
import dev.imap4.client.types.MailboxState;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.QresyncParameters;
import dev.imap4.client.types.QresyncResult;
import dev.imap4.client.types.SearchKey;
import dev.imap4.client.types.SearchResult;
import dev.imap4.client.types.StoreResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The typed API over one connection: results are records, message sets know whether they hold
 * UIDs, fetches stream message by message in one command, and NO/BAD raise
 * {@link Imap4CommandException} with the response code. Obtain one from {@link Imap4#client()}
 * (or from {@link Imap4Ssl} / {@link Imap4Stream}); it shares that connection. Mailbox-level
 * extension commands (quota, ACL, namespace, ID, THREAD...) live in {@link ImapExtensions}.
 *
 * <p>Not thread-safe: one thread drives a connection, except {@link #stopIdle()}.
 */
public final class ImapClient implements AutoCloseable {

    /** Servers limit command lines (Yahoo to about 1000 bytes); longer UID sets are split. */
    static final int MAX_SET_CHARS = 900;

    private static final ScheduledExecutorService IDLE_TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "imap4-idle-timer");
        t.setDaemon(true);
        return t;
    });

    private final CommandEngine engine;
    private final List<Consumer<FetchResponse>> fetchListeners = new CopyOnWriteArrayList<>();
    private volatile IdleCommand idle;
    private MailboxState selected;
    private boolean qresyncEnabled;
    private ImapExtensions extensions;
    /** RFC 6154 special-use role (upper case, with its backslash) to the first selectable folder; null until asked. */
    private java.util.Map<String, ListEntry> specialUse;
    /** RFC 7889 per-mailbox APPENDLIMIT learnt by STATUS, -1 for none; kept for the connection. */
    private final java.util.Map<String, Long> appendLimits = new java.util.HashMap<>();

    ImapClient(CommandEngine engine) {
        this.engine = engine;
    }

    CommandEngine engine() {
        return engine;
    }

    // ---- session ----

    public Capabilities capabilities() {
        return engine.capabilities();
    }

    public boolean hasCapability(String name) {
        return engine.capabilities().has(name);
    }

    /** Asks the server for its capabilities again (CAPABILITY). */
    public Capabilities refreshCapabilities() {
        engine.execute(SimpleCommand.of("CAPABILITY"));
        return engine.capabilities();
    }

    public ImapState state() {
        return engine.state();
    }

    /** LOGIN (RFC 3501 §6.2.3); refused client-side when the server says LOGINDISABLED. */
    public void login(String user, String password) {
        if (engine.capabilities().has("LOGINDISABLED")) {
            throw new Imap4Exception("server advertises LOGINDISABLED; use STARTTLS or AUTHENTICATE");
        }
        StatusResponse ok = engine.execute(SimpleCommand.login(user, password));
        afterAuthentication(ok);
    }

    /** AUTHENTICATE with a SASL mechanism, inline initial response under SASL-IR. */
    public void authenticate(SaslMechanism mechanism) {
        StatusResponse tagged = engine.execute(AuthenticateCommand.of(mechanism, engine.capabilities().has("SASL-IR")));
        Imap4CommandException.requireOk("AUTHENTICATE " + mechanism.name(), tagged);
        AuthenticateCommand.requireServerProof(mechanism, engine);
        afterAuthentication(tagged);
    }

    private void afterAuthentication(StatusResponse ok) {
        // capabilities usually grow after login; learn them unless the OK carried them
        if (ok == null || !"CAPABILITY".equals(ok.code())) {
            refreshCapabilities();
        }
        sessionStarted();
    }

    /**
     * What the options ask for once the session is authenticated, by LOGIN, AUTHENTICATE or a
     * PREAUTH greeting ({@link Imap4#client()}): COMPRESS first, then ENABLE UTF8=ACCEPT.
     */
    void sessionStarted() {
        if (engine.options().compression()) {
            compressIfOffered();
        }
        Utf8Accept.enable(engine);
    }

    /**
     * COMPRESS DEFLATE (RFC 4978): from the tagged OK on, both directions are raw DEFLATE (inside
     * TLS when there is TLS); every command is flushed whole. Compression lasts until the
     * connection closes. Limits (line length, literal size, budgets) apply to the inflated
     * protocol, so a small compressed input cannot make the client hold more than uncompressed.
     *
     * @throws Imap4Exception before sending when the server does not offer COMPRESS=DEFLATE or
     *     compression is already active
     * @throws Imap4CommandException on NO or BAD; the connection stays uncompressed and usable
     */
    public void compress() {
        Imap4CommandException.requireOk("COMPRESS", CompressCommand.run(engine, true));
    }

    /**
     * Compresses the connection if the server offers COMPRESS=DEFLATE and it is not compressed yet
     * ({@link Imap4Options#withCompression} calls it after authentication); a NO or BAD leaves it
     * uncompressed. Returns whether compression is active.
     */
    public boolean compressIfOffered() {
        if (!engine.isCompressed() && engine.capabilities().has(CompressCommand.CAPABILITY)) {
            try {
                compress();
            } catch (Imap4CommandException e) {
                engine.trace().message(1, "COMPRESS refused, the connection stays uncompressed: " + e.getMessage());
            }
        }
        return engine.isCompressed();
    }

    /** Whether COMPRESS=DEFLATE is active on this connection. */
    public boolean isCompressed() {
        return engine.isCompressed();
    }

    /** Whether RFC 6855 UTF8=ACCEPT is enabled on this connection (names then travel as UTF-8). */
    public boolean isUtf8Enabled() {
        return engine.utf8Accept();
    }

    /**
     * UNAUTHENTICATE (RFC 8437): ends the session's authentication but keeps the connection (and its
     * TLS), so another user can log in on it. Every per-session memory (selected mailbox, special-use
     * folders, append limits) is forgotten and the capabilities are asked again. Refused before
     * sending when the server lacks UNAUTHENTICATE.
     */
    public void unauthenticate() {
        require("UNAUTHENTICATE");
        engine.execute(SimpleCommand.unauthenticate());
        engine.utf8Accept(false);
        selected = null;
        specialUse = null;
        appendLimits.clear();
        refreshCapabilities();
    }

    /** LOGOUT, then closes the connection; never throws for a connection already broken. */
    public void logout() {
        if (engine.isAborted()) {
            return;
        }
        try {
            engine.execute(SimpleCommand.logout());
        } catch (Imap4Exception ignored) {
            // the server may close before its tagged OK; the session is over either way
        } finally {
            engine.close();
        }
    }

    /** Closes the connection without LOGOUT (imaplib's shutdown). */
    public void shutdown() {
        engine.close();
    }

    /** Same as {@link #logout()}. */
    @Override
    public void close() {
        logout();
    }

    /**
     * Lowers, for the literals this connection reads from now on, the size up to which a literal is
     * held in memory; larger ones are spooled to a file as they are read (see
     * {@link Imap4Options#withLiteralMemoryThreshold(int)}, which stays the upper limit: a larger
     * value is capped to it, and passing it restores the default). Takes effect at the next literal,
     * so a {@code FetchHandler} may change it between messages, e.g. to spool the rest of a fetch once
     * a caller's allowance for bodies on the heap is used up. 0 spools every non-empty literal.
     */
    public void literalMemoryThreshold(int bytes) {
        engine.literalMemoryThreshold(bytes);
    }

    /** The size up to which literals are held in memory now (see {@link #literalMemoryThreshold(int)}). */
    public int literalMemoryThreshold() {
        return engine.literalMemoryThreshold();
    }

    public boolean isConnected() {
        return !engine.isAborted();
    }

    /** Mailbox-level extensions: quota, ACL, namespace, ENABLE, ID, THREAD, LIST/STATUS. */
    public synchronized ImapExtensions extensions() {
        if (extensions == null) {
            extensions = new ImapExtensions(this);
        }
        return extensions;
    }

    // ---- mailboxes ----

    /** SELECT, with CONDSTORE when the server offers it (so HIGHESTMODSEQ is reported). */
    public MailboxState select(String mailbox) {
        return select(mailbox, false);
    }

    /** EXAMINE: read-only, flags never change. */
    public MailboxState examine(String mailbox) {
        return select(mailbox, true);
    }

    public MailboxState select(String mailbox, boolean readOnly) {
        boolean condstore = engine.capabilities().has("CONDSTORE");
        selected = null;
        MailboxState st = engine.execute(new SelectCommand(mailbox, encode(mailbox), readOnly, condstore));
        engine.selected(!st.readOnly());
        selected = st;
        return st;
    }

    /**
     * SELECT or EXAMINE with QRESYNC (RFC 7162 §3.2.5): on the first call of a connection, ENABLE
     * QRESYNC first (only allowed before any mailbox is selected); then, with {@code qresync}
     * non-null, {@code SELECT name (QRESYNC (uidvalidity modseq [known-uids]))}, which also reports
     * the messages expunged and the flags changed since that modification sequence. With
     * {@code qresync} null it selects as {@link #select(String, boolean)} does, on a connection where
     * QRESYNC is enabled. Needs the QRESYNC capability.
     *
     * @throws Imap4Exception when QRESYNC is not offered, or is not enabled yet and a mailbox is
     *                        already selected, or the server did not report it enabled
     */
    public QresyncResult select(String mailbox, boolean readOnly, QresyncParameters qresync) {
        require("QRESYNC");
        if (!qresyncEnabled) {
            if (engine.state() != ImapState.AUTH) {
                throw new Imap4Exception("ENABLE QRESYNC must come before the first SELECT of a connection (state "
                        + engine.state() + ")");
            }
            Set<String> enabled = engine.execute(new EnableCommand("QRESYNC"));
            if (enabled.stream().noneMatch("QRESYNC"::equalsIgnoreCase)) {
                throw new Imap4Exception("the server did not enable QRESYNC (ENABLED " + enabled + ")");
            }
            qresyncEnabled = true;
        }
        selected = null;
        SelectCommand command = new SelectCommand(mailbox, encode(mailbox), readOnly, false, qresync);
        MailboxState st = engine.execute(command);
        engine.selected(!st.readOnly());
        selected = st;
        return command.resync();
    }

    /** Whether ENABLE QRESYNC succeeded on this connection. */
    public boolean isQresyncEnabled() {
        return qresyncEnabled;
    }

    /** The last SELECT/EXAMINE result, or null. */
    public MailboxState selected() {
        return selected;
    }

    /**
     * UNSELECT (RFC 3691) when offered; otherwise CLOSE for a read-only mailbox (which expunges
     * nothing). A writable mailbox on a server without UNSELECT is refused: CLOSE would expunge.
     */
    public void unselect() {
        if (engine.capabilities().has("UNSELECT")) {
            engine.execute(SimpleCommand.unselect());
        } else if (selected != null && selected.readOnly()) {
            engine.execute(SimpleCommand.close());
        } else {
            throw new Imap4Exception("server lacks UNSELECT and CLOSE would expunge the writable mailbox "
                    + (selected == null ? "" : selected.name()) + "; use closeMailbox() to expunge and close");
        }
        selected = null;
    }

    /** CLOSE: expunges \Deleted messages of a writable mailbox and leaves it. */
    public void closeMailbox() {
        engine.execute(SimpleCommand.close());
        selected = null;
    }

    public void create(String mailbox) {
        specialUse = null;
        engine.execute(SimpleCommand.of("CREATE", encode(mailbox)));
    }

    /**
     * CREATE with RFC 6154 §3 {@code USE}: {@code create("Archives", List.of("\\Archive"))} sends
     * {@code CREATE Archives (USE (\Archive))}. Refused before anything is sent when the server
     * lacks CREATE-SPECIAL-USE; a server that cannot give the role answers NO [USEATTR].
     */
    public void create(String mailbox, Collection<String> specialUses) {
        if (specialUses.isEmpty()) {
            create(mailbox);
            return;
        }
        require("CREATE-SPECIAL-USE");
        List<String> roles = specialUses.stream().map(ImapClient::role).toList();
        specialUse = null;
        engine.execute(SimpleCommand.createSpecialUse(encode(mailbox), roles));
    }

    public void delete(String mailbox) {
        specialUse = null;
        engine.execute(SimpleCommand.of("DELETE", encode(mailbox)));
    }

    public void rename(String from, String to) {
        specialUse = null;
        engine.execute(SimpleCommand.of("RENAME", encode(from), encode(to)));
    }

    public void subscribe(String mailbox) {
        engine.execute(SimpleCommand.of("SUBSCRIBE", encode(mailbox)));
    }

    public void unsubscribe(String mailbox) {
        engine.execute(SimpleCommand.of("UNSUBSCRIBE", encode(mailbox)));
    }

    /** LIST (RFC 3501 §6.3.8): {@code reference} usually {@code ""}, {@code pattern} with * and %. */
    public List<ListEntry> list(String reference, String pattern) {
        return engine.execute(ListCommand.list(reference, pattern, engine.utf8Accept()));
    }

    /**
     * XLIST, Gmail's legacy LIST with role attributes: the same entries as {@link #list(String, String)},
     * with Gmail's roles under their RFC 6154 names ({@code \AllMail} as {@code \All}, {@code \Spam}
     * as {@code \Junk}, {@code \Starred} as {@code \Flagged}), so {@link ListEntry#specialUse()}
     * reads them, and the folder marked {@code \Inbox} named {@code INBOX}. Refused before anything
     * is sent when the server lacks XLIST (Gmail offers SPECIAL-USE too, which is preferred).
     */
    public List<ListEntry> xlist(String reference, String pattern) {
        require("XLIST");
        return engine.execute(ListCommand.xlist(reference, pattern, engine.utf8Accept()));
    }

    /**
     * Extended LIST (RFC 5258): selection options, several patterns, return options and, under
     * RFC 5819 LIST-STATUS, a STATUS for each mailbox in the same round trip. Refused before
     * anything is sent when the server lacks LIST-EXTENDED (for any option or several patterns),
     * LIST-STATUS (for STATUS) or SPECIAL-USE (for the SPECIAL-USE options).
     */
    public ListResult list(String reference, List<String> patterns, ListOptions options) {
        if (!options.isEmpty() || patterns.size() != 1) {
            require("LIST-EXTENDED");
        }
        if (!options.status().isEmpty()) {
            require("LIST-STATUS");
        }
        if (options.selection().contains(ListOptions.Selection.SPECIAL_USE)
                || options.returns().contains(ListOptions.Return.SPECIAL_USE)) {
            require("SPECIAL-USE");
        }
        return engine.execute(ListCommand.extended(reference, patterns, options, engine.utf8Accept()));
    }

    /**
     * The folder with an RFC 6154 special-use role ({@code \Archive}, {@code \Junk}, {@code \Trash},
     * {@code \Sent}, {@code \Drafts}, {@code \All}, {@code \Flagged}; the backslash may be left out),
     * whatever its name is in the user's language. With SPECIAL-USE and LIST-EXTENDED it asks
     * {@code LIST (SPECIAL-USE) "" "*"}, otherwise it reads the attributes of a plain
     * {@code LIST "" "*"} (Gmail and others send them there). The answer is kept for the
     * connection until this client creates, deletes or renames a folder. Empty when no selectable
     * folder has the role.
     */
    public java.util.Optional<ListEntry> findSpecialUse(String role) {
        String wanted = role(role).toUpperCase(java.util.Locale.ROOT);
        if (specialUse == null) {
            boolean extended = engine.capabilities().has("SPECIAL-USE") && engine.capabilities().has("LIST-EXTENDED");
            List<ListEntry> all = extended
                    ? list("", List.of("*"), ListOptions.none().select(ListOptions.Selection.SPECIAL_USE)).entries()
                    : list("", "*");
            java.util.Map<String, ListEntry> roles = new java.util.LinkedHashMap<>();
            for (ListEntry e : all) {
                if (!e.isSelectable()) {
                    continue;
                }
                for (String a : e.attributes()) {
                    roles.putIfAbsent(a.toUpperCase(java.util.Locale.ROOT), e);
                }
            }
            specialUse = roles;
        }
        return java.util.Optional.ofNullable(specialUse.get(wanted));
    }

    /**
     * The name of the folder with a special-use role, as {@link #findSpecialUse} finds it;
     * {@link Imap4Exception} naming the role and the roles the server does have when none has it.
     */
    public String specialUseFolder(String role) {
        return findSpecialUse(role).map(ListEntry::name).orElseThrow(() -> new Imap4Exception(
                "no folder has the special use " + role(role) + " (RFC 6154); folders with a role: "
                        + specialUseSummary()));
    }

    private String specialUseSummary() {
        List<String> found = new java.util.ArrayList<>();
        specialUse.forEach((attr, e) -> {
            if (e.specialUse() != null && attr.equalsIgnoreCase(e.specialUse())) {
                found.add(e.specialUse() + "=" + e.name());
            }
        });
        return found.isEmpty() ? "none" : String.join(", ", found);
    }

    /** A special-use role as sent: a backslash and an atom ({@code Archive} becomes {@code \Archive}). */
    static String role(String role) {
        String r = role == null ? "" : role.strip();
        r = r.startsWith("\\") ? r : "\\" + r;
        if (r.length() < 2 || !r.substring(1).chars()
                .allMatch(c -> c < 0x80 && dev.imap4.client.internal.wire.ImapInput.isAtomChar(c))) {
            throw new IllegalArgumentException("a special-use role is a backslash and a word, e.g. \\Archive: '"
                    + role + "'");
        }
        return r;
    }

    /** LSUB: the subscribed mailboxes matching {@code pattern}. */
    public List<ListEntry> lsub(String reference, String pattern) {
        return engine.execute(ListCommand.lsub(reference, pattern, engine.utf8Accept()));
    }

    /**
     * STATUS (RFC 3501 §6.3.10), e.g. {@code status("INBOX", "MESSAGES", "UIDNEXT", "UNSEEN")}; the
     * extension items SIZE (RFC 8438 STATUS=SIZE) and APPENDLIMIT (RFC 7889) are refused before
     * sending when the server lacks them.
     */
    public MailboxStatus status(String mailbox, String... items) {
        StatusCommand.requireItems(items);
        for (String item : items) {
            switch (item.toUpperCase(java.util.Locale.ROOT)) {
                case "SIZE" -> require("STATUS=SIZE");
                case "APPENDLIMIT" -> require("APPENDLIMIT");
                default -> { }
            }
        }
        return engine.execute(new StatusCommand(mailbox, encode(mailbox), List.of(items)));
    }

    public void noop() {
        engine.execute(SimpleCommand.of("NOOP"));
    }

    public void check() {
        engine.execute(SimpleCommand.of("CHECK"));
    }

    // ---- messages ----

    /**
     * UID SEARCH with a search program in IMAP syntax, e.g. {@code UNSEEN UID 101:*}; the program
     * is split into arguments ({@link dev.imap4.client.internal.command.ImapArgs#split}) and each encoded as
     * imaplib would, so a quoted phrase stays one argument and non-ASCII travels as a literal.
     */
    public SearchResult uidSearch(String criteria) {
        return uidSearch(null, criteria);
    }

    public SearchResult uidSearch(String charset, String criteria) {
        return search(true, charset, ImapUtil.splitArgs(criteria));
    }

    /** SEARCH by sequence number. */
    public SearchResult search(String charset, String criteria) {
        return search(false, charset, ImapUtil.splitArgs(criteria));
    }

    /** SEARCH or UID SEARCH with the program given as separate arguments, as imaplib takes them. */
    public SearchResult search(boolean uid, String charset, List<String> criteria) {
        SearchCommand.requireNoCharset(charset, engine.utf8Accept());
        boolean esearch = engine.capabilities().has("ESEARCH");
        return engine.execute(new SearchCommand(uid, null, charset, criteria, esearch));
    }

    /**
     * UID SEARCH with a typed program ({@link SearchKey}): values are always quoted or sent as literals,
     * with {@code CHARSET UTF-8} when one is not ASCII. A key needing an extension the server lacks
     * (YOUNGER/OLDER without WITHIN, MODSEQ without CONDSTORE) is refused before anything is sent.
     */
    public SearchResult uidSearch(SearchKey key) {
        return search(true, key);
    }

    /** SEARCH by sequence number with a typed program. */
    public SearchResult search(SearchKey key) {
        return search(false, key);
    }

    /** SEARCH or UID SEARCH with a typed program. */
    public SearchResult search(boolean uid, SearchKey key) {
        requireFor(key);
        boolean esearch = engine.capabilities().has("ESEARCH");
        return engine.execute(new SearchCommand(uid, null, key, esearch, engine.utf8Accept()));
    }

    /** SORT or UID SORT (RFC 5256) with a typed program; refused when the server lacks SORT. */
    public SearchResult sort(boolean uid, String sortCriteria, SearchKey key) {
        require("SORT");
        requireFor(key);
        boolean esort = engine.capabilities().has("ESORT");
        return engine.execute(new SearchCommand(uid, sortCriteria, key, esort));
    }

    /**
     * SORT or UID SORT with typed criteria ({@link dev.imap4.client.types.SortCriterion}); refused
     * before anything is sent when the server lacks SORT, SORT=DISPLAY (RFC 5957) for
     * DISPLAYFROM/DISPLAYTO, or SEARCH=FUZZY (RFC 6203) for RELEVANCY.
     */
    public SearchResult sort(boolean uid, List<dev.imap4.client.types.SortCriterion> criteria, SearchKey key) {
        String wire = dev.imap4.client.types.SortCriterion.wire(criteria);
        require("SORT");
        if (criteria.stream().anyMatch(dev.imap4.client.types.SortCriterion::needsDisplay)
                && !engine.capabilities().has("SORT=DISPLAY")) {
            throw new Imap4Exception("sort criterion DISPLAYFROM/DISPLAYTO needs the server's SORT=DISPLAY extension"
                    + " (RFC 5957), which it does not offer (capabilities: " + engine.capabilities() + ")");
        }
        if (criteria.stream().anyMatch(dev.imap4.client.types.SortCriterion::needsFuzzy)
                && !engine.capabilities().has("SEARCH=FUZZY")) {
            throw new Imap4Exception("sort criterion RELEVANCY needs the server's SEARCH=FUZZY extension (RFC 6203),"
                    + " which it does not offer (capabilities: " + engine.capabilities() + ")");
        }
        return sort(uid, wire, key);
    }

    private void requireFor(SearchKey key) {
        for (String capability : SearchCommand.capabilitiesNeeded(key)) {
            if (!engine.capabilities().has(capability)) {
                String keys = switch (capability) {
                    case "WITHIN" -> "YOUNGER/OLDER";
                    case "SEARCH=FUZZY" -> "FUZZY";
                    case "FILTERS" -> "FILTER";
                    default -> "MODSEQ";
                };
                throw new Imap4Exception("search key " + keys
                        + " needs the server's " + capability + " extension, which it does not offer (capabilities: "
                        + engine.capabilities() + ")");
            }
        }
    }

    /**
     * UID SEARCH RETURN (SAVE) (RFC 5182 SEARCHRES): the server keeps the matching UIDs as {@code $}
     * and sends none of them. The answer is {@link NumberSet#savedResult(boolean)}, to pass to
     * {@link #uidFetch}, {@link #uidStore}, {@link #uidCopy} or {@link #uidMove}; {@code $} also
     * stands in a later search program ({@code uidSearch("UID $ UNSEEN")}). The server forgets it at
     * the next SELECT, EXAMINE, CLOSE or UNSELECT. Refused when the server lacks SEARCHRES.
     */
    public NumberSet uidSearchSave(String criteria) {
        return searchSave(true, null, ImapUtil.splitArgs(criteria));
    }

    /** SEARCH RETURN (SAVE) by sequence number ({@code uid} false) or UID, criteria as separate arguments. */
    public NumberSet searchSave(boolean uid, String charset, List<String> criteria) {
        require("SEARCHRES");
        SearchCommand.requireNoCharset(charset, engine.utf8Accept());
        engine.execute(SearchCommand.saving(uid, charset, criteria));
        return NumberSet.savedResult(uid);
    }

    /** UID SORT (RFC 5256); refused when the server lacks SORT. */
    public SearchResult uidSort(String sortCriteria, String charset, String criteria) {
        return sort(true, sortCriteria, charset, ImapUtil.splitArgs(criteria));
    }

    /** SORT or UID SORT with the search program as separate arguments. */
    public SearchResult sort(boolean uid, String sortCriteria, String charset, List<String> criteria) {
        require("SORT");
        boolean esort = engine.capabilities().has("ESORT");
        return engine.execute(new SearchCommand(uid, sortCriteria, charset, criteria, esort));
    }

    /**
     * UID FETCH streamed to {@code handler}, one message at a time as it arrives. Long sets are
     * split into several commands. Returns how many messages were delivered. Body sections are
     * fetched with PEEK and read back with the value that asked for them,
     * {@link dev.imap4.client.types.FetchResponse#section(dev.imap4.client.types.BodySection)}.
     */
    public int uidFetch(NumberSet uids, FetchItems items, FetchHandler handler) {
        requireUid(uids);
        return fetchSplit(uids, items, handler);
    }

    /** FETCH by sequence number, streamed like {@link #uidFetch}. */
    public int fetch(NumberSet seqs, FetchItems items, FetchHandler handler) {
        if (seqs.isUid()) {
            throw new IllegalArgumentException("fetch takes sequence numbers; use uidFetch for UIDs");
        }
        return fetchSplit(seqs, items, handler);
    }

    private int fetchSplit(NumberSet set, FetchItems items, FetchHandler handler) {
        requireSavedResult(set);
        if (items.changedSinceValue() != null) {
            require("CONDSTORE");
        }
        // extension items the server does not know would be answered BAD: refused before sending
        for (String item : items.items()) {
            switch (item) {
                case "SAVEDATE" -> require("SAVEDATE");
                case "PREVIEW" -> require("PREVIEW");
                case "X-GM-MSGID", "X-GM-THRID", "X-GM-LABELS" -> require("X-GM-EXT-1");
                default -> { }
            }
        }
        Consumer<FetchResponse> others = r -> fetchListeners.forEach(l -> l.accept(r));
        int n = 0;
        for (NumberSet part : set.split(MAX_SET_CHARS)) {
            n += engine.execute(new FetchCommand(part, items, handler, others));
        }
        return n;
    }

    /** UID STORE of flags; {@code silent} asks the server not to echo the new flags. */
    public StoreResult uidStore(NumberSet uids, StoreMode mode, boolean silent, Collection<String> flags) {
        return uidStore(uids, mode, silent, flags, null);
    }

    /** UID STORE with CONDSTORE's UNCHANGEDSINCE; messages changed since come back as MODIFIED. */
    public StoreResult uidStore(NumberSet uids, StoreMode mode, boolean silent, Collection<String> flags,
            Long unchangedSince) {
        requireUid(uids);
        if (unchangedSince != null) {
            require("CONDSTORE");
        }
        StoreResult total = null;
        for (NumberSet part : uids.split(MAX_SET_CHARS)) {
            StoreResult r = engine.execute(new StoreCommand(part, mode, silent, flags, unchangedSince));
            total = total == null ? r : merge(total, r);
        }
        return total;
    }

    private static StoreResult merge(StoreResult a, StoreResult b) {
        List<FetchResponse> all = new java.util.ArrayList<>(a.updates());
        all.addAll(b.updates());
        NumberSet modified = a.modified() == null ? b.modified() : b.modified() == null ? a.modified()
                : NumberSet.parse(a.modified() + "," + b.modified(), true);
        return new StoreResult(all, modified);
    }

    /** UID COPY; returns COPYUID (RFC 4315) when the server reports it, else null. */
    public CopyUid uidCopy(NumberSet uids, String mailbox) {
        requireUid(uids);
        CopyUid last = null;
        for (NumberSet part : uids.split(MAX_SET_CHARS)) {
            CopyUid c = engine.execute(new CopyCommand(part, encode(mailbox), false));
            last = c == null ? last : c;
        }
        return last;
    }

    /**
     * Moves messages: UID MOVE (RFC 6851) when offered; otherwise UID COPY, {@code \Deleted} and
     * UID EXPUNGE (RFC 4315). Without UIDPLUS the copies are made and flagged {@code \Deleted} but
     * not expunged (a plain EXPUNGE would remove other deleted messages too); the result says so.
     */
    public MoveResult uidMove(NumberSet uids, String mailbox) {
        return uidMove(uids, mailbox, true);
    }

    /**
     * Moves messages as {@link #uidMove(NumberSet, String)} does, except that the fallback's UID
     * EXPUNGE is left out when {@code expungeFallback} is false: the originals are then copied and
     * flagged {@code \Deleted}, and the caller expunges them when it chooses (the result says
     * whether they are gone). UID MOVE, when offered, always moves at once.
     */
    public MoveResult uidMove(NumberSet uids, String mailbox, boolean expungeFallback) {
        requireUid(uids);
        if (engine.capabilities().has("MOVE")) {
            CopyUid last = null;
            for (NumberSet part : uids.split(MAX_SET_CHARS)) {
                CopyUid c = engine.execute(new CopyCommand(part, encode(mailbox), true));
                last = c == null ? last : c;
            }
            return new MoveResult(last, true);
        }
        CopyUid copied = uidCopy(uids, mailbox);
        uidStore(uids, StoreMode.ADD, true, List.of("\\Deleted"));
        if (expungeFallback && engine.capabilities().has("UIDPLUS")) {
            uidExpunge(uids);
            return new MoveResult(copied, true);
        }
        return new MoveResult(copied, false);
    }

    /** The outcome of {@link #uidMove}: the COPYUID mapping (or null) and whether the originals are gone. */
    public record MoveResult(CopyUid copyUid, boolean expunged) {
    }

    /** APPEND a message held in memory; returns APPENDUID when reported, else null. */
    public AppendUid append(String mailbox, Collection<String> flags, ZonedDateTime internalDate, byte[] message) {
        return append(mailbox, flags, internalDate, message.length, () -> new ByteArrayInputStream(message));
    }

    /**
     * APPEND streamed from {@code content}, which must yield exactly {@code size} bytes. Once
     * UTF8=ACCEPT is enabled, a message whose header holds 8-bit bytes (RFC 6532 UTF-8 headers) goes
     * in RFC 6855's {@code UTF8 (~{n})} form: {@code content} is then called twice, first to read the
     * header, so it must give a fresh stream on each call.
     */
    public AppendUid append(String mailbox, Collection<String> flags, ZonedDateTime internalDate, long size,
            Supplier<InputStream> content) {
        return append(mailbox, List.of(AppendMessage.of(flags == null ? List.of() : flags, internalDate, size, content)));
    }

    /**
     * APPEND of several messages (RFC 3502 MULTIAPPEND when the server offers it: all are added or
     * none). Without MULTIAPPEND each goes in an APPEND of its own, in order, and a refusal leaves the
     * earlier ones appended. A CATENATE message (RFC 4469) needs CATENATE, a binary one (RFC 3516
     * literal8) needs BINARY, and each is checked against the APPENDLIMIT first: any refusal comes
     * before anything is sent. Under UTF8=ACCEPT a message with an 8-bit header goes in the
     * {@code UTF8 (~{n})} form, as for the single-message APPEND. Returns the APPENDUID (its set holds every new UID) when reported,
     * else null.
     */
    public AppendUid append(String mailbox, List<AppendMessage> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("nothing to append");
        }
        for (AppendMessage m : messages) {
            if (m.isCatenate()) {
                require("CATENATE");
            }
            if (m.binary()) {
                require("BINARY");
            }
            checkAppendLimit(mailbox, m.literalBytes());
        }
        if (messages.size() == 1 || engine.capabilities().has("MULTIAPPEND")) {
            return engine.execute(new AppendCommand(encode(mailbox), messages, engine.utf8Accept()));
        }
        List<Long> uids = new java.util.ArrayList<>();
        AppendUid last = null;
        boolean known = true;
        for (AppendMessage m : messages) {
            AppendUid one = engine.execute(new AppendCommand(encode(mailbox), List.of(m), engine.utf8Accept()));
            // one answer without APPENDUID, or a UIDVALIDITY change between them, and no set is reliable
            known = known && one != null && (last == null || last.uidValidity() == one.uidValidity());
            if (known) {
                uids.addAll(one.uids().toList());
                last = one;
            }
        }
        return known ? new AppendUid(last.uidValidity(), NumberSet.uids(uids)) : null;
    }

    /**
     * The RFC 7889 limit for APPENDs to {@code mailbox}, in bytes, or {@code null} when the server
     * sets none: {@code APPENDLIMIT=n} in the capabilities, or under a bare {@code APPENDLIMIT} the
     * mailbox's {@code STATUS (APPENDLIMIT)}, asked once per mailbox and connection (a STATUS the
     * server refuses, say for a mailbox that does not exist yet, counts as no limit).
     */
    public Long appendLimit(String mailbox) {
        Long global = engine.capabilities().appendLimit();
        if (global != null || !engine.capabilities().has("APPENDLIMIT")) {
            return global;
        }
        Long known = appendLimits.get(mailbox);
        if (known == null) {
            try {
                Long limit = status(mailbox, "APPENDLIMIT").items().get("APPENDLIMIT");
                known = limit == null ? -1L : limit;
            } catch (Imap4CommandException e) {
                return null;
            }
            appendLimits.put(mailbox, known);
        }
        return known < 0 ? null : known;
    }

    // RFC 7889: a message over the limit is refused here, before its literal is announced
    private void checkAppendLimit(String mailbox, long size) {
        Long limit = appendLimit(mailbox);
        if (limit != null && size > limit) {
            throw new Imap4Exception("message of " + size + " bytes exceeds the server's APPENDLIMIT of " + limit
                    + " bytes for '" + mailbox + "' (RFC 7889); nothing was sent");
        }
    }

    /** EXPUNGE. */
    public ExpungeResult expunge() {
        return engine.execute(new ExpungeCommand(null));
    }

    /** UID EXPUNGE (RFC 4315): removes only the given \Deleted messages. */
    public ExpungeResult uidExpunge(NumberSet uids) {
        requireUid(uids);
        require("UIDPLUS");
        ExpungeResult total = null;
        for (NumberSet part : uids.split(MAX_SET_CHARS)) {
            ExpungeResult r = engine.execute(new ExpungeCommand(part));
            if (total == null) {
                total = r;
            } else {
                List<Long> seqs = new java.util.ArrayList<>(total.sequenceNumbers());
                seqs.addAll(r.sequenceNumbers());
                total = new ExpungeResult(seqs, r.vanished() == null ? total.vanished() : r.vanished());
            }
        }
        return total;
    }

    /** COPY by sequence number. */
    public CopyUid copy(NumberSet seqs, String mailbox) {
        requireSeq(seqs);
        return engine.execute(new CopyCommand(seqs, encode(mailbox), false));
    }

    /** MOVE by sequence number; needs the MOVE extension (no safe fallback exists without UIDs). */
    public CopyUid move(NumberSet seqs, String mailbox) {
        requireSeq(seqs);
        require("MOVE");
        return engine.execute(new CopyCommand(seqs, encode(mailbox), true));
    }

    /** STORE by sequence number. */
    public StoreResult store(NumberSet seqs, StoreMode mode, boolean silent, Collection<String> flags) {
        requireSeq(seqs);
        return engine.execute(new StoreCommand(seqs, mode, silent, flags, null));
    }

    /**
     * Any command, with imaplib-style arguments (each encoded by imaplib's quoting rules, CR/LF
     * never raw): the tagged response and every untagged response it provoked. NO and BAD raise
     * {@link Imap4CommandException}. Spooled literals in the responses are handed to the caller, who
     * closes them; while the command runs, the collected responses draw on the connection's heap budget.
     * COMPRESS is refused here: {@link #compress()} switches the streams with it.
     */
    public RawResponse raw(String verb, List<String> args) {
        if (verb.equalsIgnoreCase("COMPRESS")) {
            // the streams must switch right after the OK, or every later command is lost
            throw new Imap4Exception("COMPRESS changes the connection's streams: use compress()");
        }
        List<UntaggedResponse> seen = new java.util.ArrayList<>();
        dev.imap4.client.internal.engine.ConnectionBudget budget = engine.budget();
        long[] charged = new long[1];
        Consumer<UntaggedResponse> capture = r -> {
            // the list is a result being built: it draws on the heap budget until handed over
            long size = rawSize(r);
            budget.chargeHeap(size, () -> "raw " + verb + " result of " + (seen.size() + 1) + " untagged responses");
            charged[0] += size;
            seen.add(r);
        };
        engine.addListener(capture);
        try {
            dev.imap4.client.internal.command.RawCommand cmd = new dev.imap4.client.internal.command.RawCommand(
                    verb.toUpperCase(java.util.Locale.ROOT));
            for (String a : args) {
                cmd.arg(a);
            }
            StatusResponse tagged = Imap4CommandException.requireOk(cmd.verb(), engine.execute(cmd));
            // handed over: the caller owns the spool files now (closing a literal deletes its file)
            for (UntaggedResponse r : seen) {
                for (ImapData d : r.data()) {
                    if (d instanceof ImapData.Pair p) {
                        budget.detach(p.literal());
                    }
                }
            }
            return new RawResponse(tagged, seen);
        } finally {
            engine.removeListener(capture);
            budget.creditHeap(charged[0]);
        }
    }

    private static long rawSize(UntaggedResponse r) {
        long size = dev.imap4.client.internal.engine.ConnectionBudget.ITEM_OVERHEAD;
        for (ImapData d : r.data()) {
            if (d instanceof ImapData.Line l) {
                size += l.bytes().length;
            } else if (d instanceof ImapData.Pair p) {
                size += p.header().length + (p.literal().isSpooled() ? 0 : p.literal().size());
            }
        }
        return size;
    }

    /** The answer to {@link #raw}: the tagged response and the untagged ones, in order. */
    public record RawResponse(StatusResponse tagged, List<UntaggedResponse> untagged) {
        public RawResponse {
            untagged = List.copyOf(untagged);
        }
    }

    /** The tagged response of the last command (for its response code and text), or null. */
    public StatusResponse lastResponse() {
        return engine.lastTagged();
    }

    // ---- IDLE ----

    /**
     * IDLE (RFC 2177) until {@code stopWhen} accepts an untagged response (for example
     * {@code u -> u.is("EXISTS")}), {@link #stopIdle()} is called, or {@code maxDuration} passes
     * (re-issue IDLE before the server's timeout: 29 minutes at most, about 10 for Office 365).
     * {@code stopWhen} sees each response's name, number and status ({@code data} is empty: it is
     * read after the test). Every response also reaches the unsolicited listeners. Returns true if
     * a response stopped it.
     * DONE must be answered within the read timeout, and the whole IDLE ends within
     * {@code maxDuration} plus the read timeout, or the connection is aborted: a dead peer is
     * noticed, whatever keep-alive lines a server sends.
     */
    public boolean idle(Duration maxDuration, Predicate<UntaggedResponse> stopWhen) {
        require("IDLE");
        IdleCommand cmd = new IdleCommand(engine,
                u -> stopWhen.test(new UntaggedResponse(u.name(), u.number(), u.status(), List.of())));
        idle = cmd;
        ScheduledFuture<?> timer = IDLE_TIMER.schedule(cmd::stop, maxDuration.toMillis(), TimeUnit.MILLISECONDS);
        Duration readTimeout = engine.options().readTimeout();
        try {
            if (!readTimeout.isZero()) {
                engine.transport().readTimeout(maxDuration.plus(readTimeout));
            }
            engine.execute(cmd, idleDeadline(maxDuration, readTimeout));
            return cmd.stoppedByResponse();
        } catch (IOException e) {
            throw new Imap4AbortException("cannot set the read timeout for IDLE: " + e.getMessage(), e, List.of());
        } finally {
            idle = null;
            timer.cancel(false);
            try {
                if (!engine.isAborted()) {
                    engine.transport().readTimeout(readTimeout);
                }
            } catch (IOException ignored) {
                // the next read reports a broken connection
            }
        }
    }

    /**
     * IDLE is bounded by its own duration, not the command deadline: DONE goes at
     * {@code maxDuration} and must be answered within the read timeout (the command deadline when
     * reads wait forever), so a dead or hostile peer holds the thread for at most the sum.
     */
    private Duration idleDeadline(Duration maxDuration, Duration readTimeout) {
        Duration grace = readTimeout.isZero() ? engine.options().commandDeadline() : readTimeout;
        return grace.isZero() ? Duration.ZERO : maxDuration.plus(grace);
    }

    /** Ends a running {@link #idle}; safe from any thread. */
    public void stopIdle() {
        IdleCommand c = idle;
        if (c != null) {
            c.stop();
        }
    }

    // ---- listeners ----

    /** Receives untagged responses no command claimed (EXISTS, EXPUNGE, flag updates, ALERT). */
    public void addUnsolicitedListener(Consumer<UntaggedResponse> listener) {
        engine.addListener(listener);
    }

    public void removeUnsolicitedListener(Consumer<UntaggedResponse> listener) {
        engine.removeListener(listener);
    }

    /** Receives FETCH responses that arrive during a fetch but belong to other messages. */
    public void addFetchListener(Consumer<FetchResponse> listener) {
        fetchListeners.add(listener);
    }

    // ---- helpers ----

    /**
     * The mailbox name as sent: UTF-8 once UTF8=ACCEPT is enabled (RFC 6855 §3; the writer quotes
     * it, or sends a literal), modified UTF-7 before (RFC 3501 §5.1.3).
     */
    String encode(String mailbox) {
        if (mailbox == null || mailbox.isEmpty()) {
            throw new Imap4Exception("mailbox name must not be empty");
        }
        return MailboxNames.wire(mailbox, engine.utf8Accept());
    }

    private void requireSavedResult(NumberSet set) {
        if (set.isSavedResult()) {
            require("SEARCHRES");
        }
    }

    void require(String capability) {
        if (!engine.capabilities().has(capability)) {
            throw new Imap4Exception("server does not offer " + capability + " (capabilities: "
                    + engine.capabilities() + ")");
        }
    }

    private void requireSeq(NumberSet set) {
        if (set.isUid()) {
            throw new IllegalArgumentException("expected sequence numbers, got a UID set " + set);
        }
        requireSavedResult(set);
    }

    private void requireUid(NumberSet set) {
        if (!set.isUid()) {
            throw new IllegalArgumentException("expected a UID set, got sequence numbers " + set);
        }
        requireSavedResult(set);
    }
}
