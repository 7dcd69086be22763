package dev.imap4.client.sasl;

import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.RealmCallback;
import javax.security.sasl.RealmChoiceCallback;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslException;

/**
 * A mechanism the JDK implements, through {@code javax.security.sasl}: GSSAPI (Kerberos V5, RFC
 * 4752) and NTLM. Only authentication is negotiated (quality of protection {@code auth}): the
 * connection's protection is TLS's, so a server that insists on a SASL security layer is refused.
 * Errors name the mechanism and the JDK's reason, never a password.
 *
 * <pre>{@code
 * // Kerberos: the credentials of a JAAS subject logged in with Krb5LoginModule (a keytab or a
 * // password), or with a null subject the JVM's own (the ticket cache when
 * // javax.security.auth.useSubjectCredsOnly=false, or the com.sun.security.jgss.initiate entry)
 * client.authenticate(JdkSasl.gssapi("imap.example.com", null, subject));
 * // NTLM (Exchange): DOMAIN\\user or a plain user name
 * client.authenticate(JdkSasl.ntlm("imap.example.com", "CORP\\joe", password));
 * }</pre>
 */
public final class JdkSasl implements SaslMechanism {

    private final String name;
    private final SaslClient client;
    private final Subject subject;

    private JdkSasl(String name, SaslClient client, Subject subject) {
        this.name = name;
        this.client = client;
        this.subject = subject;
    }

    /**
     * GSSAPI for the IMAP service on {@code serverHost} (service principal {@code imap/serverHost}),
     * with the credentials of {@code subject} (null: the JVM's). The server must prove its identity
     * too (mutual authentication).
     *
     * @param authorizationId the identity to act as, or null for the authenticated one
     */
    public static JdkSasl gssapi(String serverHost, String authorizationId, Subject subject) {
        Objects.requireNonNull(serverHost, "server host");
        return new JdkSasl("GSSAPI", create("GSSAPI", authorizationId, serverHost,
                Map.of(javax.security.sasl.Sasl.QOP, "auth", javax.security.sasl.Sasl.SERVER_AUTH, "true"),
                callbacks -> {
                    throw new UnsupportedCallbackException(callbacks[0], "GSSAPI takes its credentials from the subject");
                }), subject);
    }

    /**
     * NTLM as {@code user}, which may name its domain ({@code DOMAIN\\user}); the server's domain is
     * used otherwise.
     */
    public static JdkSasl ntlm(String serverHost, String user, String password) {
        Objects.requireNonNull(serverHost, "server host");
        Objects.requireNonNull(user, "user name");
        Objects.requireNonNull(password, "password");
        int slash = user.indexOf('\\');
        String domain = slash < 0 ? null : user.substring(0, slash);
        String account = slash < 0 ? user : user.substring(slash + 1);
        CallbackHandler handler = callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof NameCallback n) {
                    n.setName(account);
                } else if (c instanceof PasswordCallback p) {
                    p.setPassword(password.toCharArray());
                } else if (c instanceof RealmCallback r) {
                    r.setText(domain != null ? domain : r.getDefaultText());
                } else if (c instanceof RealmChoiceCallback r) {
                    r.setSelectedIndex(0);
                } else {
                    throw new UnsupportedCallbackException(c);
                }
            }
        };
        return new JdkSasl("NTLM", create("NTLM", null, serverHost, Map.of(), handler), null);
    }

    private static SaslClient create(String mechanism, String authorizationId, String host, Map<String, ?> props,
            CallbackHandler handler) {
        try {
            SaslClient c = javax.security.sasl.Sasl.createSaslClient(new String[] {mechanism}, authorizationId, "imap",
                    host, props, handler);
            if (c == null) {
                throw new Imap4SaslException("this JVM has no SASL client for " + mechanism);
            }
            return c;
        } catch (SaslException e) {
            throw new Imap4SaslException(mechanism + ": " + e.getMessage());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public byte[] initialResponse() {
        return client.hasInitialResponse() ? evaluateChallenge(new byte[0]) : null;
    }

    @Override
    public byte[] evaluateChallenge(byte[] challenge) {
        try {
            byte[] answer = subject == null ? client.evaluateChallenge(challenge)
                    : Subject.doAs(subject, (PrivilegedExceptionAction<byte[]>) () -> client.evaluateChallenge(challenge));
            return answer == null ? new byte[0] : answer;
        } catch (SaslException e) {
            throw failure(e);
        } catch (PrivilegedActionException e) {
            throw failure(e.getException());
        }
    }

    @Override
    public boolean isComplete() {
        return client.isComplete();
    }

    private Imap4SaslException failure(Exception e) {
        StringBuilder reason = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            reason.append(": ").append(c.getMessage());
        }
        return new Imap4SaslException(name + " failed: " + reason);
    }
}
