package dev.imap4.client.interop;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.Imap4Ssl;
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
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * One throwaway server started by {@code scripts/dovecot.sh} or {@code scripts/cyrus.sh}, described
 * by the {@code server.properties} the script wrote into its directory. A server that is not
 * configured is represented too, so that every test using it reports plainly that it did not run.
 */
public final class ImapServer {

    /** The server products the suite runs against. */
    public enum Kind {
        DOVECOT, CYRUS
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

    public Kind kind() {
        return kind;
    }

    public boolean is(Kind k) {
        return kind == k;
    }

    public String host() {
        return prop("host");
    }

    public int port() {
        return Integer.parseInt(prop("port"));
    }

    public int tlsPort() {
        return Integer.parseInt(prop("tls.port"));
    }

    public String user() {
        return prop("user");
    }

    public String password() {
        return prop("password");
    }

    public String user2() {
        return prop("user2");
    }

    public String password2() {
        return prop("password2");
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
        return Imap4Options.defaults().withSslContext(sslContext())
                .withConnectTimeout(Duration.ofSeconds(10)).withReadTimeout(Duration.ofSeconds(60));
    }

    /** A plain connection, not logged in. */
    public Imap4 connect() {
        return new Imap4(host(), port(), options());
    }

    /** An implicit-TLS connection, not logged in. */
    public Imap4Ssl connectTls() {
        return new Imap4Ssl(host(), tlsPort(), options());
    }

    /** The raw API, logged in as the first test user. */
    public Imap4 login() {
        return login(user(), password());
    }

    public Imap4 login(String user, String password) {
        Imap4 m = connect();
        m.login(user, password);
        return m;
    }

    /** The typed API, logged in as the first test user. */
    public ImapClient client() {
        return client(user(), password());
    }

    public ImapClient client(String user, String password) {
        ImapClient c = connect().client();
        c.login(user, password);
        return c;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase();
    }
}
