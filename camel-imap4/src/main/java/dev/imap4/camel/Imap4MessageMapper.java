package dev.imap4.camel;

import dev.imap4.client.ImapClient;
import dev.imap4.client.Literal;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.BodySection;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.NumberSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.converter.stream.CachedOutputStream;
import org.apache.camel.spi.StreamCachingStrategy;
import org.apache.camel.support.UnitOfWorkHelper;
import org.apache.camel.util.IOHelper;

/**
 * Turns one FETCH response into the exchange the route receives: the Camel headers of
 * {@link Imap4Constants}, the message's own header fields (through the header filter strategy, so
 * a mail cannot set {@code Camel*} headers), and the body as a {@link StreamCache} taken from the
 * section literal while the fetch handler runs: the literal's own bytes when they are on the heap
 * and may stay there, the client's spool file when it spooled the literal, else a file of ours.
 */
final class Imap4MessageMapper {

    private final Imap4Configuration config;
    private final Imap4MimeMapper mime;
    private final StreamCachingStrategy streamCaching;

    Imap4MessageMapper(Imap4Configuration config, CamelContext context) {
        this.config = config;
        this.streamCaching = context.getStreamCachingStrategy();
        this.mime = new Imap4MimeMapper(config);
    }

    /** The MIME options (mapAttachments, textBody), applied to each exchange just before it is routed. */
    Imap4MimeMapper mime() {
        return mime;
    }

    /** What to fetch; always BODY.PEEK, so fetching never sets \Seen. MODSEQ when the folder has them. */
    FetchItems items(boolean modSeq) {
        FetchItems items = FetchItems.of().withFlags().withInternalDate().withSize();
        items = switch (config.getFetchContent()) {
            case FULL -> items.withBody();
            case HEADERS -> items.withHeader();
            case ENVELOPE -> items.withEnvelope().withBodyStructure();
            case PARTS -> items.withHeader().withBodyStructure();
        };
        if (config.getIdempotentKey() == Imap4IdempotentKey.EMAILID) {
            items = items.withEmailId().withThreadId();
        }
        return modSeq ? items.withModSeq() : items;
    }

    /**
     * One UID FETCH of {@code chunk}: each message becomes an exchange while the handler runs.
     * Returns the exchanges in the order of {@code chunk} (UID or SORT order); a message expunged
     * meanwhile is simply missing, and a UID the server sends that was not asked for is ignored. On
     * failure every exchange made so far is discarded. {@code heapLeft[0]} is how many bytes of large
     * bodies may still stay on the heap (see {@link #cache}); it is reduced by what this batch keeps.
     */
    Queue<Object> fetch(ImapClient client, List<Long> chunk, boolean modSeq, long uidValidity,
            Supplier<Exchange> exchanges, long[] heapLeft) {
        Exchange[] got = new Exchange[chunk.size()];
        boolean ascending = ascending(chunk);
        Map<Long, Integer> positions = ascending ? null : positions(chunk); // SORT order: one map per batch
        try {
            boolean spoolAhead = !spoolsItself(streamCaching);
            if (spoolAhead) {
                client.literalMemoryThreshold(memoryThreshold(heapLeft[0]));
            }
            try {
                client.uidFetch(NumberSet.uids(chunk), items(modSeq), r -> {
                    Long uid = r.uid();
                    int i = uid == null ? -1 : ascending ? Collections.binarySearch(chunk, uid) : positions.getOrDefault(uid, -1);
                    if (i < 0 || got[i] != null || !hasContent(r)) {
                        return;
                    }
                    Exchange exchange = exchanges.get();
                    got[i] = exchange;
                    populate(exchange, r, uidValidity, heapLeft);
                    if (spoolAhead) {
                        client.literalMemoryThreshold(memoryThreshold(heapLeft[0]));
                    }
                });
            } finally {
                if (spoolAhead && client.isConnected()) {
                    client.literalMemoryThreshold(Integer.MAX_VALUE); // the connection's own threshold again
                }
            }
            if (config.getFetchContent() == Imap4FetchContent.PARTS) {
                Map<Long, Exchange> byUid = new HashMap<>();
                for (int i = 0; i < got.length; i++) {
                    if (got[i] != null) {
                        byUid.put(chunk.get(i), got[i]);
                    }
                }
                mime.fetchParts(client, byUid);
            }
        } catch (RuntimeException e) {
            for (Exchange exchange : got) {
                if (exchange != null) {
                    discard(exchange);
                }
            }
            throw e;
        }
        Queue<Object> ordered = new ArrayDeque<>(got.length);
        for (Exchange exchange : got) {
            if (exchange != null) {
                ordered.add(exchange);
            }
        }
        return ordered;
    }

