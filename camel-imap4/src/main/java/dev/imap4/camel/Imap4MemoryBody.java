package dev.imap4.camel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;

/**
 * A message body held on the heap: the bytes the client read off the wire, handed to the exchange
 * without another copy. It reads like Camel's own in-memory stream cache ({@link #reset()} rewinds,
 * {@link #copy(Exchange)} is another reader of the same bytes, which nothing ever writes to), and
 * converts to {@code byte[]} without a copy (read from the start, the array itself) and to
 * {@code String} with a single decoding ({@link Imap4BodyConverters}).
 */
public final class Imap4MemoryBody extends ByteArrayInputStream implements StreamCache {

    Imap4MemoryBody(byte[] bytes) {
        super(bytes);
    }

    /**
     * The bytes from the current position to the end; the position moves to the end. From the start
     * this is the body's own array, not a copy (as a {@code byte[]} body converts to itself): the
     * bytes the client read, which nothing else holds or writes.
     */
    synchronized byte[] remaining() {
        byte[] out = pos == 0 && count == buf.length ? buf : Arrays.copyOfRange(buf, pos, count);
        pos = count;
        return out;
    }

    /** Writes the bytes from the current position to the end; the position does not move. */
    @Override
    public synchronized void writeTo(OutputStream os) throws IOException {
        os.write(buf, pos, count - pos);
    }

    @Override
    public StreamCache copy(Exchange exchange) {
        return new Imap4MemoryBody(buf);
    }

    @Override
    public boolean inMemory() {
        return true;
    }

    @Override
    public long length() {
        return count;
    }

    @Override
    public synchronized long position() {
        return pos;
    }

    @Override
    public String toString() {
        return "Imap4MemoryBody[" + count + " bytes]";
    }
}
