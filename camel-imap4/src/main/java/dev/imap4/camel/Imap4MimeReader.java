package dev.imap4.camel;

import dev.imap4.client.types.BodyStructure;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.james.mime4j.util.ByteSequence;
import org.apache.james.mime4j.util.ContentUtil;

/**
 * Reads a raw RFC 5322 message once, as a stream, with Apache James mime4j's token stream, and hands
 * each leaf part (as a {@link BodyStructure} numbered like IMAP sections, with its header fields and
 * its decoded content) to {@link Imap4MimeContent} by the attachment rules. An encapsulated message
 * (message/rfc822) is a leaf, kept whole, as camel-mail does.
 *
 * <p>Bounds: header lines of at most {@link #MAX_LINE} bytes, {@link #MAX_HEADER_FIELDS} fields and
 * {@link #MAX_HEADER_BYTES} bytes per part, multiparts nested at most {@link #MAX_DEPTH} deep; body
 * lines are not held whole. Malformed, and failing the message: a multipart without a boundary, a
 * multipart whose boundary never occurs (no part at all), nesting or headers beyond the bounds. A
 * missing closing boundary (a truncated message) is accepted as Jakarta Mail does: the parts read so
 * far are kept.
 */
final class Imap4MimeReader {

    static final int MAX_LINE = 64 * 1024;
    static final int MAX_HEADER_FIELDS = 2000;
    static final int MAX_HEADER_BYTES = 256 * 1024;
    static final int MAX_DEPTH = 40;

    private static final Pattern PLAIN_PARAM = Pattern.compile(
            "(?i);\\s*(filename|name)\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^;\\s]+)");

    private final Imap4AttachmentRules rules;
    private final boolean attachments;
    private final boolean text;

    Imap4MimeReader(Imap4AttachmentRules rules, boolean attachments, boolean text) {
        this.rules = rules;
        this.attachments = attachments;
        this.text = text;
    }

    /** Reads {@code raw} into {@code out}. */
    void read(InputStream raw, Imap4MimeContent out) throws IOException, Imap4MimeException {
        MimeConfig config = new MimeConfig.Builder().setMaxLineLen(MAX_LINE).setMaxHeaderCount(MAX_HEADER_FIELDS)
                .setMaxHeaderLen(MAX_HEADER_BYTES).setMaxContentLen(-1).build();
        MimeTokenStream tokens = new MimeTokenStream(config, DecodeMonitor.SILENT, null);
        tokens.parse(raw);
        tokens.setRecursionMode(RecursionMode.M_NO_RECURSE);
        Deque<Entity> open = new ArrayDeque<>();
        try {
            for (EntityState s = tokens.getState(); s != EntityState.T_END_OF_STREAM; s = tokens.next()) {
                switch (s) {
                    case T_START_MESSAGE -> open.push(new Entity(List.of()));
                    case T_START_BODYPART -> {
                        Entity parent = open.peek();
                        parent.children++;
                        List<Integer> path = new ArrayList<>(parent.path);
                        path.add(parent.children);
                        if (path.size() > MAX_DEPTH) {
                            throw new Imap4MimeException("MIME parts nested deeper than " + MAX_DEPTH + " levels");
                        }
                        open.push(new Entity(path));
                    }
                    case T_FIELD -> open.peek().fields.add(tokens.getField());
                    case T_START_MULTIPART -> open.peek().multipart = true;
                    case T_BODY -> leaf(open.peek(), tokens, out);
                    case T_END_MULTIPART -> {
                        Entity e = open.peek();
                        if (e.children == 0) {
                            throw new Imap4MimeException("Malformed multipart at part " + number(e.path)
                                    + ": its boundary never occurs, so it holds no part");
                        }
                    }
                    case T_END_BODYPART, T_END_MESSAGE -> open.pop();
                    default -> {
                        // headers, preamble and epilogue carry nothing to map
                    }
                }
            }
        } catch (MimeException e) {
            throw new Imap4MimeException("Malformed MIME structure: " + e.getMessage(), e);
        }
    }

