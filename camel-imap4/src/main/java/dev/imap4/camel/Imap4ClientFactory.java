package dev.imap4.camel;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.Imap4Ssl;
import dev.imap4.client.Imap4Stream;
import dev.imap4.client.ImapClient;
import dev.imap4.client.ImapProxy;
import dev.imap4.client.ImapState;
import dev.imap4.client.sasl.JdkSasl;
import dev.imap4.client.sasl.Sasl;
import dev.imap4.client.sasl.SaslMechanism;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.camel.CamelContext;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustAllTrustManager;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * Opens authenticated connections for an endpoint's configuration: implicit TLS, STARTTLS (refusing
 * PREAUTH and a server without STARTTLS), plain only when chosen, or a child process. Credentials
 * and host come from the endpoint, never from message headers. Replace it on the component to
 * connect differently.
 */
public class Imap4ClientFactory {

    /** Connects and authenticates; the caller owns the returned client. */
    public ImapClient connect(Imap4Configuration config, CamelContext context) throws Exception {
        Imap4Options options = options(config, context);
        Imap4 conn;
        if (config.getStreamCommand() != null) {
            conn = new Imap4Stream(config.getStreamCommand(), options);
        } else {
            conn = switch (config.getSecurity()) {
                case SSL -> new Imap4Ssl(config.getHost(), config.effectivePort(), options);
                case STARTTLS -> Imap4.connectWithStartTls(config.getHost(), config.effectivePort(), options);
                case PLAIN -> new Imap4(config.getHost(), config.effectivePort(), options);
            };
        }
        ImapClient client = conn.client();
        try {
            if (client.state() == ImapState.NONAUTH) {
                Imap4OAuth2.authenticate(config, () -> authenticate(client, config));
            }
            return client;
        } catch (Exception e) {
            conn.shutdown();
            throw e;
        }
    }

    /** The client core options for this configuration. */
    protected Imap4Options options(Imap4Configuration config, CamelContext context) throws Exception {
        Imap4Options options = Imap4Options.defaults()
                .withConnectTimeout(Duration.ofMillis(config.getConnectTimeout()))
                .withReadTimeout(Duration.ofMillis(config.getReadTimeout()))
                .withCommandDeadline(Duration.ofMillis(config.getCommandTimeout()))
                .withMaxSpoolBytes(config.getMaxSpoolBytes())
                .withCompression(config.isCompression())
                .withDebug(config.getDebugLevel());
        if (config.getMaxHeldBytes() != 0) {
            options = options.withMaxHeldBytes(config.getMaxHeldBytes());
        }
        ImapProxy proxy = proxy(config);
        if (proxy != null) {
            options = options.withProxy(proxy);
        }
        String pem = config.getTrustCertificates();
        if (pem != null && config.getSslContextParameters() != null) {
            throw new IllegalArgumentException("set trustCertificates or sslContextParameters, not both: put the"
                    + " certificates of " + pem + " in the trust store of the SSL context parameters instead");
        }
        if (pem != null) {
            options = options.withTrustedCertificates(readResource(pem, context), pem);
        } else if (config.getSslContextParameters() != null) {
            refuseTrustAll(config.getSslContextParameters());
            SSLContext ssl = config.getSslContextParameters().createSSLContext(context);
            try {
                options = options.withSslContext(ssl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("imap4 verifies server certificates, and the trust manager of"
                        + " sslContextParameters accepts a self-signed certificate that no one can trust (a trust-all"
                        + " manager); add the server's certificate or CA to a trust store instead", e);
            }
        }
        return options;
    }

    /** The proxy the options name, or null; a partial proxy configuration is refused. */
    static ImapProxy proxy(Imap4Configuration config) {
        boolean any = config.getProxyType() != null || config.getProxyHost() != null || config.getProxyPort() != 0
                || config.getProxyUsername() != null || config.getProxyPassword() != null;
        if (!any) {
            return null;
        }
        if (config.getProxyType() == null || config.getProxyHost() == null || config.getProxyPort() == 0) {
            throw new IllegalArgumentException("a proxy needs proxyType (SOCKS5 or HTTP), proxyHost and proxyPort");
        }
        ImapProxy proxy = ImapProxy.of(config.getProxyType(), config.getProxyHost(), config.getProxyPort());
        if ((config.getProxyUsername() == null) != (config.getProxyPassword() == null)) {
            throw new IllegalArgumentException("set both proxyUsername and proxyPassword, or neither");
        }
        return config.getProxyUsername() == null ? proxy
                : proxy.withCredentials(config.getProxyUsername(), config.getProxyPassword());
    }

    /** A plain path is a file; classpath:, file: and http: are resolved as Camel resolves resources. */
    private static byte[] readResource(String location, CamelContext context) throws IOException {
        if (!ResourceHelper.hasScheme(location)) {
            try {
                return Files.readAllBytes(Path.of(location));
            } catch (IOException e) {
                throw new IOException("cannot read trustCertificates " + location + ": " + e, e);
            }
        }
        try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(context, location)) {
            return in.readAllBytes();
        }
    }

