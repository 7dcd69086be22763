package dev.imap4.client.sasl;

import java.io.ByteArrayOutputStream;

/**
 * PLAIN (RFC 4616): one message, {@code [authzid] NUL authcid NUL passwd}, in UTF-8. The password
 * travels in the clear inside base64: use it over TLS only. Strings are sent as given; the server
 * prepares them (RFC 4616 §2).
 */
public final class Plain implements SaslMechanism {

    private final String authzid;
    private final String user;
    private final String password;
    private boolean sent;

    /**
     * @param authzid  the identity to act as, or {@code null} (or empty) to act as {@code user}
     * @param user     the authentication identity
     * @param password the password
     * @throws IllegalArgumentException when a field holds NUL, which would split the message
     */
    public Plain(String authzid, String user, String password) {
        this.authzid = authzid == null ? "" : SaslText.requireNoNul(authzid, "authorization identity");
        this.user = SaslText.requireNoNul(user, "user name");
        this.password = SaslText.requireNoNul(password, "password");
    }

    /** PLAIN acting as the authenticated user itself. */
    public Plain(String user, String password) {
        this(null, user, password);
    }

    @Override
    public String name() {
        return "PLAIN";
    }

    @Override
    public byte[] initialResponse() {
        sent = true;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SaslText.utf8(authzid));
        out.write(0);
        out.writeBytes(SaslText.utf8(user));
        out.write(0);
        out.writeBytes(SaslText.utf8(password));
        return out.toByteArray();
    }

    /** Answers an empty first challenge with the message; PLAIN has no second step. */
    @Override
    public byte[] evaluateChallenge(byte[] challenge) {
        if (!sent) {
            return initialResponse();
        }
        throw new Imap4SaslException("PLAIN: the server sent a challenge after the only message of the exchange");
    }
}
