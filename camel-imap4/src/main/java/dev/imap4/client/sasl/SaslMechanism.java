package dev.imap4.client.sasl;

/**
 * A SASL mechanism for AUTHENTICATE (RFC 3501 §6.2.2, RFC 4422). One instance serves one
 * authentication exchange. Implementations must never put secrets in exception messages.
 */
public interface SaslMechanism {

    /** The mechanism name as advertised in {@code AUTH=} capabilities, e.g. {@code PLAIN}. */
    String name();

    /**
     * The client's first message when the mechanism starts with one (PLAIN, XOAUTH2, OAUTHBEARER,
     * SCRAM); {@code null} when the server speaks first (LOGIN, CRAM-MD5). Sent inline when the
     * server offers SASL-IR (RFC 4959), otherwise in answer to the first empty challenge.
     */
    byte[] initialResponse();

    /** The answer to a server challenge (already base64-decoded). */
    byte[] evaluateChallenge(byte[] challenge);

    /**
     * Whether the exchange reached its end from the client's point of view. Mechanisms that
     * authenticate the server (SCRAM, RFC 5802 §3) return {@code false} until the server has
     * proved itself; a server that answers OK before that must not be trusted. Mechanisms that
     * only authenticate the client are complete once their messages are sent.
     */
    default boolean isComplete() {
        return true;
    }
}
