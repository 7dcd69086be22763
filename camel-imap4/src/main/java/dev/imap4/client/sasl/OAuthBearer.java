package dev.imap4.client.sasl;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * OAUTHBEARER (RFC 7628): the GS2 header {@code n,a=<user>,} then the key/value pairs
 * {@code ^Ahost=<host>^Aport=<port>^Aauth=Bearer <token>^A^A} (§3.1; ^A is U+0001). On failure the
 * server sends a JSON error challenge (§3.2.2), which the client must answer with a single ^A
 * (§3.2.3); the server then ends the command with NO. The JSON is kept in {@link #serverError()}.
 *
 * <p>The token comes from a supplier asked once per exchange, so a refreshed token is used on
 * every new authentication.
 */
public final class OAuthBearer implements SaslMechanism {

    private static final byte[] ERROR_ACKNOWLEDGEMENT = {0x01};

    private final String user;
    private final String host;
    private final int port;
    private final Supplier<String> token;
    private boolean sent;
    private String serverError;

    /**
     * @param user  the authorization identity put in the GS2 header, or {@code null} to leave it out
     * @param host  the server host name the client connected to, or {@code null} to leave it out
     * @param port  the server port, or 0 to leave it out
     * @param token supplies a current OAuth 2.0 bearer token; asked once per exchange
     */
    public OAuthBearer(String user, String host, int port, Supplier<String> token) {
        this.user = user == null ? null : SaslText.requireNoControl(user, "user name");
        this.host = host == null ? null : SaslText.requireNoControl(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (left out) or 1-65535, was " + port);
        }
        this.port = port;
        this.token = Objects.requireNonNull(token, "token supplier");
    }

    @Override
    public String name() {
        return "OAUTHBEARER";
    }

    /** Asks the supplier for a token and builds the message. */
    @Override
    public byte[] initialResponse() {
        sent = true;
        serverError = null;
        String bearer = SaslText.requireNoControl(token.get(), "access token");
        StringBuilder sb = new StringBuilder("n,");
        if (user != null) {
            sb.append("a=").append(SaslText.saslName(user));
        }
        sb.append(",\u0001");
        if (host != null) {
            sb.append("host=").append(host).append('\u0001');
        }
        if (port > 0) {
            sb.append("port=").append(port).append('\u0001');
        }
        sb.append("auth=Bearer ").append(bearer).append("\u0001\u0001");
        return SaslText.utf8(sb.toString());
    }

    /** An empty first challenge gets the message; any later one is the error JSON, answered with ^A. */
    @Override
    public byte[] evaluateChallenge(byte[] challenge) {
        if (!sent) {
            return initialResponse();
        }
        serverError = new String(challenge, StandardCharsets.UTF_8);
        return ERROR_ACKNOWLEDGEMENT.clone();
    }

    /** The JSON error the server sent during the last exchange (status, scope, openid-configuration), or {@code null}. */
    public String serverError() {
        return serverError;
    }
}
