package dev.imap4.client;

import dev.imap4.client.internal.transport.PemTrust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Connection settings shared by every connection kind: timeouts, parser limits, TLS and tracing.
 * Immutable; each {@code withX} returns a copy.
 */
public final class Imap4Options {

    /** imaplib's {@code _MAXLINE} is one million bytes; a long UID SEARCH answer needs a little more. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 8 * 1024 * 1024;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;
    public static final int DEFAULT_LITERAL_MEMORY_THRESHOLD = 4 * 1024 * 1024;
    public static final long DEFAULT_MAX_LITERAL_SIZE = Long.MAX_VALUE;
    /**
     * Ten minutes: a consumer batch of 100 messages of 1 MB each (100 MB in one UID FETCH) still
     * completes on a link of about 1.4 Mbit/s, while a server that trickles bytes holds a thread
     * for at most twice the default read timeout.
     */
    public static final Duration DEFAULT_COMMAND_DEADLINE = Duration.ofMinutes(10);
    /**
     * A quarter of the JVM's maximum heap, at least 16 MiB (a longest line and an in-memory literal
     * fit with room to spare) and at most 64 MiB (a connection needs no more for any normal answer).
     */
    public static final long DEFAULT_MAX_HELD_BYTES =
            Math.min(64L << 20, Math.max(16L << 20, Runtime.getRuntime().maxMemory() / 4));
    /** 4 GiB: above the message size limit of any common server, far below a full disk. */
    public static final long DEFAULT_MAX_SPOOL_BYTES = 4L << 30;

    private Duration connectTimeout = Duration.ofSeconds(30);
    private Duration readTimeout = Duration.ofMinutes(5);
    private Duration commandDeadline = DEFAULT_COMMAND_DEADLINE;
    private int maxLineLength = DEFAULT_MAX_LINE_LENGTH;
    private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
    private int literalMemoryThreshold = DEFAULT_LITERAL_MEMORY_THRESHOLD;
    private long maxLiteralSize = DEFAULT_MAX_LITERAL_SIZE;
    private long maxHeldBytes = DEFAULT_MAX_HELD_BYTES;
    private long maxSpoolBytes = DEFAULT_MAX_SPOOL_BYTES;
    private long maxUnsolicitedBytes = -1;
    private Path spoolDirectory;
    private SSLContext sslContext;
    private ImapProxy proxy;
    private int debug;
    private boolean utf8Accept = true;
    private boolean compression;

    public static Imap4Options defaults() {
        return new Imap4Options();
    }

    private Imap4Options copy() {
        Imap4Options o = new Imap4Options();
        o.connectTimeout = connectTimeout;
        o.readTimeout = readTimeout;
        o.commandDeadline = commandDeadline;
        o.maxLineLength = maxLineLength;
        o.maxNestingDepth = maxNestingDepth;
        o.literalMemoryThreshold = literalMemoryThreshold;
        o.maxLiteralSize = maxLiteralSize;
        o.maxHeldBytes = maxHeldBytes;
        o.maxSpoolBytes = maxSpoolBytes;
        o.maxUnsolicitedBytes = maxUnsolicitedBytes;
        o.spoolDirectory = spoolDirectory;
        o.sslContext = sslContext;
        o.proxy = proxy;
        o.debug = debug;
        o.utf8Accept = utf8Accept;
        o.compression = compression;
        return o;
    }

    /** Time allowed for the TCP (and TLS) connect; zero waits forever. */
    public Imap4Options withConnectTimeout(Duration timeout) {
        Imap4Options o = copy();
        o.connectTimeout = nonNegative(timeout, "connectTimeout");
        return o;
    }

    /** Time a read may block before the connection is aborted; zero waits forever (IDLE re-arms it). */
    public Imap4Options withReadTimeout(Duration timeout) {
        Imap4Options o = copy();
        o.readTimeout = nonNegative(timeout, "readTimeout");
        return o;
    }

