package dev.imap4.client;

import dev.imap4.client.internal.command.AclCommand;
import dev.imap4.client.internal.command.AppendCommand;
import dev.imap4.client.internal.command.AuthenticateCommand;
import dev.imap4.client.internal.command.CopyCommand;
import dev.imap4.client.internal.command.EnableCommand;
import dev.imap4.client.internal.command.ExpungeCommand;
import dev.imap4.client.internal.command.FetchCommand;
import dev.imap4.client.internal.command.ListCommand;
import dev.imap4.client.internal.command.NamespaceCommand;
import dev.imap4.client.internal.command.QuotaCommand;
import dev.imap4.client.internal.command.RawCommand;
import dev.imap4.client.internal.command.SearchCommand;
import dev.imap4.client.internal.command.StatusCommand;
import dev.imap4.client.internal.command.StoreCommand;
import dev.imap4.client.types.StoreMode;
import dev.imap4.client.internal.command.ThreadCommand;
import dev.imap4.client.internal.engine.CommandEngine;
import dev.imap4.client.sasl.CramMd5;
import dev.imap4.client.sasl.SaslMechanism;
import dev.imap4.client.internal.transport.SocketTransport;
import dev.imap4.client.Transport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLSession;

/**
 * imaplib's {@code IMAP4}: a connection to an IMAP4 server with one method per command, each
 * returning imaplib's {@code (type, data)} as an {@link ImapResult}. Arguments follow imaplib's
 * quoting rules, except that nothing can ever put a raw CR, LF or NUL on the wire. The typed API is
 * {@link #client()}.
 *
 * <p>As in imaplib, NO is returned as the result type while BAD raises {@link Imap4Exception};
 * LOGIN and AUTHENTICATE raise on NO too. Protocol and I/O failures raise
 * {@link Imap4AbortException}, after which the connection is closed.
 *
 * <p>{@link #close()} is IMAP's CLOSE, as in imaplib; end a session with {@link #logout()}, or use
 * the typed {@link ImapClient}, which is {@link AutoCloseable}.
 */
public class Imap4 {

    /** The standard IMAP4 port. */
    public static final int IMAP4_PORT = 143;

    protected final Imap4Options options;
    protected String host;
    protected int port;
    CommandEngine engine;

    private final UntaggedStore untaggedResponses = new UntaggedStore(
            (name, item) -> {
                if (engine.trace().on(5)) {
                    engine.trace().message(5, "untagged_responses[" + name + "] += " + item);
                }
            });
    private final Consumer<UntaggedResponse> collector = untaggedResponses::collect;
    private ImapClient client;

    /** Connects to localhost:143. */
    public Imap4() {
        this("", IMAP4_PORT);
    }

    public Imap4(String host) {
        this(host, IMAP4_PORT);
    }

    public Imap4(String host, int port) {
        this(host, port, Imap4Options.defaults());
    }

    /** Connects, reads the greeting and learns the capabilities, as imaplib's constructor does. */
    public Imap4(String host, int port, Imap4Options options) {
        this.options = options;
        connect(host, port);
    }

    /** For subclasses that connect later with {@link #connect(String, int)}. */
    protected Imap4(Imap4Options options) {
        this.options = options;
    }

    /**
     * Opens the transport and runs imaplib's {@code _connect}: greeting, then capabilities. If that
     * fails, the untagged data kept so far is released: no caller can ever read it.
     */
    protected final void connect(String host, int port) {
        open(host, port);
        try {
            greet();
        } catch (RuntimeException e) {
            shutdown();
            untaggedResponses.clear();
            throw e;
        }
    }

    private void greet() {
        engine.withDeadline("greeting", engine::readGreeting);
        if (engine.capabilities().names().isEmpty()) {
            capability();
        }
        greetChecks();
    }

    private void greetChecks() {
        if (engine.capabilities().protocolVersion() == null) {
            String caps = engine.capabilities().toString();
            shutdown();
            throw new Imap4Exception("server not IMAP4 compliant: CAPABILITY was '" + caps + "'");
        }
        engine.trace().message(1, "PROTOCOL_VERSION " + protocolVersion());
    }