    /** One UID FETCH of {@code chunk} with the batch's own allowance of heap for large bodies. */
    Queue<Object> fetch(ImapClient client, List<Long> chunk, boolean modSeq, long uidValidity,
            Supplier<Exchange> exchanges) {
        return fetch(client, chunk, modSeq, uidValidity, exchanges, new long[] {heapAllowance()});
    }

    /**
     * The largest literal the client may read into memory while this batch is fetched: one that can
     * stay on the heap as the body, within Camel's spool threshold or what is left of the batch's
     * allowance. Anything larger the client writes straight to a file as it reads it, which the body
     * then takes over ({@link #cache}), so a large body that will not stay on the heap is never held
     * in one array on its way to a file (docs/performance.md, "200 × 1 MB: peak RSS").
     */
    int memoryThreshold(long heapLeft) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(spoolThreshold(streamCaching), heapLeft));
    }

    /** Whether Camel's own spooling decides where large bodies go (stream caching with spooling on). */
    private static boolean spoolsItself(StreamCachingStrategy strategy) {
        return strategy.isEnabled() && strategy.isSpoolEnabled();
    }

    /**
     * fetchBatchSize, capped so that two batches of small bodies (each at most Camel's spool
     * threshold, always kept on the heap) stay within a quarter of the JVM's maximum heap, whatever
     * the batches before them made {@link Imap4BatchSizes} expect; never below a poll's first batch
     * (a spool threshold set very high, or a very small heap, still fetches a few at a time).
     */
    int batchSizeCap() {
        return batchSizeCap(config.getFetchBatchSize(), Runtime.getRuntime().maxMemory(), spoolThreshold(streamCaching));
    }

    static int batchSizeCap(int fetchBatchSize, long maxHeap, long spoolThreshold) {
        long fits = maxHeap / 8 / Math.max(1, spoolThreshold);
        return (int) Math.min(fetchBatchSize, Math.max(Imap4BatchSizes.FIRST, fits));
    }

    /** How many bytes of large bodies may stay on the heap at once: batchMemoryLimit, at most a quarter of the heap. */
    long heapAllowance() {
        return Math.min(config.getBatchMemoryLimit(), Runtime.getRuntime().maxMemory() / 4);
    }

    private static boolean ascending(List<Long> uids) {
        for (int i = 1; i < uids.size(); i++) {
            if (uids.get(i - 1) >= uids.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static Map<Long, Integer> positions(List<Long> uids) {
        Map<Long, Integer> out = new HashMap<>(uids.size() * 2);
        for (int i = 0; i < uids.size(); i++) {
            out.putIfAbsent(uids.get(i), i);
        }
        return out;
    }

    /** An exchange that will not be routed: its completions run now (spool files are deleted). */
    static void discard(Exchange exchange) {
        UnitOfWorkHelper.doneSynchronizations(exchange, exchange.getExchangeExtension().handoverCompletions());
    }

    /** Whether the response carries what was asked (a message expunged meanwhile may come without it). */
    boolean hasContent(FetchResponse r) {
        return switch (config.getFetchContent()) {
            case FULL -> r.message() != null;
            case HEADERS -> r.section(BodySection.header()) != null;
            case ENVELOPE -> r.envelope() != null;
            case PARTS -> r.section(BodySection.header()) != null && r.bodyStructure() != null;
        };
    }

    /**
     * Fills {@code exchange} from {@code r}, fetched from the folder under {@code uidValidity}: its
     * message becomes an {@link Imap4Message}, whose headers are filled only when the route first
     * touches one; {@code heapLeft[0]} is how many more bytes of large bodies may stay on the heap
     * (and is reduced).
     */
    void populate(Exchange exchange, FetchResponse r, long uidValidity, long[] heapLeft) throws IOException {
        Literal content = switch (config.getFetchContent()) {
            case FULL -> r.message();
            case HEADERS, PARTS -> r.section(BodySection.header());
            case ENVELOPE -> null;
        };
        List<Map.Entry<String, String>> fields = null;
        byte[] raw = null;
        boolean complete = true;
        if (content != null && content.isSpooled()) {
            // the file passes to the body below (and may be deleted with it): keep its header section
            // now, as for a body in a file of ours, read into fields only when the route asks
            try (InputStream in = content.openStream()) {
                raw = Imap4MailHeaders.section(in, Imap4MailHeaders.MAX_HEADER_BYTES);
            }
            complete = raw.length == content.size();
        } else if (content == null && r.envelope() != null) {
            fields = Imap4MailHeaders.fromEnvelope(r.envelope());
        }
        boolean structure = config.getFetchContent() == Imap4FetchContent.ENVELOPE
                || config.getFetchContent() == Imap4FetchContent.PARTS;
        Object body = structure ? r.bodyStructure()
                : content == null ? null : cache(exchange, content, heapLeft);
        if (content != null && !content.isSpooled()) {
            byte[] bytes = content.bytes();
            if (body instanceof Imap4MemoryBody) {
                raw = bytes; // the body's own array: the headers are read from it when asked for
            } else {
                // the body went to a file: keep only the header section, not the whole message
                int end = Imap4MailHeaders.sectionEnd(bytes, Math.min(bytes.length, Imap4MailHeaders.MAX_HEADER_BYTES));
                raw = Arrays.copyOf(bytes, end);
                complete = end == bytes.length;
            }
        }
        Imap4Message m = new Imap4Message(exchange, r, uidValidity, config.getFolder(), config.getHeaderFilterStrategy(),
                raw, complete, fields);
        m.setBody(body);
        if (config.getIdempotentKey() == Imap4IdempotentKey.EMAILID) {
            Imap4ObjectIds.copy(r, m);
        }
        exchange.setIn(m);
    }

    /** Camel's stream-cache spool threshold in bytes (128 KiB unless configured): above it a body is "large". */
    static long spoolThreshold(StreamCachingStrategy strategy) {
        long threshold = strategy.getSpoolThreshold();
        return threshold > 0 ? threshold : StreamCache.DEFAULT_SPOOL_THRESHOLD;
    }

    /**
     * The body as a stream cache that does not hold a large message on the heap beyond the batch's
     * allowance. A body within Camel's spool threshold stays on the heap as the client read it
     * ({@link Imap4MemoryBody}, no copy). Above it: with stream-cache spooling on, Camel's
     * {@link CachedOutputStream} decides; with it off (the Camel 4 default, or stream caching
     * disabled), the body stays on the heap while {@code heapLeft[0]} allows, else it goes to a file
     * of its own: the client's spool file when the client spooled it, or a new one in the strategy's
     * spool directory (the JVM's temporary directory when unset).
     */
    static StreamCache cache(Exchange exchange, Literal content, long[] heapLeft) throws IOException {
        StreamCachingStrategy strategy = exchange.getContext().getStreamCachingStrategy();
        long size = content.size();
        long threshold = spoolThreshold(exchange.getContext().getStreamCachingStrategy());
        if (size > threshold && size < Integer.MAX_VALUE && strategy.shouldSpoolCache(size)) {
            CachedOutputStream cos = new CachedOutputStream(exchange);
            try (InputStream in = content.openStream()) {
                IOHelper.copy(in, cos, strategy.getBufferSize());
                return cos.newStreamCache();
            } finally {
                cos.close();
            }
        }
        if (!content.isSpooled() && (size <= threshold || size <= heapLeft[0])) {
            if (size > threshold) {
                heapLeft[0] -= size;
            }
            return new Imap4MemoryBody(content.bytes());
        }
        if (content.isSpooled()) {
            return Imap4SpooledBody.adopt(exchange, content.release());
        }
        Path dir = strategy.getSpoolDirectory() != null ? strategy.getSpoolDirectory().toPath()
                : Path.of(System.getProperty("java.io.tmpdir"));
        try (InputStream in = content.openStream()) {
            return Imap4SpooledBody.spool(exchange, in, dir);
        }
    }
}
