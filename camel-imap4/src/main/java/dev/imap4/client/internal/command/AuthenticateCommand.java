package dev.imap4.client.internal.command;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.engine.CommandEngine;
import dev.imap4.client.internal.engine.Command;
import dev.imap4.client.ImapState;
import dev.imap4.client.sasl.SaslMechanism;
import dev.imap4.client.internal.wire.CommandWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

/**
 * AUTHENTICATE (RFC 3501 §6.2.2) driven by imaplib's {@code authobject} callback: each server
 * challenge is base64-decoded and passed to it; its answer is base64-encoded and sent; a
 * {@code null} answer cancels with {@code *}. With SASL-IR (RFC 4959) the initial response rides on
 * the command line. Every client line of the exchange, and every challenge, is redacted in traces.
 */
public final class AuthenticateCommand implements Command<StatusResponse> {

    private final String mechanism;
    private final Function<byte[], byte[]> authobject;
    private final byte[] initialResponse;

    /**
     * @param initialResponse sent inline (SASL-IR) when not null; the caller checks the capability
     */
    public AuthenticateCommand(String mechanism, Function<byte[], byte[]> authobject, byte[] initialResponse) {
        this.mechanism = mechanism;
        this.authobject = authobject;
        this.initialResponse = initialResponse;
    }

    /**
     * AUTHENTICATE with a SASL mechanism: its initial response goes inline when the server offers
     * SASL-IR (RFC 4959), otherwise in answer to the server's first, empty challenge.
     */
    public static AuthenticateCommand of(SaslMechanism mechanism, boolean saslIr) {
        byte[] initial = mechanism.initialResponse();
        boolean inline = initial != null && saslIr;
        Function<byte[], byte[]> answer = new Function<>() {
            private boolean initialPending = initial != null && !inline;

            @Override
            public byte[] apply(byte[] challenge) {
                if (initialPending && challenge.length == 0) {
                    initialPending = false;
                    return initial;
                }
                initialPending = false;
                return mechanism.evaluateChallenge(challenge);
            }
        };
        return new AuthenticateCommand(mechanism.name().toUpperCase(java.util.Locale.ROOT), answer,
                inline ? initial : null);
    }

    /**
     * RFC 5802 §3: after an OK, a mechanism that authenticates the server (SCRAM) must have checked
     * the server's proof; otherwise the connection is closed and an abort raised.
     */
    public static void requireServerProof(SaslMechanism mechanism, CommandEngine engine) {
        if (!mechanism.isComplete()) {
            engine.close();
            throw new Imap4AbortException(mechanism.name()
                    + " authentication ended before the server proved its identity; connection closed");
        }
    }

    @Override
    public String verb() {
        return "AUTHENTICATE";
    }

    @Override
    public void arguments(CommandWriter out) {
        out.atom(mechanism);
        if (initialResponse != null) {
            String encoded = initialResponse.length == 0 ? "=" : Base64.getEncoder().encodeToString(initialResponse);
            out.secretAtom(encoded);
        }
    }

    @Override
    public void continuation(String text, Continuation reply) {
        byte[] challenge;
        try {
            challenge = text.isEmpty() ? new byte[0] : Base64.getMimeDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            // not base64: some servers put human text in the continuation; pass it through as bytes
            challenge = text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] answer;
        try {
            answer = authobject.apply(challenge);
        } catch (RuntimeException e) {
            reply.send("*".getBytes(StandardCharsets.US_ASCII), "* (cancelled: " + e.getClass().getSimpleName() + ")");
            throw e;
        }
        if (answer == null) {
            reply.send("*".getBytes(StandardCharsets.US_ASCII), "*");
            return;
        }
        String line = Base64.getEncoder().encodeToString(answer);
        reply.send(line.getBytes(StandardCharsets.US_ASCII), "<authentication data redacted>");
    }

    @Override
    public ImapState stateAfter(StatusResponse tagged, ImapState current) {
        return tagged.isOk() ? ImapState.AUTH : current;
    }

    @Override
    public StatusResponse complete(StatusResponse tagged) {
        return tagged;
    }
}