    // ---- the transport seam (imaplib: open, read, readline, send, shutdown, socket) ----

    /**
     * Opens the connection to {@code host:port} (empty host: localhost). Subclasses override
     * {@link #openTransport(String, int)} to connect differently.
     */
    public void open(String host, int port) {
        this.host = host == null ? "" : host;
        this.port = port;
        Transport t;
        try {
            t = openTransport(this.host, port);
        } catch (IOException e) {
            throw new Imap4AbortException("cannot connect to " + describe() + ": " + TlsFailure.describe(e, this.host.isEmpty() ? "localhost" : this.host), e,
                    List.of());
        }
        engine = new CommandEngine(t, options, describe());
        untaggedResponses.attach(engine.budget(), engine::commandCount, options.maxUnsolicitedBytes());
        engine.addCommandStartHook(untaggedResponses::trim);
        engine.addListener(collector);
    }

    /** Makes the byte pipe; the one method connection kinds override. */
    protected Transport openTransport(String host, int port) throws IOException {
        return SocketTransport.connect(host, port, options);
    }

    /** A name for logs and errors. */
    protected String describe() {
        return (host.isEmpty() ? "localhost" : host) + ":" + port;
    }

    /** Reads exactly {@code size} bytes from the server. */
    public byte[] read(int size) {
        byte[] b = new byte[size];
        try {
            engine.byteSource().readFully(b, 0, size);
        } catch (IOException e) {
            throw new Imap4AbortException("socket error: " + e.getMessage(), e, engine.trace().recent());
        }
        return b;
    }

    /** Reads one line from the server, with its CRLF, as imaplib's {@code readline()}. */
    public byte[] readline() {
        try {
            byte[] line = engine.byteSource().readLineWithTerminator();
            if (line == null) {
                throw new Imap4AbortException("socket error: EOF");
            }
            return line;
        } catch (IOException e) {
            throw new Imap4AbortException("socket error: " + e.getMessage(), e, engine.trace().recent());
        }
    }

    /** Sends raw bytes to the server, unchecked: the caller speaks the protocol itself. */
    public void send(byte[] data) {
        try {
            engine.trace().sent("<" + data.length + " raw bytes>");
            engine.transport().output().write(data);
            engine.transport().output().flush();
        } catch (IOException e) {
            throw new Imap4AbortException("socket error: " + e.getMessage(), e, engine.trace().recent());
        }
    }

    /**
     * How many untagged entries were dropped from the store behind {@link #response} and
     * {@link #recent} to keep it within its bounds (oldest first; see
     * {@link Imap4Options#withMaxUnsolicitedBytes}).
     */
    public long untaggedEvictions() {
        return untaggedResponses.evictions();
    }

    /**
     * Closes the connection without LOGOUT. Spool files of literals not yet handed to the caller
     * (those still in the untagged store included) are deleted.
     */
    public void shutdown() {
        if (engine != null) {
            engine.close();
        }
    }

    /** The socket, or {@code null} for a stream connection. */
    public Socket socket() {
        return engine.transport().socket();
    }

    /** The TLS session after STARTTLS or on IMAP4_SSL, otherwise {@code null}. */
    public SSLSession sslSession() {
        return engine.transport().sslSession();
    }

    // ---- attributes ----

    /** imaplib's PROTOCOL_VERSION: IMAP4rev2, IMAP4rev1 or IMAP4, from CAPABILITY. */
    public String protocolVersion() {
        return engine.capabilities().protocolVersion();
    }

    /** imaplib's {@code capabilities}: the capability names in upper case. */
    public List<String> capabilities() {
        return List.copyOf(engine.capabilities().names());
    }

    /** imaplib's {@code debug}. */
    public int debug() {
        return engine.trace().level();
    }

    public void debug(int level) {
        engine.trace().level(level);
    }

    /** imaplib's {@code state}: NONAUTH, AUTH, SELECTED or LOGOUT. */
    public String state() {
        return engine.state().name();
    }