    /**
     * Certificates are always verified: Camel's trust-all manager (what
     * {@code camel.ssl.trustAllCertificates=true} installs) is refused here by its class, and any
     * other trust manager that accepts every chain by the client core's probe
     * ({@link Imap4Options#withSslContext}). Trust a private server by putting its certificate in a
     * trust store.
     */
    static void refuseTrustAll(SSLContextParameters parameters) {
        TrustManagersParameters tm = parameters.getTrustManagers();
        if (tm != null && tm.getTrustManager() instanceof TrustAllTrustManager) {
            throw new IllegalArgumentException("imap4 verifies server certificates and refuses a trust-all"
                    + " trust manager (camel.ssl.trustAllCertificates); add the server's certificate or CA to"
                    + " a trust store instead");
        }
    }

    private static void authenticate(ImapClient client, Imap4Configuration config) {
        String user = config.getUsername();
        if (user == null) {
            throw new Imap4Exception("the server wants a login but no username is configured");
        }
        Imap4SaslMechanism chosen = config.getSaslMechanism() == null ? Imap4SaslMechanism.AUTO : config.getSaslMechanism();
        if (chosen == Imap4SaslMechanism.LOGIN) {
            client.login(user, config.getPassword());
            return;
        }
        SaslMechanism sasl;
        try {
            sasl = Sasl.choose(client.capabilities(), user, config.getPassword(), config.getAccessTokenSupplier(),
                    chosen == Imap4SaslMechanism.AUTO ? Sasl.AUTO : chosen.saslName(), config.getHost(),
                    config.effectivePort());
        } catch (Imap4Exception e) {
            if (chosen != Imap4SaslMechanism.AUTO || config.getPassword() == null) {
                throw e;
            }
            // no SASL mechanism in common: the LOGIN command (refused when the server says LOGINDISABLED)
            client.login(user, config.getPassword());
            return;
        }
        if (chosen == Imap4SaslMechanism.GSSAPI && config.getKerberosLoginContext() != null) {
            sasl = JdkSasl.gssapi(config.getHost(), null, kerberosLogin(config));
        }
        client.authenticate(sasl);
    }

    /** The subject of the kerberosLoginContext JAAS entry, its prompts answered with username and password. */
    private static Subject kerberosLogin(Imap4Configuration config) {
        CallbackHandler prompts = callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof NameCallback n && config.getUsername() != null) {
                    n.setName(config.getUsername());
                } else if (c instanceof PasswordCallback p && config.getPassword() != null) {
                    p.setPassword(config.getPassword().toCharArray());
                }
            }
        };
        try {
            LoginContext login = new LoginContext(config.getKerberosLoginContext(), prompts);
            login.login();
            return login.getSubject();
        } catch (LoginException e) {
            throw new Imap4Exception("Kerberos login through the JAAS entry " + config.getKerberosLoginContext()
                    + " failed: " + e.getMessage());
        }
    }
}
