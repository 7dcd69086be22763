package dev.imap4.client.internal.command;

import dev.imap4.client.Imap4Exception;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.engine.Command;
import dev.imap4.client.internal.engine.CommandEngine;
import dev.imap4.client.internal.wire.CommandWriter;

/**
 * COMPRESS DEFLATE (RFC 4978): on the tagged OK both directions switch to raw DEFLATE, at once and
 * before anything else is read. A tagged NO or BAD (for example {@code [COMPRESSIONACTIVE]}) leaves
 * the connection uncompressed and usable. COMPRESS is sent at most once per connection (§3): a
 * second one is refused before anything is sent. The tagged response is the result, OK or not.
 */
public final class CompressCommand implements Command<StatusResponse> {

    /** The capability that announces it. */
    public static final String CAPABILITY = "COMPRESS=DEFLATE";

    private final CommandEngine engine;

    private CompressCommand(CommandEngine engine) {
        this.engine = engine;
    }

    /** Sends COMPRESS DEFLATE and, on OK, compresses the connection; see {@link #of}. */
    public static StatusResponse run(CommandEngine engine, boolean requireCapability) {
        return engine.execute(of(engine, requireCapability));
    }

    /**
     * COMPRESS DEFLATE, to execute on {@code engine}: on OK it compresses the connection.
     *
     * @param requireCapability refuse before sending when the server does not offer COMPRESS=DEFLATE
     * @throws Imap4Exception when compression is already active (nothing is sent)
     */
    public static CompressCommand of(CommandEngine engine, boolean requireCapability) {
        if (engine.isCompressed()) {
            throw new Imap4Exception("COMPRESS is already active on this connection (RFC 4978 §3 allows it once)");
        }
        if (requireCapability && !engine.capabilities().has(CAPABILITY)) {
            throw new Imap4Exception("server does not offer " + CAPABILITY + " (capabilities: "
                    + engine.capabilities() + ")");
        }
        return new CompressCommand(engine);
    }

    @Override
    public String verb() {
        return "COMPRESS";
    }

    @Override
    public void arguments(CommandWriter out) {
        out.atom("DEFLATE");
    }

    @Override
    public StatusResponse complete(StatusResponse tagged) {
        if (tagged.isOk()) {
            // RFC 4978 §3: the server compresses right after its OK; so does the client's next byte
            engine.startCompression();
        }
        return tagged;
    }
}