    /** The server's greeting line, as imaplib's {@code welcome}. */
    public String welcome() {
        StatusResponse g = engine.greeting();
        return g == null ? null : "* " + g.status() + " " + g.rawText();
    }

    /**
     * The typed API over this same connection. After a PREAUTH greeting, which skips the login, this
     * is where the typed client does what follows a login: COMPRESS (see
     * {@link Imap4Options#withCompression}), then ENABLE UTF8=ACCEPT (see
     * {@link Imap4Options#withUtf8Accept}).
     */
    public synchronized ImapClient client() {
        if (client == null) {
            ImapClient c = new ImapClient(engine);
            StatusResponse greeting = engine.greeting();
            if (engine.state() == ImapState.AUTH && greeting != null && "PREAUTH".equals(greeting.status())) {
                c.sessionStarted();
            }
            client = c;
        }
        return client;
    }

    /**
     * imaplib's {@code tagpre}: the random prefix of this connection's tags; every tag is this
     * prefix followed by 1, 2, 3...
     */
    public String tagPrefix() {
        return engine.tagPrefix();
    }

    /** Receives every untagged response no command claimed. */
    public void addUnsolicitedListener(Consumer<UntaggedResponse> listener) {
        engine.addListener(listener);
    }

    // ---- commands, in imaplib's order ----

    /**
     * APPEND: {@code flags} like {@code "(\\Seen)"} or {@code "\\Seen"}; bare LF in the message becomes
     * CRLF. After {@code enable("UTF8=ACCEPT")} the message goes in the {@code UTF8 (~{n})} form of
     * RFC 6855 §4, as imaplib 3.14 sends it.
     */
    public ImapResult append(String mailbox, String flags, ZonedDateTime dateTime, byte[] message) {
        byte[] literal = mapCrlf(message);
        return append(mailbox, flags, dateTime, literal.length, () -> new ByteArrayInputStream(literal));
    }

    /** APPEND streamed from {@code content}, which must yield exactly {@code size} bytes (sent as is). */
    public ImapResult append(String mailbox, String flags, ZonedDateTime dateTime, long size,
            Supplier<InputStream> content) {
        return simple(AppendCommand.raw(mailbox, flags, dateTime, size, content, engine.utf8Accept()));
    }

    /**
     * AUTHENTICATE with imaplib's {@code authobject}: called with each decoded challenge, it returns
     * the answer to encode, or {@code null} to cancel. Raises {@link Imap4Exception} unless OK.
     */
    public ImapResult authenticate(String mechanism, Function<byte[], byte[]> authobject) {
        return authenticate(mechanism, authobject, null);
    }

    /**
     * AUTHENTICATE with a SASL mechanism; its initial response is sent inline when SASL-IR is
     * offered. Raises {@link Imap4Exception} unless OK, and {@link Imap4AbortException} (closing the
     * connection) when the server says OK before a mechanism that authenticates the server, such as
     * SCRAM, has seen its proof.
     */
    public ImapResult authenticate(SaslMechanism mechanism) {
        ImapResult result = requireAuthenticated(
                run(AuthenticateCommand.of(mechanism, engine.capabilities().has("SASL-IR"))));
        AuthenticateCommand.requireServerProof(mechanism, engine);
        return result;
    }

    private ImapResult authenticate(String mechanism, Function<byte[], byte[]> authobject, byte[] initial) {
        String mech = mechanism.toUpperCase(Locale.ROOT);
        return requireAuthenticated(run(new AuthenticateCommand(mech, authobject, initial)));
    }

    private static ImapResult requireAuthenticated(StatusResponse tagged) {
        if (!tagged.isOk()) {
            throw new Imap4Exception(tagged.rawText());
        }
        return result(tagged);
    }

    /** CAPABILITY (imaplib runs it on connect). */
    public ImapResult capability() {
        StatusResponse tagged = runRaw(new RawCommand("CAPABILITY"));
        return untaggedResponse(tagged, "CAPABILITY");
    }