    /**
     * Longest a command may take from its first byte sent to its tagged response, however slowly
     * the server trickles bytes (the read timeout restarts with every byte; this does not). A command
     * that passes it is aborted and the connection closed. Zero: no deadline. IDLE is bounded by
     * its own duration instead (see {@code ImapClient.idle}).
     */
    public Imap4Options withCommandDeadline(Duration deadline) {
        Imap4Options o = copy();
        o.commandDeadline = nonNegative(deadline, "commandDeadline");
        return o;
    }

    /** Longest response line (without literals) accepted before the connection is aborted. */
    public Imap4Options withMaxLineLength(int bytes) {
        Imap4Options o = copy();
        o.maxLineLength = positive(bytes, "maxLineLength");
        return o;
    }

    /** Deepest parenthesis nesting accepted in a response (BODYSTRUCTURE, THREAD). */
    public Imap4Options withMaxNestingDepth(int depth) {
        Imap4Options o = copy();
        o.maxNestingDepth = positive(depth, "maxNestingDepth");
        return o;
    }

    /** Literals up to this size are held in memory; larger ones are spooled to a temporary file. */
    public Imap4Options withLiteralMemoryThreshold(int bytes) {
        Imap4Options o = copy();
        o.literalMemoryThreshold = positive(bytes, "literalMemoryThreshold");
        return o;
    }

