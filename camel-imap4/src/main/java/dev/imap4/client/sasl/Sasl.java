package dev.imap4.client.sasl;

import dev.imap4.client.Imap4Exception;
import dev.imap4.client.Capabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Picks a SASL mechanism (RFC 4422) from those a server advertises as {@code AUTH=} capabilities
 * (RFC 3501 §6.2.2). Automatic choice prefers, when an OAuth token supplier is given, OAUTHBEARER
 * then XOAUTH2 (the caller gave a token on purpose); then, when a password is given, SCRAM-SHA-256,
 * SCRAM-SHA-1, CRAM-MD5, PLAIN and LOGIN, strongest first. PLAIN and LOGIN reveal the password to
 * anyone who can read the connection: choose them over TLS only. GSSAPI (Kerberos, with the JVM's
 * credentials) and NTLM come from the JDK ({@link JdkSasl}) and are used only when named.
 *
 * <p>Capabilities of an {@code Imap4} connection: {@code new Capabilities(Set.copyOf(imap.capabilities()))}.
 */
public final class Sasl {

    /** The {@code preferred} value that lets {@link #choose} pick. */
    public static final String AUTO = "auto";

    private static final List<String> TOKEN_MECHANISMS = List.of("OAUTHBEARER", "XOAUTH2");
    private static final List<String> PASSWORD_MECHANISMS =
            List.of("SCRAM-SHA-256", "SCRAM-SHA-1", "CRAM-MD5", "PLAIN", "LOGIN");
    /** The JDK's mechanisms ({@link JdkSasl}): used only when asked for by name. */
    private static final List<String> JDK_MECHANISMS = List.of("GSSAPI", "NTLM");

    private Sasl() {
    }

    /**
     * Chooses without host and port for OAUTHBEARER, which then leaves them out of its message.
     *
     * @see #choose(Capabilities, String, String, Supplier, String, String, int)
     */
    public static SaslMechanism choose(Capabilities caps, String user, String password, Supplier<String> oauthToken,
            String preferred) {
        return choose(caps, user, password, oauthToken, preferred, null, 0);
    }

    /**
     * Chooses a mechanism the server offers and the given credentials can drive.
     *
     * @param caps       the server's capabilities
     * @param user       the user name (authentication identity)
     * @param password   the password, or {@code null} when there is none
     * @param oauthToken supplies OAuth 2.0 access tokens, or {@code null} when there are none
     * @param preferred  {@value #AUTO} (or {@code null}) to choose, or a mechanism name to insist on
     * @param host       the server host for OAUTHBEARER's {@code host=}, or {@code null}
     * @param port       the server port for OAUTHBEARER's {@code port=}, or 0
     * @throws Imap4Exception naming what the server offers when nothing fits
     */
    public static SaslMechanism choose(Capabilities caps, String user, String password, Supplier<String> oauthToken,
            String preferred, String host, int port) {
        Objects.requireNonNull(caps, "capabilities");
        Objects.requireNonNull(user, "user name");
        Set<String> offered = caps.authMechanisms();
        if (preferred != null && !preferred.equalsIgnoreCase(AUTO)) {
            String name = preferred.toUpperCase(Locale.ROOT);
            if (!TOKEN_MECHANISMS.contains(name) && !PASSWORD_MECHANISMS.contains(name) && !JDK_MECHANISMS.contains(name)) {
                throw new Imap4Exception("unsupported SASL mechanism '" + preferred + "'; this client speaks "
                        + String.join(", ", TOKEN_MECHANISMS) + ", " + String.join(", ", PASSWORD_MECHANISMS) + ", "
                        + String.join(", ", JDK_MECHANISMS));
            }
            if (!offered.contains(name)) {
                throw new Imap4Exception("the server does not offer AUTH=" + name + "; it offers " + describe(offered));
            }
            if (name.equals("GSSAPI")) {
                if (host == null) {
                    throw new Imap4Exception("GSSAPI needs the server's host name (its service principal is imap/host)");
                }
                return JdkSasl.gssapi(host, null, null);
            }
            if (name.equals("NTLM")) {
                if (password == null) {
                    throw new Imap4Exception("NTLM needs a password");
                }
                return JdkSasl.ntlm(host == null ? "localhost" : host, user, password);
            }
            if (TOKEN_MECHANISMS.contains(name) ? oauthToken == null : password == null) {
                throw new Imap4Exception(name + " needs " + (TOKEN_MECHANISMS.contains(name)
                        ? "an OAuth access token supplier" : "a password"));
            }
            return create(name, user, password, oauthToken, host, port);
        }
        List<String> candidates = new ArrayList<>();
        if (oauthToken != null) {
            candidates.addAll(TOKEN_MECHANISMS);
        }
        if (password != null) {
            candidates.addAll(PASSWORD_MECHANISMS);
        }
        for (String name : candidates) {
            if (offered.contains(name)) {
                return create(name, user, password, oauthToken, host, port);
            }
        }
        throw new Imap4Exception("no usable SASL mechanism: the server offers " + describe(offered)
                + "; with the credentials given this client could use "
                + (candidates.isEmpty() ? "none (give a password or a token supplier)" : String.join(", ", candidates)));
    }

    private static SaslMechanism create(String name, String user, String password, Supplier<String> token,
            String host, int port) {
        return switch (name) {
            case "OAUTHBEARER" -> new OAuthBearer(user, host, port, token);
            case "XOAUTH2" -> new XOAuth2(user, token);
            case "SCRAM-SHA-256" -> new Scram("SHA-256", user, password);
            case "SCRAM-SHA-1" -> new Scram("SHA-1", user, password);
            case "CRAM-MD5" -> new CramMd5(user, password);
            case "PLAIN" -> new Plain(user, password);
            case "LOGIN" -> new Login(user, password);
            default -> throw new IllegalStateException("no factory for " + name);
        };
    }

    private static String describe(Set<String> offered) {
        return offered.isEmpty() ? "no AUTH= mechanisms" : "AUTH=" + String.join(" AUTH=", offered);
    }
}