    public ImapResult check() {
        return simple(new RawCommand("CHECK"));
    }

    /** CLOSE: the state returns to AUTH whatever the answer. */
    public ImapResult close() {
        return simple(RawCommand.close());
    }

    public ImapResult copy(String messageSet, String newMailbox) {
        return simple(CopyCommand.raw(messageSet, newMailbox));
    }

    public ImapResult create(String mailbox) {
        return simple(new RawCommand("CREATE").arg(mailbox));
    }

    public ImapResult delete(String mailbox) {
        return simple(new RawCommand("DELETE").arg(mailbox));
    }

    public ImapResult deleteacl(String mailbox, String who) {
        return simple(AclCommand.rawDeleteAcl(mailbox, who));
    }

    /**
     * ENABLE (RFC 5161); returns the ENABLED data. As in imaplib 3.14, an OK to
     * {@code enable("UTF8=ACCEPT")} switches the connection to UTF-8 (RFC 6855): mailbox names and
     * quoted strings may then be UTF-8, and {@link #append} sends the {@code UTF8 (~{n})} form.
     */
    public ImapResult enable(String capability) {
        ImapResult r = data(EnableCommand.raw(capability));
        if (r.ok() && capability.toUpperCase(Locale.ROOT).contains("UTF8=ACCEPT")) {
            engine.utf8Accept(true);
        }
        return r;
    }

    /** EXPUNGE; data are the expunged message numbers, in order. */
    public ImapResult expunge() {
        return data(ExpungeCommand.raw());
    }

    /** FETCH; data are (header, literal) pairs and lines, as imaplib returns them. */
    public ImapResult fetch(String messageSet, String messageParts) {
        return untaggedResponse(runRaw(FetchCommand.raw(messageSet, messageParts)), "FETCH");
    }

    public ImapResult getacl(String mailbox) {
        return data(AclCommand.rawGetAcl(mailbox));
    }

    public ImapResult getannotation(String mailbox, String entry, String attribute) {
        return untaggedResponse(runRaw(new RawCommand("GETANNOTATION").args(mailbox, entry, attribute)), "ANNOTATION");
    }

    public ImapResult getquota(String root) {
        return data(QuotaCommand.rawGetQuota(root));
    }

    /** GETQUOTAROOT: imaplib returns {@code [quotaroot, quota]}, two lists. */
    public QuotaRootResult getquotaroot(String mailbox) {
        RawCommand cmd = QuotaCommand.rawGetQuotaRoot(mailbox);
        StatusResponse tagged = runRaw(cmd);
        ImapResult quota = untaggedResponse(tagged, "QUOTA");
        ImapResult quotaroot = untaggedResponse(tagged, cmd.data());
        return new QuotaRootResult(quota.type(), quotaroot.data(), quota.data());
    }

    /** LIST with imaplib's defaults: directory {@code ""}, pattern {@code *}. */
    public ImapResult list() {
        return list("\"\"", "*");
    }

    public ImapResult list(String directory, String pattern) {
        return data(ListCommand.rawList(directory, pattern));
    }

    /** LOGIN; the password is always quoted (or sent as a literal) and never traced. Raises unless OK. */
    public ImapResult login(String user, String password) {
        StatusResponse tagged = runRaw(RawCommand.login(user, password));
        if (!tagged.isOk()) {
            throw new Imap4Exception(tagged.rawText());
        }
        return result(tagged);
    }

    /** AUTHENTICATE CRAM-MD5; only when the server lists AUTH=CRAM-MD5. */
    public ImapResult loginCramMd5(String user, String password) {
        if (!engine.capabilities().has("AUTH=CRAM-MD5")) {
            throw new Imap4Exception("CRAM-MD5 authentication is not supported by the server");
        }
        return authenticate(new CramMd5(user, password));
    }

    /** LOGOUT; returns the server's BYE when it sent one, and always closes the connection. */
    public ImapResult logout() {
        ImapResult r;
        try {
            r = simple(RawCommand.logout());
        } catch (Imap4Exception e) {
            r = new ImapResult("NO", List.of(ImapData.line(e.getClass().getSimpleName() + ": " + e.getMessage())));
        }
        shutdown();
        List<ImapData> bye = untaggedResponses.get("BYE");
        return bye != null ? new ImapResult("BYE", bye) : r;
    }

