package dev.imap4.client;

import dev.imap4.client.engine.CommandEngine;

/**
 * The typed API over a connection: results are records, message sets are typed, fetches stream
 * message by message. Obtain one from {@link Imap4#client()}; it shares the connection.
 */
public final class ImapClient {

    private final CommandEngine engine;

    ImapClient(CommandEngine engine) {
        this.engine = engine;
    }

    /** The engine, for typed command classes. */
    CommandEngine engine() {
        return engine;
    }
}
