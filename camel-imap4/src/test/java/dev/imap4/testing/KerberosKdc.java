package dev.imap4.testing;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.security.sasl.AuthorizeCallback;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;
import org.apache.kerby.kerberos.kerb.server.SimpleKdcServer;

/**
 * One in-process Kerberos KDC (Apache Kerby) on loopback TCP for the whole test JVM, realm
 * {@value #REALM}: user {@code joe} with password {@value #PASSWORD}, and the service
 * {@code imap/localhost} with its keys in a keytab. The JVM reads its Kerberos configuration once,
 * so every test shares this KDC; it is started on first use and lives until the JVM exits.
 */
public final class KerberosKdc {

    public static final String REALM = "EXAMPLE.TEST";
    public static final String USER = "joe@" + REALM;
    public static final String PASSWORD = "joes-kerberos-password";
    private static final String SERVICE = "imap/localhost@" + REALM;

    private static File keytab;

    private KerberosKdc() {
    }

    /** Starts the KDC once and points the JVM's Kerberos at it. */
    public static synchronized void start() throws Exception {
        if (keytab != null) {
            return;
        }
        Path dir = Files.createTempDirectory("imap4-kdc");
        dir.toFile().deleteOnExit();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SimpleKdcServer kdc = new SimpleKdcServer();
        kdc.setWorkDir(dir.toFile());
        kdc.setKdcHost("localhost");
        kdc.setKdcRealm(REALM);
        kdc.setAllowUdp(false);
        kdc.setKdcTcpPort(port);
        kdc.init();
        kdc.createPrincipal(USER, PASSWORD);
        File tab = dir.resolve("imap.keytab").toFile();
        kdc.createAndExportPrincipals(tab, SERVICE);
        kdc.start();
        System.setProperty("java.security.krb5.conf", dir.resolve("krb5.conf").toString());
        for (File f : dir.toFile().listFiles()) {
            f.deleteOnExit();
        }
        keytab = tab;
    }

    /** A JAAS configuration whose every entry logs in with Krb5LoginModule and {@code options}. */
    public static Configuration krb5(Map<String, String> options) {
        return new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
            }
        };
    }

    /** The options that log {@link #USER} in with the password its callback handler gives. */
    public static Map<String, String> userOptions() {
        return Map.of("principal", USER, "useTicketCache", "false", "storeKey", "false");
    }

    /** joe, logged in with {@code password}. */
    public static Subject user(String password) throws LoginException {
        CallbackHandler handler = callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof NameCallback n) {
                    n.setName(USER);
                } else if (c instanceof PasswordCallback p) {
                    p.setPassword(password.toCharArray());
                }
            }
        };
        LoginContext lc = new LoginContext("imap", new Subject(), handler, krb5(userOptions()));
        lc.login();
        return lc.getSubject();
    }

    /** An IMAP server answering GSSAPI as imap/localhost with the JDK's SASL server. */
    public static SaslServerPeer gssapiServer() throws Exception {
        LoginContext lc = new LoginContext("imap", new Subject(), callbacks -> { }, krb5(Map.of("principal", SERVICE,
                "useKeyTab", "true", "keyTab", keytab.getPath(), "storeKey", "true", "isInitiator", "false",
                "doNotPrompt", "true")));
        lc.login();
        return new SaslServerPeer("GSSAPI", lc.getSubject(), () -> {
            try {
                return Sasl.createSaslServer("GSSAPI", "imap", "localhost", Map.of(Sasl.QOP, "auth"), callbacks -> {
                    for (Callback c : callbacks) {
                        if (c instanceof AuthorizeCallback a) {
                            a.setAuthorized(a.getAuthenticationID().equals(a.getAuthorizationID()));
                        }
                    }
                });
            } catch (SaslException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** An IMAP server answering NTLM (domain CORP) with the JDK's SASL server; joe's password is {@code password}. */
    public static SaslServerPeer ntlmServer(String password) throws Exception {
        return new SaslServerPeer("NTLM", null, () -> {
            try {
                return Sasl.createSaslServer("NTLM", "imap", "localhost", Map.of("com.sun.security.sasl.ntlm.domain", "CORP"),
                        callbacks -> {
                            String user = null;
                            for (Callback c : callbacks) {
                                if (c instanceof NameCallback n) {
                                    user = n.getDefaultName();
                                } else if (c instanceof javax.security.sasl.RealmCallback r) {
                                    r.setText(r.getDefaultText());
                                } else if (c instanceof PasswordCallback p && "joe".equals(user)) {
                                    p.setPassword(password.toCharArray());
                                }
                            }
                        });
            } catch (SaslException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