    public ImapResult lsub() {
        return lsub("\"\"", "*");
    }

    public ImapResult lsub(String directory, String pattern) {
        return data(ListCommand.rawLsub(directory, pattern));
    }

    public ImapResult myrights(String mailbox) {
        return data(AclCommand.rawMyRights(mailbox));
    }

    public ImapResult namespace() {
        return data(NamespaceCommand.raw());
    }

    public ImapResult noop() {
        return simple(new RawCommand("NOOP"));
    }

    /** PARTIAL (obsolete, RFC 1730); data as for FETCH. */
    public ImapResult partial(String messageNum, String messagePart, long start, long length) {
        return untaggedResponse(runRaw(FetchCommand.rawPartial(messageNum, messagePart, start, length)), "FETCH");
    }

    public ImapResult proxyauth(String user) {
        return simple(new RawCommand("PROXYAUTH").arg(user));
    }

    /** RECENT data if any arrived, otherwise a NOOP and the RECENT data it brings (None if none). */
    public ImapResult recent() {
        List<ImapData> kept = untaggedResponses.remove("RECENT");
        if (kept != null) {
            return new ImapResult("OK", kept);
        }
        return untaggedResponse(runRaw(new RawCommand("NOOP")), "RECENT");
    }

    public ImapResult rename(String oldMailbox, String newMailbox) {
        return simple(new RawCommand("RENAME").args(oldMailbox, newMailbox));
    }

    /**
     * The data kept for response {@code code} (e.g. UIDVALIDITY, EXISTS), removed as it is returned;
     * {@code [null]} when none came, {@code [""]} for a code that came without data (READ-ONLY).
     */
    public ImapResult response(String code) {
        String name = code.toUpperCase(Locale.ROOT);
        List<ImapData> data = untaggedResponses.remove(name);
        return new ImapResult(name, data == null ? nones() : data);
    }

    /**
     * SEARCH: {@code charset} may be null; data is the space-separated list of numbers. A charset
     * once UTF8=ACCEPT is enabled is refused before sending, as imaplib 3.14 refuses it.
     */
    public ImapResult search(String charset, String... criteria) {
        SearchCommand.requireNoCharset(charset, engine.utf8Accept());
        return data(SearchCommand.raw(charset, criteria));
    }

    /** SELECT INBOX. */
    public ImapResult select() {
        return select("INBOX", false);
    }

    public ImapResult select(String mailbox) {
        return select(mailbox, false);
    }

    /**
     * SELECT, or EXAMINE when {@code readonly}; data is the EXISTS count. Raises
     * {@link Imap4ReadOnlyException} when a writable selection comes back READ-ONLY.
     */
    public ImapResult select(String mailbox, boolean readonly) {
        untaggedResponses.clear();
        StatusResponse tagged = runRaw(RawCommand.select(mailbox == null ? "INBOX" : mailbox, readonly));
        if (!tagged.isOk()) {
            return result(tagged);
        }
        engine.selected(!readonly);
        if (untaggedResponses.contains("READ-ONLY") && !readonly) {
            throw new Imap4ReadOnlyException(mailbox + " is not writable");
        }
        List<ImapData> exists = untaggedResponses.get("EXISTS");
        return new ImapResult(tagged.status(), exists == null ? nones() : exists);
    }

    public ImapResult setacl(String mailbox, String who, String what) {
        return simple(AclCommand.rawSetAcl(mailbox, who, what));
    }

    public ImapResult setannotation(String... args) {
        return untaggedResponse(runRaw(new RawCommand("SETANNOTATION").args(args)), "ANNOTATION");
    }

    /** SETQUOTA: {@code limits} like {@code "(STORAGE 512)"}. */
    public ImapResult setquota(String root, String limits) {
        return data(QuotaCommand.rawSetQuota(root, limits));
    }

