package dev.imap4.client.sasl;

import dev.imap4.client.Imap4Exception;

/**
 * A SASL exchange failed on the client side (RFC 4422): the server's challenge was malformed, it
 * reported an error inside the mechanism, or it could not prove its own identity (SCRAM's server
 * signature, RFC 5802 §3). Messages name the mechanism and the step, never a password or token.
 */
public class Imap4SaslException extends Imap4Exception {
    private static final long serialVersionUID = 1L;

    public Imap4SaslException(String message) {
        super(message);
    }
}
