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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.converter.stream.CachedOutputStream;
import org.apache.camel.spi.HeaderFilterStrategy;
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

    Imap4MessageMapper(Imap4Configuration config) {
        this.config = config;
    }

    /** What to fetch; always BODY.PEEK, so fetching never sets \Seen. MODSEQ when the folder has them. */
    FetchItems items(boolean modSeq) {
        FetchItems items = FetchItems.of().withFlags().withInternalDate().withSize();
        items = switch (config.getFetchContent()) {
            case FULL -> items.withBody();
            case HEADERS -> items.withHeader();
            case ENVELOPE -> items.withEnvelope().withBodyStructure();
        };
        return modSeq ? items.withModSeq() : items;
    }

    /**
     * One UID FETCH of {@code chunk}: each message is copied out of its literal into a new exchange
     * while the handler runs. Returns the exchanges in the order of {@code chunk} (UID or SORT
     * order); a message expunged meanwhile is simply missing. On failure every exchange made so far
     * is discarded.
     */
    Queue<Object> fetch(ImapClient client, List<Long> chunk, boolean modSeq, long uidValidity,
            Supplier<Exchange> exchanges) {
        Map<Long, Exchange> byUid = new HashMap<>();
        long[] heapLeft = {Math.min(config.getBatchMemoryLimit(), Runtime.getRuntime().maxMemory() / 4)};
        try {
            client.uidFetch(NumberSet.uids(chunk), items(modSeq), r -> {
                if (r.uid() == null || byUid.containsKey(r.uid()) || !hasContent(r)) {
                    return;
                }
                Exchange exchange = exchanges.get();
                byUid.put(r.uid(), exchange);
                populate(exchange, r, uidValidity, heapLeft);
            });
        } catch (RuntimeException e) {
            byUid.values().forEach(Imap4MessageMapper::discard);
            throw e;
        }
        Queue<Object> ordered = new ArrayDeque<>(byUid.size());
        for (Long uid : chunk) {
            Exchange exchange = byUid.remove(uid);
            if (exchange != null) {
                ordered.add(exchange);
            }
        }
        return ordered;
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
        };
    }

    /**
     * Fills {@code exchange} from {@code r}, fetched from the folder under {@code uidValidity};
     * {@code heapLeft[0]} is how many more bytes of large bodies may stay on the heap (and is reduced).
     */
    void populate(Exchange exchange, FetchResponse r, long uidValidity, long[] heapLeft) throws IOException {
        Message m = exchange.getMessage();
        Literal content = switch (config.getFetchContent()) {
            case FULL -> r.message();
            case HEADERS -> r.section(BodySection.header());
            case ENVELOPE -> null;
        };
        List<Map.Entry<String, String>> fields = List.of();
        if (content != null && !content.isSpooled()) {
            byte[] bytes = content.bytes();
            int max = Imap4MailHeaders.MAX_HEADER_BYTES;
            fields = Imap4MailHeaders.read(bytes, Math.min(bytes.length, max), bytes.length <= max);
        } else if (content != null) {
            try (InputStream in = content.openStream()) {
                fields = Imap4MailHeaders.read(in, Imap4MailHeaders.MAX_HEADER_BYTES);
            }
        } else if (r.envelope() != null) {
            fields = Imap4MailHeaders.fromEnvelope(r.envelope());
        }
        copyMailHeaders(exchange, fields);

        m.setHeader(Imap4Constants.UID, r.uid());
        m.setHeader(Imap4Constants.UID_VALIDITY, uidValidity);
        m.setHeader(Imap4Constants.FOLDER, config.getFolder());
        m.setHeader(Imap4Constants.FLAGS, r.flags() == null ? List.of() : r.flags());
        m.setHeader(Imap4Constants.SEQUENCE_NUMBER, r.sequence());
        setIfPresent(m, Imap4Constants.INTERNAL_DATE, r.internalDate());
        setIfPresent(m, Imap4Constants.SIZE, r.size());
        setIfPresent(m, Imap4Constants.MOD_SEQ, r.modSeq());
        setIfPresent(m, Imap4Constants.ENVELOPE, r.envelope());
        setIfPresent(m, Imap4Constants.BODY_STRUCTURE, r.bodyStructure());

        if (config.getFetchContent() == Imap4FetchContent.ENVELOPE) {
            m.setBody(r.bodyStructure());
        } else {
            m.setBody(content == null ? null : cache(exchange, content, heapLeft));
        }
    }

    // a repeated field (Received, for one) becomes a list, as camel-mail does
    private void copyMailHeaders(Exchange exchange, List<Map.Entry<String, String>> fields) {
        HeaderFilterStrategy filter = config.getHeaderFilterStrategy();
        Map<String, Object> headers = exchange.getMessage().getHeaders(); // case-insensitive, as Camel's are
        for (Map.Entry<String, String> f : fields) {
            String name = f.getKey();
            if (filter != null && filter.applyFilterToExternalHeaders(name, f.getValue(), exchange)) {
                continue;
            }
            headers.merge(name, f.getValue(), Imap4MessageMapper::repeated);
        }
    }

    private static Object repeated(Object existing, Object value) {
        List<Object> more = existing instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>(List.of(existing));
        more.add(value);
        return more;
    }

    private static void setIfPresent(Message m, String name, Object value) {
        if (value != null) {
            m.setHeader(name, value);
        }
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
        long threshold = strategy.getSpoolThreshold() > 0 ? strategy.getSpoolThreshold()
                : StreamCache.DEFAULT_SPOOL_THRESHOLD;
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