    /** SORT (RFC 5256): the charset is mandatory; criteria in parentheses are added when missing. */
    public ImapResult sort(String sortCriteria, String charset, String... searchCriteria) {
        if (charset == null) {
            throw new Imap4Exception("SORT needs a charset");
        }
        return data(SearchCommand.rawSort(sortCriteria, charset, searchCriteria));
    }

    /**
     * Connects on a plain port and upgrades with STARTTLS before anything else is said. Refuses a
     * PREAUTH greeting (the server would have us authenticated in plaintext) and a server that
     * does not advertise STARTTLS; nothing is sent in plaintext but STARTTLS itself.
     */
    public static Imap4 connectWithStartTls(String host, int port, Imap4Options options) {
        Imap4 conn = new Imap4(options);
        conn.open(host, port);
        StatusResponse greeting = conn.engine.withDeadline("greeting", conn.engine::readGreeting);
        if ("PREAUTH".equals(greeting.status())) {
            conn.shutdown();
            throw new Imap4Exception("server greeted with PREAUTH on a connection that requires STARTTLS;"
                    + " refusing to continue without TLS");
        }
        if (conn.engine.capabilities().names().isEmpty()) {
            conn.capability();
        }
        if ("PREAUTH".equals(conn.engine.greeting().status())) {
            // a PREAUTH that followed the OK greeting (see CommandEngine): refused all the same
            conn.shutdown();
            throw new Imap4Exception("server sent PREAUTH after its greeting on a connection that requires"
                    + " STARTTLS; refusing to continue without TLS");
        }
        try {
            conn.starttls();
        } catch (Imap4Exception e) {
            conn.shutdown();
            throw e;
        }
        conn.greetChecks();
        return conn;
    }

    /**
     * COMPRESS DEFLATE (RFC 4978; imaplib has none): on OK the connection is compressed both ways
     * from then on. Refused before sending when the server does not offer COMPRESS=DEFLATE or
     * compression is already active; NO returns ({@code NO}, [text]) with the connection still
     * uncompressed and usable; BAD raises, as for any command.
     */
    public ImapResult compress() {
        return compress(true);
    }

    private ImapResult compress(boolean requireCapability) {
        return result(runRaw(dev.imap4.client.internal.command.CompressCommand.of(engine, requireCapability)));
    }

    /** STARTTLS with the connection's TLS context; see {@link Imap4Ssl} for verification rules. */
    public ImapResult starttls() {
        return StartTls.run(this);
    }

    public ImapResult status(String mailbox, String names) {
        return data(StatusCommand.raw(mailbox, names));
    }

    /** STORE: {@code flags} are wrapped in parentheses when not already, so they are never quoted. */
    public ImapResult store(String messageSet, String command, String flags) {
        return data(StoreCommand.raw(messageSet, command, flags));
    }

    public ImapResult subscribe(String mailbox) {
        return simple(new RawCommand("SUBSCRIBE").arg(mailbox));
    }

    /** THREAD (RFC 5256): algorithm, mandatory charset, search criteria. */
    public ImapResult thread(String threadingAlgorithm, String charset, String... searchCriteria) {
        return data(ThreadCommand.raw(threadingAlgorithm, charset, searchCriteria));
    }

    /**
     * UID with any UID-able command (FETCH, SEARCH, STORE, COPY, MOVE, EXPUNGE, SORT, THREAD); data
     * as for that command.
     */
    public ImapResult uid(String command, String... args) {
        String c = command.toUpperCase(Locale.ROOT);
        if (!dev.imap4.client.internal.engine.CommandTable.isKnown(c)) {
            throw new Imap4Exception("Unknown IMAP4 UID command: " + c);
        }
        dev.imap4.client.internal.engine.CommandTable.check(c, engine.state());
        StatusResponse tagged = runRaw(new RawCommand("UID " + c).args(args));
        String name = c.equals("SEARCH") || c.equals("SORT") || c.equals("THREAD") ? c : "FETCH";
        return untaggedResponse(tagged, name);
    }

