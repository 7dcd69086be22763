package dev.imap4.camel;

/**
 * How the endpoint authenticates: the {@code saslMechanism} option. Camel reads the SASL names as
 * written ({@code CRAM-MD5}, {@code scram-sha-256}) as well as the constants.
 */
public enum Imap4SaslMechanism {
    /**
     * The strongest SASL mechanism both sides support (an OAuth2 one when an access token supplier is
     * set), falling back to the LOGIN command.
     */
    AUTO(null),
    /** The LOGIN command (RFC 3501 §6.2.3), not SASL. */
    LOGIN(null),
    PLAIN("PLAIN"),
    CRAM_MD5("CRAM-MD5"),
    SCRAM_SHA_1("SCRAM-SHA-1"),
    SCRAM_SHA_256("SCRAM-SHA-256"),
    XOAUTH2("XOAUTH2"),
    OAUTHBEARER("OAUTHBEARER"),
    /**
     * Kerberos V5 (RFC 4752) through the JDK: the credentials of the JAAS entry named by
     * kerberosLoginContext, else the JVM's own (javax.security.auth.useSubjectCredsOnly=false and
     * the ticket cache or the com.sun.security.jgss.initiate entry). No password is sent.
     */
    GSSAPI("GSSAPI"),
    /** NTLM through the JDK, as username (DOMAIN\\user or user) and password; for Exchange servers that offer it. */
    NTLM("NTLM");

    private final String saslName;

    Imap4SaslMechanism(String saslName) {
        this.saslName = saslName;
    }

    /** The SASL mechanism name (RFC 4422), e.g. {@code CRAM-MD5}; {@code null} for AUTO and LOGIN. */
    public String saslName() {
        return saslName;
    }
}
