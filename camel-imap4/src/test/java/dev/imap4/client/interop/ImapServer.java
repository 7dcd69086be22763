package dev.imap4.client.interop;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.Imap4Ssl;
import dev.imap4.client.Imap4Stream;
import dev.imap4.client.ImapClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * One throwaway server started by {@code scripts/<kind>.sh}, described by the
 * {@code server.properties} the script wrote into its directory. A server that is not configured
 * is represented too, so that every test using it reports plainly that it did not run.
 *
 * <p>Dovecot and Cyrus listen on TCP ports and log users in with passwords. Mailutils' imap4d and
 * Courier-IMAP run without a daemon: each connection is a preauthenticated child process
 * ({@link Imap4Stream}), so {@link #login()} and {@link #client()} start one for the user, and a
 * test that needs the network or a password login {@linkplain #require(Feature) requires}
 * {@link Feature#NETWORK}.
 */
public final class ImapServer {

    /** The server products the suite runs against. */
    public enum Kind {
        DOVECOT, CYRUS, MAILUTILS, COURIER
    }

    /**
     * What some of the servers do not do. Each server's list, with the reason, is in
     * {@link #unsupported(Kind)}; a test that needs one of these calls {@link #require(Feature)}.
     */
    public enum Feature {
        /** TCP, STARTTLS, implicit TLS, LOGIN and AUTHENTICATE: the servers run as stream children. */
        NETWORK,
        /** RFC 4314 ACL (GETACL, SETACL, DELETEACL, MYRIGHTS). */
        ACL,
        /** A mailbox shared by SETACL appears in the other user's namespace (needs more than ACL). */
        SHARED_FOLDERS,
        /** RFC 9208 QUOTA. */
        QUOTA,
        /** RFC 7162 CONDSTORE and QRESYNC. */
        CONDSTORE,
        /** RFC 6851 MOVE. */
        MOVE,
        /** RFC 5256 SORT and THREAD. */
        SORT_THREAD,
        /** RFC 4315 UIDPLUS (APPENDUID, COPYUID, UID EXPUNGE). */
        UIDPLUS,
        /** RFC 2177 IDLE. */
        IDLE,
        /** IDLE reports, within seconds, a message another connection appends. */
        IDLE_WAKES,
        /** RFC 2971 ID. */
        ID,
        /** RFC 5161 ENABLE. */
        ENABLE,
        /** RFC 6154 special-use mailboxes (Drafts, Sent, Trash, Junk, Archive made by the script). */
        SPECIAL_USE,
        /** RFC 3502 MULTIAPPEND. */
        MULTIAPPEND,
        /** RFC 5258 LIST-EXTENDED and RFC 5819 LIST-STATUS. */
        LIST_EXTENDED,
        /** RFC 3516 BINARY. */
        BINARY,
        /** RFC 4731 ESEARCH. */
        ESEARCH,
        /** RFC 4978 COMPRESS=DEFLATE. */
        COMPRESS,
        /** RFC 7888 LITERAL+. */
        LITERAL_PLUS,
        /** RFC 3691 UNSELECT. */
        UNSELECT,
        /** Keywords ($Forwarded...) as flags: PERMANENTFLAGS holds \\*. */
        KEYWORDS
    }

    /** The features {@code kind} lacks, each stated here once for the whole suite. */
    static Set<Feature> unsupported(Kind kind) {
        return switch (kind) {
            // their differences are asserted where they show, in the tests
            case DOVECOT, CYRUS -> EnumSet.noneOf(Feature.class);
            // imap4d 3.15 advertises IMAP4rev1 NAMESPACE ID IDLE LITERAL+ UNSELECT and nothing else;
            // its PERMANENTFLAGS has no \\* (no keywords), and on a Maildir it reports no message
            // appended by another session until the next SELECT, so IDLE is never woken
            case MAILUTILS -> EnumSet.of(Feature.NETWORK, Feature.IDLE_WAKES, Feature.ACL, Feature.SHARED_FOLDERS,
                    Feature.QUOTA, Feature.CONDSTORE, Feature.MOVE, Feature.SORT_THREAD, Feature.UIDPLUS,
                    Feature.ENABLE, Feature.SPECIAL_USE, Feature.MULTIAPPEND, Feature.LIST_EXTENDED, Feature.BINARY,
                    Feature.ESEARCH, Feature.COMPRESS, Feature.KEYWORDS);
            // Courier-IMAP 5.0 with Debian's IMAP_CAPABILITY and IMAP_ACL=1: IMAP4rev1 UIDPLUS
            // CHILDREN NAMESPACE THREAD=ORDEREDSUBJECT THREAD=REFERENCES SORT QUOTA IDLE ACL
            // ACL2=UNION ENABLE UTF8=ACCEPT. Other users' folders need Courier's shared index,
            // which courier.sh does not build; ENABLE enables nothing it is asked for.
            case COURIER -> EnumSet.of(Feature.NETWORK, Feature.SHARED_FOLDERS, Feature.CONDSTORE, Feature.MOVE,
                    Feature.ID, Feature.SPECIAL_USE, Feature.MULTIAPPEND, Feature.LIST_EXTENDED, Feature.BINARY,
                    Feature.ESEARCH, Feature.COMPRESS, Feature.LITERAL_PLUS, Feature.UNSELECT);
        };
    }

    private final Kind kind;
    private final Properties props;
    private final String missingReason;
    private SSLContext sslContext;

    private ImapServer(Kind kind, Properties props, String missingReason) {
        this.kind = kind;
        this.props = props;
        this.missingReason = missingReason;
    }

    static ImapServer load(Kind kind, Path dir) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("server.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new ImapServer(kind, p, null);
    }

    static ImapServer missing(Kind kind, String reason) {
        return new ImapServer(kind, new Properties(), reason);
    }

    /** Aborts the calling test (reported as not run, with the reason) when the server is missing. */
    public ImapServer require() {
        Assumptions.assumeTrue(missingReason == null, () -> "NOT RUN: " + missingReason);
        return this;
    }

    /**
     * Aborts the calling test, reported as not run with the reason, when the server does not have
     * {@code feature} ({@link #unsupported(Kind)} states what each one lacks).
     */
    public ImapServer require(Feature feature) {
        require();
        Assumptions.assumeTrue(supports(feature), () -> "NOT SUPPORTED by " + this + ": " + feature);
        return this;
    }

    public boolean supports(Feature feature) {
        return !unsupported(kind).contains(feature);
    }

    /** True when every connection is a preauthenticated child process (Mailutils, Courier). */
    public boolean isStream() {
        return !supports(Feature.NETWORK);
    }

    /**
     * The command line of a preauthenticated session of {@code user}: {@code stream.command} for the
     * first test user, {@code stream.command.<user>} for the others.
     */
    public String streamCommand(String user) {
        return user.equals(user()) ? prop("stream.command") : prop("stream.command." + user);
    }

    /**
     * Ends the server processes of this stream server that are still running (the tests run one
     * at a time, so none is in use): imap4d does not exit when its input ends and spins, and a
     * connection whose transport leaves its child running must not slow the rest of the suite.
     * Each one ended is reported on stderr, so a leak stays visible. Returns how many there were.
     */
    int reapLeftovers() {
        if (missingReason != null || !isStream()) {
            return 0;
        }
        String prefix = props.getProperty("stream.process.prefix");
        if (prefix == null) {
            return 0;
        }
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.startsWith(prefix)).orElse(false)).toList();
        for (ProcessHandle p : left) {
            System.err.println("*** " + this + ": ending a server process left running by an earlier test: pid "
                    + p.pid() + " " + p.info().commandLine().orElse(""));
            p.destroy();
        }
        for (ProcessHandle p : left) {
            try {
                p.onExit().get(2, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        return left.size();
    }

    /** Where the test folders go: {@code ""}, or {@code "INBOX."} on Courier. */
    public String folderPrefix() {
        require();
        return props.getProperty("folder.prefix", "");
    }

    /** The hierarchy delimiter of the personal namespace. */
    public String separator() {
        require();
        return props.getProperty("separator", "/");
    }

    /** {@link Fixtures#folder(String)} in this server's personal namespace. */
    public String folder(String label) {
        return folderPrefix() + Fixtures.folder(label);
    }

    /**
     * A mailbox name as the server writes it in LIST, LSUB and STATUS: Courier quotes every name,
     * the others only names that are not atoms.
     */
    public String onWire(String mailbox) {
        return is(Kind.COURIER) ? "\"" + mailbox + "\"" : mailbox;
    }

    /** {@code parent + separator + child}. */
    public String child(String parent, String child) {
        return parent + separator() + child;
    }

    public Kind kind() {
        return kind;
    }

    public boolean is(Kind k) {
        return kind == k;
    }

    /** The TCP host; a test asking for it on a stream server is not run there. */
    public String host() {
        require(Feature.NETWORK);
        return prop("host");
    }

    public int port() {
        require(Feature.NETWORK);
        return Integer.parseInt(prop("port"));
    }

    public int tlsPort() {
        require(Feature.NETWORK);
        return Integer.parseInt(prop("tls.port"));
    }

    public String user() {
        return prop("user");
    }

    /** The first test user's password; a stream server logs nobody in, so there it is empty. */
    public String password() {
        return isStream() ? "" : prop("password");
    }

    public String user2() {
        return prop("user2");
    }

    public String password2() {
        return isStream() ? "" : prop("password2");
    }

    public String admin() {
        return prop("admin");
    }

    public String adminPassword() {
        return prop("admin.password");
    }

    /** A named property of server.properties, e.g. {@code stream.command}. */
    public String prop(String name) {
        require();
        String v = props.getProperty(name);
        if (v == null) {
            throw new IllegalStateException(kind + " server.properties has no '" + name + "'");
        }
        return v;
    }

    /** Trusts exactly the server's self-signed certificate, through a trust store. */
    public synchronized SSLContext sslContext() {
        if (sslContext == null) {
            try (InputStream in = Files.newInputStream(Path.of(prop("cert")))) {
                KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                ks.load(null, null);
                ks.setCertificateEntry(kind.name().toLowerCase(),
                        CertificateFactory.getInstance("X.509").generateCertificate(in));
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ks);
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, tmf.getTrustManagers(), null);
                sslContext = ctx;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot build a trust store from " + prop("cert"), e);
            }
        }
        return sslContext;
    }

    /** Options trusting the server's certificate, with timeouts that turn a hang into a failure. */
    public Imap4Options options() {
        Imap4Options o = Imap4Options.defaults().withConnectTimeout(Duration.ofSeconds(10))
                .withReadTimeout(Duration.ofSeconds(60));
        return isStream() ? o : o.withSslContext(sslContext());
    }

    /** A plain connection, not logged in (a stream server has none: the test is not run there). */
    public Imap4 connect() {
        require(Feature.NETWORK);
        return new Imap4(host(), port(), options());
    }

    /** An implicit-TLS connection, not logged in. */
    public Imap4Ssl connectTls() {
        require(Feature.NETWORK);
        return new Imap4Ssl(host(), tlsPort(), options());
    }

    /**
     * A connection with {@code options}: not yet logged in on a network server (call
     * {@link #logIn(ImapClient)}), a preauthenticated session of the first user on a stream server.
     */
    public Imap4 open(Imap4Options options) {
        if (isStream()) {
            return new Imap4Stream(prop("stream.command"), options);
        }
        return new Imap4(host(), port(), options);
    }

    /** Logs the first test user in, unless the connection is a preauthenticated stream. */
    public void logIn(ImapClient c) {
        if (!isStream()) {
            c.login(user(), password());
        }
    }

    /** Logs the first test user in, unless the connection is a preauthenticated stream. */
    public void logIn(Imap4 m) {
        if (!isStream()) {
            m.login(user(), password());
        }
    }

    /** The raw API, logged in as the first test user. */
    public Imap4 login() {
        return login(user(), password());
    }

    /**
     * The raw API, logged in as {@code user}; on a stream server, a preauthenticated session of
     * {@code user} (the password is not used).
     */
    public Imap4 login(String user, String password) {
        if (isStream()) {
            return new Imap4Stream(streamCommand(user), options());
        }
        Imap4 m = connect();
        m.login(user, password);
        return m;
    }

    /** The typed API, logged in as the first test user. */
    public ImapClient client() {
        return client(user(), password());
    }

    public ImapClient client(String user, String password) {
        if (isStream()) {
            return login(user, password).client();
        }
        ImapClient c = connect().client();
        c.login(user, password);
        return c;
    }

    /**
     * An {@code imap4:} endpoint URI for the first test user: STARTTLS with a password on a network
     * server, {@code streamCommand} (no host) on a stream server.
     */
    public String camelUri(String options) {
        if (isStream()) {
            return "imap4:?streamCommand=RAW(" + prop("stream.command") + ")&" + options;
        }
        return "imap4:" + host() + ":" + port() + "?security=STARTTLS&username=" + user()
                + "&password=RAW(" + password() + ")&" + options;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
