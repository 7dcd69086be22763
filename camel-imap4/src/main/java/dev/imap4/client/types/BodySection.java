package dev.imap4.client.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A body section to FETCH, and the key its data comes back under: RFC 3501 §6.4.5
 * {@code BODY[<section>]<<partial>>} or RFC 3516 {@code BINARY[<section-binary>]<<partial>>}.
 * Built from a part path, a specifier and an optional partial range, e.g.
 * {@code BodySection.part(2).header()} for {@code BODY.PEEK[2.HEADER]} or
 * {@code BodySection.whole().headerFields("Subject", "From")}.
 *
 * <p>Sections are always requested with PEEK ({@code BODY.PEEK}, {@code BINARY.PEEK}), so fetching
 * never sets {@code \Seen}. The same value looks the data up in {@link FetchResponse#section(BodySection)}:
 * the server answers without PEEK and with only the partial's origin, and the lookup accounts for both.
 *
 * @param binary    RFC 3516 BINARY (content transfer decoding by the server) instead of BODY
 * @param part      the part path, e.g. {@code [1, 2]} for part 1.2; empty for the whole message
 * @param specifier what of the part: everything, its header, chosen header fields, its text or MIME header
 * @param fields    the header field names for {@link Specifier#HEADER_FIELDS} and
 *                  {@link Specifier#HEADER_FIELDS_NOT}; empty otherwise
 * @param partial   a byte range of the section, or {@code null} for all of it
 */
public record BodySection(boolean binary, List<Integer> part, Specifier specifier, List<String> fields,
        Partial partial) {

    /** RFC 3501 section-msgtext / section-text, or none (the whole part). */
    public enum Specifier {
        /** The whole part (or message): {@code BODY[]}, {@code BODY[1.2]}. */
        ALL(""),
        /** {@code HEADER}. */
        HEADER("HEADER"),
        /** {@code HEADER.FIELDS (...)}: only the named fields. */
        HEADER_FIELDS("HEADER.FIELDS"),
        /** {@code HEADER.FIELDS.NOT (...)}: every field but the named ones. */
        HEADER_FIELDS_NOT("HEADER.FIELDS.NOT"),
        /** {@code TEXT}: the body without the header. */
        TEXT("TEXT"),
        /** {@code MIME}: the MIME header of a part (a part path is required). */
        MIME("MIME");

        private final String wire;

        Specifier(String wire) {
            this.wire = wire;
        }
    }

    /**
     * RFC 3501 {@code <offset.count>}: {@code count} bytes from {@code offset}. The server answers with
     * {@code <offset>} only, which is how the data is keyed.
     */
    public record Partial(long offset, long count) {
        public Partial {
            if (offset < 0 || count < 1) {
                throw new IllegalArgumentException("a partial fetch needs offset >= 0 and count >= 1, got <"
                        + offset + "." + count + ">");
            }
        }
    }

    public BodySection {
        part = List.copyOf(part);
        fields = List.copyOf(fields);
        if (specifier == null) {
            throw new IllegalArgumentException("a body section needs a specifier (ALL for the whole part)");
        }
        for (Integer p : part) {
            if (p == null || p < 1) {
                throw new IllegalArgumentException("part numbers start at 1, got " + part);
            }
        }
        if (binary && specifier != Specifier.ALL) {
            throw new IllegalArgumentException("BINARY takes a part path only, not " + specifier.wire);
        }
        if (specifier == Specifier.MIME && part.isEmpty()) {
            throw new IllegalArgumentException("MIME is the header of a part: give a part path");
        }
        boolean wantsFields = specifier == Specifier.HEADER_FIELDS || specifier == Specifier.HEADER_FIELDS_NOT;
        if (wantsFields && fields.isEmpty()) {
            throw new IllegalArgumentException(specifier.wire + " needs at least one header field name");
        }
        if (!wantsFields && !fields.isEmpty()) {
            throw new IllegalArgumentException("header field names go with HEADER.FIELDS or HEADER.FIELDS.NOT only");
        }
        for (String f : fields) {
            requireFieldName(f);
        }
    }

    /** The whole message, {@code BODY.PEEK[]}. */
    public static BodySection whole() {
        return new BodySection(false, List.of(), Specifier.ALL, List.of(), null);
    }

    /** The message header, {@code BODY.PEEK[HEADER]}. */
    public static BodySection header() {
        return whole().with(Specifier.HEADER, List.of());
    }

    /** The message text, {@code BODY.PEEK[TEXT]}. */
    public static BodySection text() {
        return whole().with(Specifier.TEXT, List.of());
    }

    /** Part {@code path} (e.g. {@code part(1, 2)} for 1.2), {@code BODY.PEEK[1.2]}. */
    public static BodySection part(int... path) {
        List<Integer> p = new ArrayList<>(path.length);
        for (int n : path) {
            p.add(n);
        }
        if (p.isEmpty()) {
            throw new IllegalArgumentException("a part path has at least one number; use whole() for the message");
        }
        return new BodySection(false, p, Specifier.ALL, List.of(), null);
    }

    /** RFC 3516 {@code BINARY.PEEK[path]}: the part decoded by the server; no path is the whole message. */
    public static BodySection binary(int... path) {
        List<Integer> p = new ArrayList<>(path.length);
        for (int n : path) {
            p.add(n);
        }
        return new BodySection(true, p, Specifier.ALL, List.of(), null);
    }

    /** This part's header ({@code HEADER}; for a part, the header of its message/rfc822 body). */
    public BodySection withHeader() {
        return with(Specifier.HEADER, List.of());
    }

    /** Only the named header fields of this part, {@code HEADER.FIELDS (...)}. */
    public BodySection headerFields(String... names) {
        return with(Specifier.HEADER_FIELDS, List.of(names));
    }

    /** Every header field of this part but the named ones, {@code HEADER.FIELDS.NOT (...)}. */
    public BodySection headerFieldsNot(String... names) {
        return with(Specifier.HEADER_FIELDS_NOT, List.of(names));
    }

    /** This part's text, {@code TEXT}. */
    public BodySection withText() {
        return with(Specifier.TEXT, List.of());
    }

    /** This part's MIME header, {@code MIME}. */
    public BodySection mime() {
        return with(Specifier.MIME, List.of());
    }

    /** Only {@code count} bytes from {@code offset}, {@code <offset.count>}. */
    public BodySection partial(long offset, long count) {
        return new BodySection(binary, part, specifier, fields, new Partial(offset, count));
    }

    private BodySection with(Specifier s, List<String> names) {
        return new BodySection(binary, part, s, names, partial);
    }

    /** The item as sent, e.g. {@code BODY.PEEK[1.2.HEADER.FIELDS (Subject From)]<0.1024>}. */
    public String toWire() {
        String p = partial == null ? "" : "<" + partial.offset() + "." + partial.count() + ">";
        return (binary ? "BINARY.PEEK" : "BODY.PEEK") + sectionText(false) + p;
    }

    /**
     * The key the server's answer is stored under in {@link FetchResponse#sections()}: no PEEK, upper
     * case, the partial's origin only, e.g. {@code BODY[1.2.HEADER.FIELDS (SUBJECT FROM)]<0>}.
     */
    public String responseKey() {
        String p = partial == null ? "" : "<" + partial.offset() + ">";
        return (binary ? "BINARY" : "BODY") + sectionText(true) + p;
    }

    private String sectionText(boolean upper) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < part.size(); i++) {
            sb.append(i == 0 ? "" : ".").append(part.get(i));
        }
        if (specifier != Specifier.ALL) {
            sb.append(part.isEmpty() ? "" : ".").append(specifier.wire);
        }
        if (!fields.isEmpty()) {
            String names = String.join(" ", fields);
            sb.append(" (").append(upper ? names.toUpperCase(Locale.ROOT) : names).append(')');
        }
        return sb.append(']').toString();
    }

    // RFC 5322 field-name is printable ASCII but ':'; it is sent as an atom, so no atom-special either
    private static void requireFieldName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a header field name may not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7f || "():[]{}%*\"\\".indexOf(c) >= 0) {
                throw new IllegalArgumentException("a header field name is printable ASCII without spaces,"
                        + " ':' or IMAP specials ()[]{}%*\"\\: '" + name + "'");
            }
        }
    }

    @Override
    public String toString() {
        return toWire();
    }
}
