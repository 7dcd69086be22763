package dev.imap4.camel;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.spi.StreamCachingStrategy;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;

/**
 * Keeps one decoded part for an exchange: on the heap when it is within the stream-caching spool
 * threshold and the message's heap allowance, else in a temporary file of the spool directory that
 * is deleted when the exchange is done ({@link Imap4SpooledBody}). The part is read once, as it
 * streams past; nothing larger than the threshold is ever held whole in memory.
 */
final class Imap4PartStore {

    /** The most bytes of small parts one message keeps on the heap; the rest go to files. */
    static final long HEAP_PER_MESSAGE = 1024 * 1024;

    private final Exchange exchange;
    private final long[] heapLeft;

    /** A store for one message read on its own: up to {@link #HEAP_PER_MESSAGE} of small parts on the heap. */
    Imap4PartStore(Exchange exchange) {
        this(exchange, new long[] {HEAP_PER_MESSAGE});
    }

    /** A store drawing on {@code heapLeft[0]}, an allowance shared by the messages of one batch. */
    Imap4PartStore(Exchange exchange, long[] heapLeft) {
        this.exchange = exchange;
        this.heapLeft = heapLeft;
    }

    /**
     * The content of {@code in}, or {@code null} when it is larger than {@code max} bytes (0 for no
     * limit); in that case nothing of it is kept.
     */
    StreamCache store(InputStream in, long max) throws IOException {
        StreamCachingStrategy strategy = exchange.getContext().getStreamCachingStrategy();
        long threshold = Imap4MessageMapper.spoolThreshold(strategy);
        int onHeap = (int) Math.max(0, Math.min(Math.min(threshold, heapLeft[0]), Integer.MAX_VALUE - 16));
        byte[] head = in.readNBytes(onHeap + 1);
        if (head.length <= onHeap) {
            if (max > 0 && head.length > max) {
                return null;
            }
            heapLeft[0] -= head.length;
            return new Imap4MemoryBody(head);
        }
        Path dir = strategy.getSpoolDirectory() != null ? strategy.getSpoolDirectory().toPath()
                : Path.of(System.getProperty("java.io.tmpdir"));
        InputStream all = new SequenceInputStream(new ByteArrayInputStream(head), in);
        try {
            return Imap4SpooledBody.spool(exchange, max > 0 ? new Bounded(all, max) : all, dir);
        } catch (TooLarge e) {
            return null;
        }
    }

    /** The part's content with its Content-Transfer-Encoding undone (base64, quoted-printable; others as they are). */
    static InputStream decode(InputStream in, String encoding) {
        String e = encoding == null ? "" : encoding.trim().toUpperCase(Locale.ROOT);
        return switch (e) {
            case "BASE64" -> new Base64InputStream(in, DecodeMonitor.SILENT);
            case "QUOTED-PRINTABLE" -> new QuotedPrintableInputStream(in, DecodeMonitor.SILENT);
            default -> in;
        };
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("above attachmentMaxSize");
        }
    }

    // fails the copy (and so deletes the file) as soon as more than max bytes came
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private long count;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > max) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (count += n) > max) {
                throw new TooLarge();
            }
            return n;
        }
    }
}
