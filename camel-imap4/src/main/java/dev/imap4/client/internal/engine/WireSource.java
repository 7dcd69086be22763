package dev.imap4.client.internal.engine;

import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.Literal;
import dev.imap4.client.internal.wire.ByteSource;
import dev.imap4.client.internal.wire.ResponseSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lines and literals from the server, traced. Literals at or below the memory threshold become
 * byte arrays; larger ones are copied to a temporary file in fixed-size chunks, so the heap never
 * holds more than the threshold whatever size the server declares. Each line and literal is
 * charged to the connection's {@link ConnectionBudget} as it is read (one charge per item), before
 * a literal's buffer or file is made.
 */
final class WireSource implements ResponseSource {

    private static final int SPOOL_CHUNK = 64 * 1024;

    private final ByteSource bytes;
    private final Imap4Options options;
    private final ProtocolTrace trace;
    private final ConnectionBudget budget;
    private boolean redactContinuations;
    /** Literals up to this many bytes become arrays; never above the options' literalMemoryThreshold. */
    private volatile int memoryThreshold;
    /** The copy buffer of spooled literals, made on the first one and kept: one per connection, not per literal. */
    private byte[] chunk;

    WireSource(ByteSource bytes, Imap4Options options, ProtocolTrace trace, ConnectionBudget budget) {
        this.bytes = bytes;
        this.options = options;
        this.trace = trace;
        this.budget = budget;
        this.memoryThreshold = options.literalMemoryThreshold();
    }

    /**
     * Literals read from now on up to {@code bytes} are held in memory, larger ones spooled; a value
     * above the options' literalMemoryThreshold is capped to it, so the heap bounds stay as configured.
     */
    void memoryThreshold(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("literal memory threshold must not be negative, was " + bytes);
        }
        memoryThreshold = Math.min(bytes, options.literalMemoryThreshold());
    }

    int memoryThreshold() {
        return memoryThreshold;
    }

    /** While authenticating, continuation lines carry SASL data: trace them without content. */
    void redactContinuations(boolean on) {
        redactContinuations = on;
    }

    @Override
    public byte[] readLine() throws IOException {
        byte[] line = bytes.readLine();
        if (line != null) {
            budget.chargeLine(line.length);
            if (redactContinuations && line.length > 0 && line[0] == '+') {
                trace.received("+ <authentication data redacted>");
            } else {
                trace.received(line);
            }
        }
        return line;
    }

    @Override
    public Literal readLiteral(long size) throws IOException {
        if (size > options.maxLiteralSize()) {
            throw new ImapProtocolException("in literal: expected at most " + options.maxLiteralSize()
                    + " bytes (maxLiteralSize), server announced " + size);
        }
        trace.received("<literal of " + size + " bytes>");
        if (size <= memoryThreshold) {
            budget.chargeLiteral(size);
            byte[] data = new byte[(int) size];
            bytes.readFully(data, 0, data.length);
            return Literal.of(data);
        }
        budget.reserveDisk(size);
        Path file;
        try {
            Path dir = options.spoolDirectory();
            file = dir == null ? Files.createTempFile("imap4-literal-", ".tmp")
                    : Files.createTempFile(dir, "imap4-literal-", ".tmp");
        } catch (IOException | RuntimeException e) {
            budget.cancelDisk(size);
            throw e;
        }
        boolean ok = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            if (chunk == null) {
                chunk = new byte[SPOOL_CHUNK];
            }
            long remaining = size;
            while (remaining > 0) {
                int r = bytes.read(chunk, 0, (int) Math.min(chunk.length, remaining));
                if (r < 0) {
                    throw new java.io.EOFException("connection closed with " + remaining + " of " + size
                            + " literal bytes still expected");
                }
                out.write(chunk, 0, r);
                remaining -= r;
            }
            ok = true;
        } finally {
            if (!ok) {
                budget.cancelDisk(size);
                Files.deleteIfExists(file);
            }
        }
        return budget.spooled(file, size);
    }
}
