package dev.imap4.camel;

import dev.imap4.client.ImapClient;
import java.io.InputStream;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's MIME options on each exchange, just before it is routed: mapAttachments puts the
 * attachments into Camel's attachments API, textBody makes the text the body. With fetchContent=FULL
 * the raw message is read once, as a stream ({@link Imap4MimeReader}); with PARTS the sections were
 * fetched beforehand ({@link Imap4PartFetcher}). A message that cannot be mapped fails alone:
 * {@link #map} throws, the consumer fails that exchange, and onFailure applies to it.
 */
final class Imap4MimeMapper {

    private static final Logger LOG = LoggerFactory.getLogger(Imap4MimeMapper.class);

    /** Exchange property: the {@link Imap4MimeContent} fetched for the exchange (PARTS). */
    static final String CONTENT = "CamelImap4MimeContent";
    /** Exchange property: the attachments were mapped (the split expression need not read the body). */
    static final String MAPPED = "CamelImap4AttachmentsMapped";

    private final Imap4Configuration config;
    private final Imap4AttachmentRules rules;
    private final Imap4PartFetcher parts;
    private final boolean active;

    Imap4MimeMapper(Imap4Configuration config) {
        this.config = config;
        this.rules = Imap4AttachmentRules.of(config);
        this.parts = new Imap4PartFetcher(config, rules);
        this.active = config.isMapAttachments() || config.getTextBody() != Imap4TextBody.NONE;
        Imap4FetchContent fc = config.getFetchContent();
        if (active && fc != Imap4FetchContent.FULL && fc != Imap4FetchContent.PARTS) {
            throw new IllegalArgumentException("mapAttachments and textBody need fetchContent FULL or PARTS, not " + fc);
        }
        if (!active && fc == Imap4FetchContent.PARTS) {
            throw new IllegalArgumentException("fetchContent=PARTS fetches what mapAttachments and textBody select:"
                    + " set at least one of them");
        }
        if (config.getTextBodyMaxSize() < 1) {
            throw new IllegalArgumentException("textBodyMaxSize must be at least 1 byte");
        }
    }

    /** With fetchContent=PARTS: fetches the selected sections of the messages just fetched. */
    void fetchParts(ImapClient client, Map<Long, Exchange> byUid) {
        if (active && config.getFetchContent() == Imap4FetchContent.PARTS && !byUid.isEmpty()) {
            parts.fetch(client, byUid);
        }
    }

    /** Maps the exchange's MIME content as the options say; throws when the message cannot be mapped. */
    void map(Exchange exchange) throws Exception {
        if (!active) {
            return;
        }
        Imap4MimeContent content = exchange.getProperty(CONTENT, Imap4MimeContent.class);
        exchange.removeProperty(CONTENT);
        try {
            if (content == null) {
                content = read(exchange, exchange.getMessage().getBody(), rules, config.isMapAttachments(),
                        config.getTextBody() != Imap4TextBody.NONE, config.getTextBodyMaxSize());
            }
            content.applyTo(config.isMapAttachments(), config.getTextBody());
        } catch (Exception e) {
            LOG.warn("Message UID {} of '{}' cannot be mapped ({}); it fails, and onFailure applies",
                    exchange.getMessage().getHeader(Imap4Constants.UID), config.getFolder(), e.getMessage());
            throw e;
        }
    }

    /** Reads the raw message {@code body} of {@code exchange} (left as it is, rewound) with {@code rules}. */
    static Imap4MimeContent read(Exchange exchange, Object body, Imap4AttachmentRules rules, boolean attachments,
            boolean text, long textMax) throws Exception {
        Imap4MimeContent content = new Imap4MimeContent(exchange, rules, textMax);
        if (body == null) {
            return content;
        }
        Object source = body instanceof StreamCache cache ? cache.copy(exchange) : body;
        try (InputStream in = exchange.getContext().getTypeConverter().mandatoryConvertTo(InputStream.class, exchange,
                source)) {
            new Imap4MimeReader(rules, attachments, text).read(in, content);
        }
        if (body instanceof StreamCache cache) {
            cache.reset();
        }
        return content;
    }
}
