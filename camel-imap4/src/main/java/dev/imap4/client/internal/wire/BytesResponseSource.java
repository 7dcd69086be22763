package dev.imap4.client.internal.wire;

import dev.imap4.client.Literal;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link ResponseSource} over bytes already in memory: captured responses, transcripts and parser
 * tests. Lines end at CRLF (a bare LF is accepted too, and a last line may lack its terminator);
 * {@link #readLiteral(long)} takes exactly the announced number of bytes, whatever they contain.
 */
public final class BytesResponseSource implements ResponseSource {

    /** The nesting cap of the inputs made by {@link #input(byte[])}. */
    public static final int DEFAULT_MAX_DEPTH = 64;

    private final byte[] data;
    private int pos;

    /** A source over {@code data}; the array is not copied and must not change while in use. */
    public BytesResponseSource(byte[] data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    /** A source over the UTF-8 bytes of {@code wire}. */
    public static BytesResponseSource of(String wire) {
        return new BytesResponseSource(wire.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An {@link ImapInput} over {@code wire} (nesting capped at {@value #DEFAULT_MAX_DEPTH}) with its
     * first line loaded, ready for a parser. Empty input leaves it at the end of an empty line.
     */
    public static ImapInput input(byte[] wire) {
        ImapInput in = new ImapInput(new BytesResponseSource(wire), DEFAULT_MAX_DEPTH);
        try {
            in.nextLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return in;
    }

    /** {@link #input(byte[])} over the UTF-8 bytes of {@code wire}. */
    public static ImapInput input(String wire) {
        return input(wire.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] readLine() {
        if (pos >= data.length) {
            return null;
        }
        int lf = ByteSource.indexOfLf(data, pos, data.length);
        if (lf < 0) {
            lf = data.length;
        }
        int end = lf;
        if (lf < data.length && end > pos && data[end - 1] == '\r') {
            end--;
        }
        byte[] line = Arrays.copyOfRange(data, pos, end);
        pos = Math.min(data.length, lf + 1);
        return line;
    }

    @Override
    public Literal readLiteral(long size) throws IOException {
        if (size < 0 || size > data.length - pos) {
            throw new EOFException("literal of " + size + " bytes announced, but only " + (data.length - pos)
                    + " bytes remain");
        }
        byte[] bytes = Arrays.copyOfRange(data, pos, pos + (int) size);
        pos += (int) size;
        return Literal.of(bytes);
    }

    /** Bytes not yet read. */
    public int remaining() {
        return data.length - pos;
    }
}
