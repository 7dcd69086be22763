package dev.imap4.client;

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

    private Duration connectTimeout = Duration.ofSeconds(30);
    private Duration readTimeout = Duration.ofMinutes(5);
    private int maxLineLength = DEFAULT_MAX_LINE_LENGTH;
    private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
    private int literalMemoryThreshold = DEFAULT_LITERAL_MEMORY_THRESHOLD;
    private long maxLiteralSize = DEFAULT_MAX_LITERAL_SIZE;
    private Path spoolDirectory;
    private SSLContext sslContext;
    private int debug;

    public static Imap4Options defaults() {
        return new Imap4Options();
    }

    private Imap4Options copy() {
        Imap4Options o = new Imap4Options();
        o.connectTimeout = connectTimeout;
        o.readTimeout = readTimeout;
        o.maxLineLength = maxLineLength;
        o.maxNestingDepth = maxNestingDepth;
        o.literalMemoryThreshold = literalMemoryThreshold;
        o.maxLiteralSize = maxLiteralSize;
        o.spoolDirectory = spoolDirectory;
        o.sslContext = sslContext;
        o.debug = debug;
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

    /** Where large literals are spooled; the JVM's temporary directory when unset. */
    public Imap4Options withSpoolDirectory(Path directory) {
        Imap4Options o = copy();
        o.spoolDirectory = directory;
        return o;
    }

    /**
     * The TLS context for IMAP4_SSL and STARTTLS. Host names are verified whatever the context;
     * when unset, the JVM's default trust store is used. A context whose trust manager accepts any
     * certificate is refused ({@link dev.imap4.client.transport.TrustProbe}).
     *
     * @throws IllegalArgumentException when the context trusts a certificate no one can trust
     */
    public Imap4Options withSslContext(SSLContext context) {
        if (context != null && dev.imap4.client.transport.TrustProbe.acceptsAnything(context)) {
            throw new IllegalArgumentException("withSslContext: the TLS context's trust manager accepts a"
                    + " self-signed certificate that no one can trust, so it would accept any server (a trust-all"
                    + " manager); build the context on a trust store holding the server's certificate or CA");
        }
        Imap4Options o = copy();
        o.sslContext = context;
        return o;
    }

    /** imaplib's debug level: above 3 every command and response line is traced, secrets redacted. */
    public Imap4Options withDebug(int level) {
        Imap4Options o = copy();
        o.debug = Math.max(0, level);
        return o;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
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

    public Path spoolDirectory() {
        return spoolDirectory;
    }

    public SSLContext sslContext() {
        return sslContext;
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

    private static int positive(int v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + v);
        }
        return v;
    }
}
