package dev.imap4.camel;

import dev.imap4.client.types.BodyStructure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.attachment.DefaultAttachment;
import org.apache.camel.attachment.DefaultAttachmentMessage;
import org.apache.james.mime4j.util.CharsetUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the MIME options took from one message: its attachments (by final name, each with its part's
 * header fields) and its text parts, read either from the raw message ({@link Imap4MimeReader}) or
 * from fetched sections ({@link Imap4PartFetcher}); {@link #applyTo} puts them on the exchange.
 */
final class Imap4MimeContent {

    private static final Logger LOG = LoggerFactory.getLogger(Imap4MimeContent.class);

    private final Exchange exchange;
    private final Imap4AttachmentRules.Names names;
    private final Imap4PartStore store;
    private final long textMax;
    private Text plain;
    private Text html;
    private Exception failure;

    Imap4MimeContent(Exchange exchange, Imap4AttachmentRules rules, long textMax) {
        this(exchange, rules, textMax, new Imap4PartStore(exchange));
    }

    /** Content whose parts are kept by {@code store} (which may share a heap allowance with other messages). */
    Imap4MimeContent(Exchange exchange, Imap4AttachmentRules rules, long textMax, Imap4PartStore store) {
        this.exchange = exchange;
        this.names = rules.names();
        this.store = store;
        this.textMax = textMax;
    }

    /** Takes the attachment {@code name} of {@code part}; returns false when it was dropped. */
    boolean addAttachment(BodyStructure part, String name, List<Map.Entry<String, String>> fields, InputStream decoded,
            long max) throws IOException, Imap4MimeException {
        String finalName = names.claim(name);
        if (finalName == null) {
            LOG.warn("Cannot extract duplicate file attachment: {} (part {})", name, part.partNumber());
            return false;
        }
        StreamCache content = store.store(decoded, max);
        if (content == null) {
            LOG.debug("Attachment {} (part {}) is above attachmentMaxSize; left out", name, part.partNumber());
            return false;
        }
        String type = part.mimeType() + (part.param("charset") != null && part.type().equals("text")
                ? "; charset=" + part.param("charset") : "");
        names.put(finalName, new Pending(part, type, fields, content));
        return true;
    }

    /**
     * Takes the text part {@code part}, kept like an attachment (a spool file when large) until the
     * body is set; above textBodyMaxSize the message fails.
     */
    void addText(BodyStructure part, InputStream decoded) throws IOException, Imap4MimeException {
        boolean isPlain = part.subtype().equals("plain");
        if (isPlain ? plain != null : html != null) {
            return;
        }
        StreamCache bytes = store.store(decoded, textMax);
        if (bytes == null) {
            throw new Imap4MimeException("The " + part.mimeType() + " part " + part.partNumber()
                    + " is larger than textBodyMaxSize (" + textMax + " bytes)");
        }
        Text text = new Text(bytes, charset(part.param("charset")));
        if (isPlain) {
            plain = text;
        } else {
            html = text;
        }
    }

    /** A text part's decoded bytes (at most textBodyMaxSize) and its charset, made a String when routed. */
    private record Text(StreamCache bytes, Charset charset) {
        String read() throws IOException {
            bytes.reset();
            return new String(((InputStream) bytes).readAllBytes(), charset);
        }
    }

    // RFC 2046 §4.1.2: us-ascii when absent; UTF-8 reads it and the undeclared 8-bit text seen in practice
    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        Charset c = CharsetUtil.lookup(name.trim());
        if (c == null) {
            LOG.debug("Unknown charset '{}': the text is read as ISO-8859-1, byte for byte", name);
            return StandardCharsets.ISO_8859_1;
        }
        return c.name().equals("US-ASCII") ? StandardCharsets.UTF_8 : c;
    }

    /** Records a failure met while the content was fetched; {@link #applyTo} throws it. */
    void fail(Exception e) {
        if (failure == null) {
            failure = e;
        }
    }

    /** Whether the route wants {@code subtype} (plain / html) and it is not there yet. */
    boolean wantsText(String subtype) {
        return subtype.equals("plain") ? plain == null : html == null;
    }

    /**
     * Puts the content on the exchange: attachments into its AttachmentMessage when
     * {@code attachments}; the text as the body by {@code textBody} (the former body, the raw message,
     * into CamelImap4RawMessage when it is one).
     */
    void applyTo(boolean attachments, Imap4TextBody textBody) throws Exception {
        if (failure != null) {
            throw failure instanceof Imap4MimeException ? failure
                    : new Imap4MimeException("Could not read the message's parts: " + failure.getMessage(), failure);
        }
        if (attachments) {
            AttachmentMessage am = attachmentMessage(exchange);
            for (Map.Entry<String, Object> e : names.all().entrySet()) {
                Pending p = (Pending) e.getValue();
                Imap4AttachmentDataSource ds = new Imap4AttachmentDataSource(e.getKey(), p.type, p.part.partNumber(),
                        p.content, exchange);
                DefaultAttachment a = new DefaultAttachment(ds);
                for (Map.Entry<String, String> f : p.fields) {
                    a.addHeader(f.getKey(), f.getValue());
                }
                am.addAttachmentObject(e.getKey(), a);
            }
            exchange.setProperty(Imap4MimeMapper.MAPPED, true);
        }
        if (textBody != Imap4TextBody.NONE) {
            Text chosen = textBody == Imap4TextBody.PLAIN ? first(plain, html) : first(html, plain);
            String text = chosen == null ? null : chosen.read();
            Object raw = exchange.getMessage().getBody();
            if (raw instanceof StreamCache cache) {
                cache.reset();
                exchange.getMessage().setHeader(Imap4Constants.RAW_MESSAGE, cache);
            }
            exchange.getMessage().setBody(text == null ? "" : text);
        }
    }

    /** The exchange's message as an AttachmentMessage, set on the exchange so the attachments stay with it. */
    static AttachmentMessage attachmentMessage(Exchange exchange) {
        if (exchange.getMessage() instanceof AttachmentMessage am) {
            return am;
        }
        AttachmentMessage am = new DefaultAttachmentMessage(exchange.getMessage());
        exchange.setMessage(am);
        return am;
    }

    private static Text first(Text a, Text b) {
        return a != null ? a : b;
    }

    /** How many attachments were taken. */
    int attachmentCount() {
        return names.all().size();
    }

    List<String> attachmentNames() {
        return new ArrayList<>(names.all().keySet());
    }

    private record Pending(BodyStructure part, String type, List<Map.Entry<String, String>> fields,
            StreamCache content) {
    }
}