    public ImapResult unselect() {
        return simple(RawCommand.unselect());
    }

    public ImapResult unsubscribe(String mailbox) {
        return simple(new RawCommand("UNSUBSCRIBE").arg(mailbox));
    }

    /**
     * imaplib's {@code idle(duration=None)} (Python 3.14): IDLE as an {@link Imap4Idler}, whose
     * iterator yields each untagged response as it arrives until {@code duration} passes (forever
     * when {@code null}, IDLE re-issued every 29 minutes); closing it sends DONE. Use it in
     * try-with-resources, as imaplib's in a {@code with} block.
     */
    public Imap4Idler idle(java.time.Duration duration) {
        return new Imap4Idler(client(), duration);
    }

    /** {@link #idle(java.time.Duration)} with no time limit: until the idler is closed. */
    public Imap4Idler idle() {
        return idle(null);
    }

    /** Any extension verb the server advertises; the name must be an atom. */
    public ImapResult xatom(String name, String... args) {
        if (name.equalsIgnoreCase("COMPRESS")) {
            // the streams must switch right after the OK, or the next command is lost
            if (args.length != 1 || !args[0].equalsIgnoreCase("DEFLATE")) {
                throw new Imap4Exception("COMPRESS: only DEFLATE is supported (RFC 4978); use compress()");
            }
            return compress(false);
        }
        return simple(new RawCommand(name.toUpperCase(Locale.ROOT)).args(args));
    }

    // ---- imaplib's _simple_command / _untagged_response ----

    private ImapResult simple(RawCommand cmd) {
        return result(runRaw(cmd));
    }

    StatusResponse runRaw(dev.imap4.client.internal.engine.Command<StatusResponse> cmd) {
        StatusResponse tagged = run(cmd);
        if ("BAD".equals(tagged.status())) {
            throw new Imap4Exception(cmd.verb() + " command error: BAD " + tagged.rawText());
        }
        return tagged;
    }

    private StatusResponse run(dev.imap4.client.internal.engine.Command<StatusResponse> cmd) {
        untaggedResponses.drop("OK", "NO", "BAD");
        StatusResponse tagged = engine.execute(cmd);
        if (tagged.code() != null) {
            untaggedResponses.keepCode(tagged);
        }
        return tagged;
    }

    // a verb class's raw form, answered with the untagged data it names
    private ImapResult data(RawCommand cmd) {
        return untaggedResponse(runRaw(cmd), cmd.data());
    }

    private ImapResult untaggedResponse(StatusResponse tagged, String name) {
        if ("NO".equals(tagged.status())) {
            return result(tagged);
        }
        List<ImapData> data = untaggedResponses.remove(name);
        return new ImapResult(tagged.status(), data == null ? nones() : data);
    }

    private static ImapResult result(StatusResponse tagged) {
        return new ImapResult(tagged.status(), List.of(new ImapData.Line(tagged.raw())));
    }

    private static List<ImapData> nones() {
        List<ImapData> l = new ArrayList<>(1);
        l.add(null);
        return l;
    }

    static byte[] mapCrlf(byte[] message) {
        int extra = 0;
        for (int i = 0; i < message.length; i++) {
            if (message[i] == '\n' && (i == 0 || message[i - 1] != '\r')) {
                extra++;
            } else if (message[i] == '\r' && (i + 1 >= message.length || message[i + 1] != '\n')) {
                extra++;
            }
        }
        if (extra == 0) {
            return message;
        }
        byte[] out = new byte[message.length + extra];
        int j = 0;
        for (int i = 0; i < message.length; i++) {
            byte b = message[i];
            if (b == '\n' && (i == 0 || message[i - 1] != '\r')) {
                out[j++] = '\r';
                out[j++] = '\n';
            } else if (b == '\r' && (i + 1 >= message.length || message[i + 1] != '\n')) {
                out[j++] = '\r';
                out[j++] = '\n';
            } else {
                out[j++] = b;
            }
        }
        return out;
    }

    CommandEngine engine() {
        return engine;
    }
}
