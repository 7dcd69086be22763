package dev.imap4.testing;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.UntaggedResponse;
import dev.imap4.client.Transport;
import java.util.function.Consumer;

/**
 * A real {@link Imap4} connection (engine, command classes, typed and raw API) over any
 * {@link Transport}: an in-memory server, or fuzzed bytes. The greeting is read on construction, as
 * for a socket.
 */
public final class TransportImap4 extends Imap4 {

    private final Transport transport;
    private final Consumer<UntaggedResponse> earlyListener;

    public TransportImap4(Transport transport, Imap4Options options) {
        this(transport, options, null);
    }

    /**
     * A connection whose {@code listener} receives every untagged response no command claims, from
     * the greeting on (a listener added after construction misses those of the set-up).
     */
    public TransportImap4(Transport transport, Imap4Options options, Consumer<UntaggedResponse> listener) {
        super(options);
        this.transport = transport;
        this.earlyListener = listener;
        connect("memory", 0);
    }

    @Override
    protected Transport openTransport(String host, int port) {
        return transport;
    }

    @Override
    public void open(String host, int port) {
        super.open(host, port);
        if (earlyListener != null) {
            addUnsolicitedListener(earlyListener);
        }
    }
}
