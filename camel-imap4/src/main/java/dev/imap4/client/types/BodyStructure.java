package dev.imap4.client.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One node of an RFC 3501 §7.4.2 BODYSTRUCTURE (or BODY): a single part ({@code body-type-1part}) or
 * a multipart ({@code body-type-mpart}), with the extension data when the server sent it.
 *
 * <p>Normalisation: {@code type} and {@code subtype} are lower case (NIL becomes
 * {@code application/octet-stream}); parameter names are lower case; {@code encoding} is upper case,
 * trimmed, {@code 7BIT} when NIL (RFC 2045 §6.1 default). Sizes the server did not know (NIL or
 * negative) are {@code -1}.
 *
 * <p>Part numbers are IMAP section numbers (RFC 3501 §6.4.5): a message whose body is a single part
 * has it as {@code "1"}; the children of a multipart are {@code 1, 2, ...}, their children
 * {@code 2.1, 2.2, ...}; the body of a message/rfc822 part {@code 3} is numbered under it
 * ({@code 3.1}, ...). A multipart that is a message's whole body has no section of its own: it carries
 * the number of its message ({@code ""} at the top, {@code "3"} inside part 3), whose content is
 * fetched as {@code TEXT} / {@code 3.TEXT}.
 *
 * @param type        media type (lower case); {@code multipart} for multiparts
 * @param subtype     media subtype (lower case)
 * @param params      body-fld-param, names lower case
 * @param id          body-fld-id (Content-ID) or {@code null}
 * @param description body-fld-desc or {@code null}
 * @param encoding    body-fld-enc, upper case; {@code null} for multiparts
 * @param size        body-fld-octets, {@code -1} when unknown or for multiparts
 * @param lines       body-fld-lines of text and message parts, otherwise {@code -1}
 * @param envelope    the envelope of an encapsulated message (message/rfc822), else {@code null}
 * @param message     the body of an encapsulated message (message/rfc822), else {@code null}
 * @param parts       the children of a multipart; empty for single parts
 * @param md5         body-fld-md5 or {@code null}
 * @param disposition body-fld-dsp (Content-Disposition) or {@code null}
 * @param language    body-fld-lang; empty when absent
 * @param location    body-fld-loc or {@code null}
 * @param extensions  any further body-extension data, each as its wire text
 * @param partNumber  the IMAP section number, as described above
 */
public record BodyStructure(String type, String subtype, Map<String, String> params, String id,
        String description, String encoding, long size, long lines, Envelope envelope, BodyStructure message,
        List<BodyStructure> parts, String md5, Disposition disposition, List<String> language, String location,
        List<String> extensions, String partNumber) {

    /**
     * A body-fld-dsp: the disposition type as sent ({@code attachment}, {@code inline}, ...) and its
     * parameters, names lower case.
     */
    public record Disposition(String type, Map<String, String> params) {
        public Disposition {
            params = immutable(params);
        }
    }

    public BodyStructure {
        params = immutable(params);
        parts = parts == null ? List.of() : List.copyOf(parts);
        language = language == null ? List.of() : List.copyOf(language);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    /** Maps that are immutable whoever made them: kept as they are. */
    private static final Class<?> SINGLETON_MAP = Collections.singletonMap("", "").getClass();
    private static final Class<?> EMPTY_MAP = Collections.emptyMap().getClass();

    private static Map<String, String> immutable(Map<String, String> m) {
        if (m == null) {
            return Map.of();
        }
        if (m.getClass() == SINGLETON_MAP || m.getClass() == EMPTY_MAP) {
            return m;
        }
        // most parts have one parameter or none: no hash table for them
        return switch (m.size()) {
            case 0 -> Collections.emptyMap();
            case 1 -> {
                Map.Entry<String, String> e = m.entrySet().iterator().next();
                yield Collections.singletonMap(e.getKey(), e.getValue());
            }
            default -> Collections.unmodifiableMap(new LinkedHashMap<>(m));
        };
    }

    /** Whether this is a multipart (it may still have no children: some servers send such). */
    public boolean isMultipart() {
        return type.equals("multipart");
    }

    /** Whether this is an encapsulated message (message/rfc822 or message/global). */
    public boolean isMessage() {
        return type.equals("message") && (subtype.equals("rfc822") || subtype.equals("global"));
    }

    /** {@code type/subtype}, e.g. {@code text/plain}. */
    public String mimeType() {
        return type + "/" + subtype;
    }

    /** A body parameter by name (case-insensitive), e.g. {@code charset}; {@code null} when absent. */
    public String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    /** The disposition type in lower case ({@code attachment}, {@code inline}), or {@code null}. */
    public String dispositionType() {
        return disposition == null || disposition.type() == null ? null
                : disposition.type().toLowerCase(Locale.ROOT);
    }

    /**
     * The file name: the disposition's {@code filename} parameter, else the body's {@code name}
     * parameter, with RFC 2231 continuations and charsets and RFC 2047 encoded-words decoded;
     * {@code null} when neither is present.
     */
    public String filename() {
        String f = disposition == null ? null : MimeParams.value(disposition.params(), "filename");
        return f != null ? f : MimeParams.value(params, "name");
    }

    /**
     * Whether this part is an attachment: a non-multipart whose disposition is {@code attachment}, or
     * that has a file name and no {@code inline} disposition.
     */
    public boolean isAttachment() {
        if (isMultipart()) {
            return false;
        }
        String d = dispositionType();
        return "attachment".equals(d) || (!"inline".equals(d) && filename() != null);
    }

    /**
     * The leaf parts in depth-first order: every part that is not a multipart. An encapsulated message
     * is a leaf (it is usually forwarded mail to keep whole); see {@link #allParts()} to see inside.
     */
    public List<BodyStructure> leaves() {
        List<BodyStructure> out = new ArrayList<>();
        collect(this, out, false, true);
        return out;
    }

    /** Every node, this one first, depth-first, including the insides of encapsulated messages. */
    public List<BodyStructure> allParts() {
        List<BodyStructure> out = new ArrayList<>();
        collect(this, out, true, false);
        return out;
    }

    /** The leaves that are attachments ({@link #isAttachment()}). */
    public List<BodyStructure> attachments() {
        List<BodyStructure> out = new ArrayList<>();
        for (BodyStructure b : leaves()) {
            if (b.isAttachment()) {
                out.add(b);
            }
        }
        return out;
    }

    /** The node with the given part number, searching inside encapsulated messages; {@code null} if none. */
    public BodyStructure part(String number) {
        for (BodyStructure b : allParts()) {
            if (b.partNumber.equals(number) && !b.isMultipart()) {
                return b;
            }
        }
        for (BodyStructure b : allParts()) {
            if (b.partNumber.equals(number)) {
                return b;
            }
        }
        return null;
    }

    private static void collect(BodyStructure b, List<BodyStructure> out, boolean all, boolean leavesOnly) {
        if (!leavesOnly || !b.isMultipart()) {
            out.add(b);
        }
        for (BodyStructure p : b.parts) {
            collect(p, out, all, leavesOnly);
        }
        if (all && b.message != null) {
            collect(b.message, out, all, leavesOnly);
        }
    }
}
