package dev.imap4.client;

import dev.imap4.client.internal.command.RawCommand;
import dev.imap4.client.internal.engine.CommandEngine;
import dev.imap4.client.internal.transport.SocketTransport;
import java.io.IOException;
import java.util.List;

/**
 * STARTTLS (RFC 3501 §6.2.1, RFC 2595) with the defences against the "NO STARTTLS" attacks
 * (Poddebniak et al., USENIX Security 2021): refused unless advertised, every byte buffered before
 * the handshake is thrown away, capabilities learned in plaintext are forgotten and asked for again.
 */
final class StartTls {

    private StartTls() {
    }

    static ImapResult run(Imap4 conn) {
        CommandEngine engine = conn.engine();
        if (engine.transport().sslSession() != null) {
            throw new Imap4Exception("TLS session already established");
        }
        if (engine.isCompressed()) {
            throw new Imap4Exception("STARTTLS after COMPRESS is not allowed (RFC 4978 §4: TLS goes under compression)");
        }
        if (!engine.capabilities().has("STARTTLS")) {
            throw new Imap4Exception("STARTTLS extension not supported by server");
        }
        if (!(engine.transport() instanceof SocketTransport plain)) {
            throw new Imap4Exception("STARTTLS needs a socket connection");
        }
        StatusResponse tagged = conn.runRaw(new RawCommand("STARTTLS"));
        if (!tagged.isOk()) {
            throw new Imap4Exception("Couldn't establish TLS session: " + tagged.rawText());
        }
        try {
            engine.upgrade(plain.startTls(conn.host, conn.options));
        } catch (IOException e) {
            engine.close();
            throw new Imap4AbortException("TLS handshake failed: " + TlsFailure.describe(e, conn.host), e,
                    engine.trace().recent());
        }
        conn.capability();
        return new ImapResult(tagged.status(), List.of(new ImapData.Line(tagged.raw())));
    }
}
