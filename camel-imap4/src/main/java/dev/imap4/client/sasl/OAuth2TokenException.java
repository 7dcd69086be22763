package dev.imap4.client.sasl;

/**
 * An OAuth 2.0 token endpoint did not issue an access token (RFC 6749 §5.2): it could not be
 * reached or did not answer in time, refused the grant, or answered with something that is not a
 * token response. The message names the endpoint (without its query), the grant, the HTTP status
 * and the OAuth error code and description; never a token, a refresh token or a client secret.
 */
public class OAuth2TokenException extends Imap4SaslException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    public OAuth2TokenException(String message, int status, String error) {
        super(message);
        this.status = status;
        this.error = error;
    }

    /** The HTTP status of the answer, or 0 when there was none. */
    public int status() {
        return status;
    }

    /** The OAuth error code ({@code invalid_grant}, {@code invalid_client}...), or {@code null}. */
    public String error() {
        return error;
    }
}
