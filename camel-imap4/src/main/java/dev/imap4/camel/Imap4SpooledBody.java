package dev.imap4.camel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message body held in a temporary file, used when Camel's stream caching would keep a large
 * message on the heap (spooling is off by default in Camel 4). It reads like any
 * {@link StreamCache}: {@link #reset()} rewinds, {@link #copy(Exchange)} gives another reader of the
 * same file. The file is deleted once every exchange holding a reader is done.
 */
public final class Imap4SpooledBody extends InputStream implements StreamCache {

    private static final Logger LOG = LoggerFactory.getLogger(Imap4SpooledBody.class);

    private static final int READ_STEP = 64 * 1024;

    private final Spool spool;
    private InputStream in;
    private long position;

    private Imap4SpooledBody(Spool spool) {
        this.spool = spool;
    }

    /** Copies {@code source} into a new file in {@code directory}, owned by {@code exchange}. */
    static Imap4SpooledBody spool(Exchange exchange, InputStream source, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "imap4-", ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            source.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Spool(file, Files.size(file)).attach(exchange);
    }

    /** Takes over {@code file}, which holds a whole message, for {@code exchange}; deleted when it is done. */
    static Imap4SpooledBody adopt(Exchange exchange, Path file) throws IOException {
        try {
            return new Spool(file, Files.size(file)).attach(exchange);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The file holding the bytes; valid until the owning exchanges are done. */
    public Path file() {
        return spool.file;
    }

    /** Closes {@code reader} (another reader of {@link #file()}) before the file is deleted. */
    void closeWithFile(AutoCloseable reader) {
        spool.readers.add(reader);
    }

    private InputStream stream() throws IOException {
        if (in == null) {
            in = Files.newInputStream(spool.file);
            if (position > 0) {
                in.skipNBytes(position);
            }
        }
        return in;
    }

    @Override
    public int read() throws IOException {
        int b = stream().read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = stream().read(b, off, len);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = stream().skip(n);
        position += s;
        return s;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(Integer.MAX_VALUE, spool.length - position);
    }

    /** Rewinds to the first byte. */
    @Override
    public void reset() {
        close();
        position = 0;
    }

    /** Closes this reader; the file stays until the exchange is done. */
    @Override
    public void close() {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                LOG.debug("Closing {} failed: {}", spool.file, e.getMessage());
            }
            in = null;
        }
    }

    /**
     * The bytes from the current position to the end in one array of exactly that size (Camel's
     * generic conversion of a stream grows a buffer and copies it again); the position moves to the end.
     */
    byte[] remaining() throws IOException {
        long left = spool.length - position;
        if (left > Integer.MAX_VALUE - 8) {
            throw new IOException("a body of " + spool.length + " bytes does not fit in a byte array; read it as a stream");
        }
        // one array of the exact size, filled in steps of READ_STEP: InputStream.readNBytes(int) would
        // gather the bytes in buffers of its own and copy them again, and one read of the whole length
        // from a file channel takes a native buffer of that length
        byte[] out = new byte[(int) left];
        InputStream s = stream();
        int n = 0;
        while (n < out.length) {
            int r = s.read(out, n, Math.min(READ_STEP, out.length - n));
            if (r < 0) {
                break;
            }
            n += r;
        }
        position += n;
        if (n != left) {
            throw new IOException("spooled message " + spool.file + " ended after " + position + " of " + spool.length
                    + " bytes");
        }
        return out;
    }

    @Override
    public void writeTo(OutputStream os) throws IOException {
        stream().transferTo(os);
        position = spool.length;
    }

    @Override
    public StreamCache copy(Exchange exchange) throws IOException {
        return spool.attach(exchange);
    }

    @Override
    public boolean inMemory() {
        return false;
    }

    @Override
    public long length() {
        return spool.length;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public String toString() {
        return "Imap4SpooledBody[" + spool.length + " bytes]";
    }

    /** One spool file shared by the readers of every exchange that holds it. */
    private static final class Spool {
        private final Path file;
        private final long length;
        private final AtomicInteger owners = new AtomicInteger();
        private final Queue<AutoCloseable> readers = new ConcurrentLinkedQueue<>();

        Spool(Path file, long length) {
            this.file = file;
            this.length = length;
        }

        Imap4SpooledBody attach(Exchange exchange) {
            owners.incrementAndGet();
            Imap4SpooledBody reader = new Imap4SpooledBody(this);
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    reader.close();
                    if (owners.decrementAndGet() == 0) {
                        for (AutoCloseable r = readers.poll(); r != null; r = readers.poll()) {
                            try {
                                r.close();
                            } catch (Exception e) {
                                LOG.debug("Closing a reader of {} failed: {}", file, e.getMessage());
                            }
                        }
                        try {
                            Files.deleteIfExists(file);
                        } catch (IOException e) {
                            LOG.warn("Cannot delete the spooled message {}: {}", file, e.getMessage());
                        }
                    }
                }
            });
            return reader;
        }
    }
}