    private void leaf(Entity e, MimeTokenStream tokens, Imap4MimeContent out) throws IOException, Imap4MimeException {
        Map<String, String> ctParams = new LinkedHashMap<>();
        String declared = value(e.field("content-type"), ctParams);
        String actual = tokens.getBodyDescriptor().getMimeType().toLowerCase(Locale.ROOT);
        if (declared != null && declared.startsWith("multipart/") && !actual.startsWith("multipart/")) {
            throw new Imap4MimeException("Malformed multipart at part " + number(e.path) + ": " + declared
                    + " without a boundary parameter");
        }
        Map<String, String> dispParams = new LinkedHashMap<>();
        String disposition = value(e.field("content-disposition"), dispParams);
        String[] type = actual.split("/", 2);
        String encoding = tokens.getBodyDescriptor().getTransferEncoding();
        BodyStructure part = new BodyStructure(type[0], type.length > 1 ? type[1] : "octet-stream", ctParams,
                body(e.field("content-id")), body(e.field("content-description")),
                encoding == null ? "7BIT" : encoding.toUpperCase(Locale.ROOT), -1, -1, null, null, List.of(), null,
                disposition == null ? null : new BodyStructure.Disposition(disposition, dispParams), List.of(), null,
                List.of(), number(e.path));
        String name = rules.nameOf(part);
        if (name != null && attachments && rules.wanted(part, name)) {
            out.addAttachment(part, name, e.fieldList(), tokens.getDecodedInputStream(), rules.maxSize());
        } else if (text && Imap4AttachmentRules.isText(part, name) && out.wantsText(part.subtype())) {
            out.addText(part, tokens.getDecodedInputStream());
        }
    }

    private static String number(List<Integer> path) {
        if (path.isEmpty()) {
            return "1";
        }
        StringBuilder sb = new StringBuilder();
        for (Integer p : path) {
            sb.append(sb.length() == 0 ? "" : ".").append(p);
        }
        return sb.toString();
    }

    // the field's value (lower case) and its parameters, names lower case, RFC 2231 sections kept apart
    private static String value(Field f, Map<String, String> params) {
        if (f == null) {
            return null;
        }
        ByteSequence buf = ContentUtil.encode(f.getBody());
        RawBody body = RawFieldParser.DEFAULT.parseRawBody(buf, new ParserCursor(0, buf.length()));
        for (NameValuePair p : body.getParams()) {
            if (p.getValue() != null) {
                params.putIfAbsent(p.getName().toLowerCase(Locale.ROOT), p.getValue());
            }
        }
        // mime4j decodes RFC 2047 words in quoted values; keep them as sent (decodeFilename decides)
        if (f.getBody().contains("=?")) {
            Matcher m = PLAIN_PARAM.matcher(f.getBody());
            while (m.find()) {
                String v = m.group(2);
                if (v.startsWith("\"")) {
                    v = v.substring(1, v.length() - 1).replaceAll("\\\\(.)", "$1");
                }
                params.put(m.group(1).toLowerCase(Locale.ROOT), v);
            }
        }
        String v = body.getValue();
        return v == null || v.isBlank() ? null : v.trim().toLowerCase(Locale.ROOT);
    }

    private static String body(Field f) {
        return f == null ? null : f.getBody().trim();
    }

    /** A message or body part being read: its section path, header fields and child count. */
    private static final class Entity {
        final List<Integer> path;
        final List<Field> fields = new ArrayList<>();
        int children;
        boolean multipart;

        Entity(List<Integer> path) {
            this.path = path;
        }

        Field field(String name) {
            for (Field f : fields) {
                if (f.getName().equalsIgnoreCase(name)) {
                    return f;
                }
            }
            return null;
        }

        List<Map.Entry<String, String>> fieldList() {
            List<Map.Entry<String, String>> out = new ArrayList<>(fields.size());
            for (Field f : fields) {
                out.add(Map.entry(f.getName(), f.getBody()));
            }
            return out;
        }
    }
}