    /** Largest literal accepted at all, in memory or spooled; a larger declaration aborts. */
    public Imap4Options withMaxLiteralSize(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("maxLiteralSize must be positive, was " + bytes);
        }
        Imap4Options o = copy();
        o.maxLiteralSize = bytes;
        return o;
    }

    /**
     * The heap budget of one connection: bytes of lines and in-memory literals it holds from the
     * server at once (the running command's data, kept untagged data, results being built; each
     * line or literal also counts {@value dev.imap4.client.internal.engine.ConnectionBudget#ITEM_OVERHEAD}
     * bytes). Exceeding it aborts the connection. Default {@link #DEFAULT_MAX_HELD_BYTES}.
     */
    public Imap4Options withMaxHeldBytes(long bytes) {
        Imap4Options o = copy();
        o.maxHeldBytes = positive(bytes, "maxHeldBytes");
        return o;
    }

    /**
     * The disk budget of one connection: bytes of spooled literals it owns at once (those not yet
     * handed to the caller). Exceeding it aborts the connection. Default 4 GiB.
     */
    public Imap4Options withMaxSpoolBytes(long bytes) {
        Imap4Options o = copy();
        o.maxSpoolBytes = positive(bytes, "maxSpoolBytes");
        return o;
    }

    /**
     * How many bytes of untagged data (lines and literals, in memory or spooled) the raw API's
     * store keeps from earlier commands; above it the oldest entries are dropped. Data of the
     * running command is never dropped (the budgets bound it). Default a quarter of
     * {@link #maxHeldBytes()}.
     */
    public Imap4Options withMaxUnsolicitedBytes(long bytes) {
        Imap4Options o = copy();
        o.maxUnsolicitedBytes = positive(bytes, "maxUnsolicitedBytes");
        return o;
    }

    /** Where large literals are spooled; the JVM's temporary directory when unset. */
    public Imap4Options withSpoolDirectory(Path directory) {
        Imap4Options o = copy();
        o.spoolDirectory = directory;
        return o;
    }

    /**
     * The TLS context for IMAP4_SSL and STARTTLS. Host names are verified whatever the context;
     * when unset, the JVM's default trust store is used. A context whose trust manager accepts any
     * certificate is refused ({@link dev.imap4.client.internal.transport.TrustProbe}).
     *
     * @throws IllegalArgumentException when the context trusts a certificate no one can trust
     */
    public Imap4Options withSslContext(SSLContext context) {
        if (context != null && dev.imap4.client.internal.transport.TrustProbe.acceptsAnything(context)) {
            throw new IllegalArgumentException("withSslContext: the TLS context's trust manager accepts a"
                    + " self-signed certificate that no one can trust, so it would accept any server (a trust-all"
                    + " manager); build the context on a trust store holding the server's certificate or CA");
        }
        Imap4Options o = copy();
        o.sslContext = context;
        return o;
    }

    /**
     * Trusts exactly the certificates of a PEM file (Python's {@code cafile=}, curl's
     * {@code --cacert}): a self-signed server's certificate, a private CA, or several in one file.
     * Chains and host names are still verified. Replaces {@link #withSslContext}; the file is read now.
     *
     * @throws Imap4Exception when the file cannot be read or holds no certificate
     */
    public Imap4Options withTrustedCertificates(Path pemFile) {
        byte[] pem;
        try {
            pem = Files.readAllBytes(pemFile);
        } catch (IOException e) {
            throw new Imap4Exception("cannot read the trusted certificates file " + pemFile + ": " + e, e);
        }
        return withTrustedCertificates(pem, pemFile.toString());
    }

    /** As {@link #withTrustedCertificates(Path)}, from PEM bytes; {@code source} names them in errors. */
    public Imap4Options withTrustedCertificates(byte[] pem, String source) {
        return withSslContext(PemTrust.sslContext(pem, source));
    }

    /** imaplib's debug level: above 3 every command and response line is traced, secrets redacted. */
    /**
     * Connect through {@code proxy} (SOCKS5 or HTTP CONNECT); null connects directly. The proxy's
     * handshake counts against the connect timeout; TLS still verifies the server, not the proxy.
     */
    public Imap4Options withProxy(ImapProxy proxy) {
        Imap4Options o = copy();
        o.proxy = proxy;
        return o;
    }

    public Imap4Options withDebug(int level) {
        Imap4Options o = copy();
        o.debug = Math.max(0, level);
        return o;
    }

    /**
     * Whether the typed client ENABLEs RFC 6855 UTF8=ACCEPT after LOGIN or AUTHENTICATE, or after a
     * PREAUTH greeting, when the server offers it (default true): mailbox names then travel as UTF-8
     * instead of modified UTF-7, and APPEND sends a message with UTF-8 header fields in the UTF8 form.
     * Turned off, a UTF8=ONLY server is refused at login. The imaplib API never enables it by itself,
     * as imaplib does not.
     */
    public Imap4Options withUtf8Accept(boolean enable) {
        Imap4Options o = copy();
        o.utf8Accept = enable;
        return o;
    }

    public boolean utf8Accept() {
        return utf8Accept;
    }

    /**
     * Whether the typed client sends RFC 4978 COMPRESS DEFLATE right after LOGIN or AUTHENTICATE,
     * or when it is first taken after a PREAUTH greeting ({@code Imap4.client()}), when the server offers
     * COMPRESS=DEFLATE; a NO or BAD leaves the connection uncompressed. Default false: compression
     * costs CPU on both ends and pays only on slow links, and compressing secrets together with
     * data an attacker can inject (CRIME-style length leaks) is a risk only the user can weigh.
     * Credentials are always sent before compression starts. The imaplib API never compresses by
     * itself.
     */
    public Imap4Options withCompression(boolean enable) {
        Imap4Options o = copy();
        o.compression = enable;
        return o;
    }

    public boolean compression() {
        return compression;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public Duration commandDeadline() {
        return commandDeadline;
    }

    public int maxLineLength() {
        return maxLineLength;
    }

    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    public int literalMemoryThreshold() {
        return literalMemoryThreshold;
    }

    public long maxLiteralSize() {
        return maxLiteralSize;
    }

    public long maxHeldBytes() {
        return maxHeldBytes;
    }

    public long maxSpoolBytes() {
        return maxSpoolBytes;
    }

    public long maxUnsolicitedBytes() {
        return maxUnsolicitedBytes > 0 ? maxUnsolicitedBytes : maxHeldBytes / 4;
    }

    public Path spoolDirectory() {
        return spoolDirectory;
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    /** The proxy connections go through, or null. */
    public ImapProxy proxy() {
        return proxy;
    }

    public int debug() {
        return debug;
    }

    private static Duration nonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + d);
        }
        return d;
    }

    private static long positive(long v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + v);
        }
        return v;
    }

    private static int positive(int v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + v);
        }
        return v;
    }
}
