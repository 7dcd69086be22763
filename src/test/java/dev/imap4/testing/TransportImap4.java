package dev.imap4.testing;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.transport.Transport;

/**
 * A real {@link Imap4} connection (engine, command classes, typed and raw API) over any
 * {@link Transport}: an in-memory server, or fuzzed bytes. The greeting is read on construction, as
 * for a socket.
 */
public final class TransportImap4 extends Imap4 {

    private final Transport transport;

    public TransportImap4(Transport transport, Imap4Options options) {
        super(options);
        this.transport = transport;
        connect("memory", 0);
    }

    @Override
    protected Transport openTransport(String host, int port) {
        return transport;
    }

    /** The engine's tag prefix: every tag is this prefix followed by 1, 2, 3... */
    public String tagPrefix() {
        return engine.tagPrefix();
    }
}
