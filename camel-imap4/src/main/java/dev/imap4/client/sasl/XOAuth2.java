package dev.imap4.client.sasl;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * XOAUTH2, the OAuth 2.0 bearer-token mechanism of Google and Microsoft: one message,
 * {@code user=<user>^Aauth=Bearer <token>^A^A} (^A is U+0001). On failure the server sends a
 * challenge holding a base64 JSON error; the protocol requires an empty answer, after which the
 * server ends the command with NO. The JSON is kept in {@link #serverError()}.
 *
 * <p>The token comes from a supplier asked once per exchange, so a refreshed token is used on
 * every new authentication.
 */
public final class XOAuth2 implements SaslMechanism {

    private final String user;
    private final Supplier<String> accessToken;
    private boolean sent;
    private String serverError;

    /**
     * @param user        the mailbox account, usually an e-mail address
     * @param accessToken supplies a current OAuth 2.0 access token; asked once per exchange
     */
    public XOAuth2(String user, Supplier<String> accessToken) {
        this.user = SaslText.requireNoControl(user, "user name");
        this.accessToken = Objects.requireNonNull(accessToken, "access token supplier");
    }

    @Override
    public String name() {
        return "XOAUTH2";
    }

    /** Asks the supplier for a token and builds the message. */
    @Override
    public byte[] initialResponse() {
        sent = true;
        serverError = null;
        String token = SaslText.requireNoControl(accessToken.get(), "access token");
        return SaslText.utf8("user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001");
    }

    /** An empty first challenge gets the message; any later one is the error JSON, answered empty. */
    @Override
    public byte[] evaluateChallenge(byte[] challenge) {
        if (!sent) {
            return initialResponse();
        }
        serverError = new String(challenge, StandardCharsets.UTF_8);
        return new byte[0];
    }

    /** The JSON error the server sent during the last exchange (status, schemes, scope), or {@code null}. */
    public String serverError() {
        return serverError;
    }
}
