package dev.imap4.client.types;

import dev.imap4.client.Literal;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One FETCH response (RFC 3501 §7.4.2 msg-att, with RFC 7162 MODSEQ and RFC 3516 BINARY). Fields the
 * server did not send are {@code null}.
 *
 * <p>A section asked for with a {@link BodySection} is read back with {@link #section(BodySection)}.
 * Body data is in {@code sections}, keyed by the item as the server named it in upper case with
 * runs of spaces collapsed: {@code BODY[]}, {@code BODY[HEADER]}, {@code BODY[1.2]},
 * {@code BODY[HEADER.FIELDS (SUBJECT FROM)]}, {@code BINARY[1]}, {@code RFC822},
 * {@code RFC822.HEADER}, {@code RFC822.TEXT}, with a partial fetch's origin kept
 * ({@code BODY[]<0>}); an item this parser does not know that has a section and a string value is
 * body data too and lands here. Sections are {@link Literal}s, so large ones stay spooled; {@link #close()}
 * releases them. A section the server sent as NIL is not in {@code sections} but in {@code other}
 * as {@code NIL}.
 *
 * <p>{@code other} keeps every item this parser does not model (e.g. Gmail's {@code X-GM-MSGID},
 * {@code X-GM-LABELS}, RFC 3516 {@code BINARY.SIZE[1]}, RFC 8474 {@code EMAILID}) as its wire text.
 *
 * @param sequence      the message sequence number (0 is passed through as sent; Courier sends it)
 * @param uid           UID, or {@code null}
 * @param flags         FLAGS, or {@code null} when not sent (empty for NIL)
 * @param internalDate  INTERNALDATE, or {@code null}
 * @param size          RFC822.SIZE, or {@code null} when not sent or negative (unknown)
 * @param envelope      ENVELOPE, or {@code null}
 * @param bodyStructure BODYSTRUCTURE or BODY (without section), or {@code null}
 * @param modSeq        MODSEQ (RFC 7162), or {@code null} when not sent or negative (unknown)
 * @param sections      body sections by normalised item name
 * @param other         unmodelled items by upper-case name, as wire text
 */
public record FetchResponse(long sequence, Long uid, List<String> flags, ZonedDateTime internalDate, Long size,
        Envelope envelope, BodyStructure bodyStructure, Long modSeq, Map<String, Literal> sections,
        Map<String, String> other) implements AutoCloseable {

    public FetchResponse {
        flags = flags == null ? null : List.copyOf(flags);
        sections = sections == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        other = other == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(other));
    }

    /**
     * The data of a section asked for with {@link BodySection}, looked up by that same value (the
     * server answers without PEEK and with only a partial's origin); {@code null} if absent.
     */
    public Literal section(BodySection section) {
        return sections.get(section.responseKey());
    }

    /**
     * A section by its item name as the server sent it, in any case (e.g. {@code body[header]}), for
     * items given in FETCH syntax; {@code null} if absent. Typed requests use {@link #section(BodySection)}.
     */
    public Literal section(String name) {
        return sections.get(name.toUpperCase(Locale.ROOT));
    }

    /**
     * RFC 3516 {@code BINARY.SIZE[path]}, the decoded size of a part asked for with
     * {@code FetchItems.withBinarySize(path)}; {@code null} when not sent or not a number.
     */
    public Long binarySize(int... path) {
        String section = BodySection.binary(path).responseKey().substring("BINARY".length());
        String value = other.get("BINARY.SIZE" + section);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The whole message if it was fetched: {@code BODY[]}, {@code RFC822} or {@code BINARY[]}, in that
     * order of preference; {@code null} otherwise.
     */
    public Literal message() {
        for (String k : new String[] {"BODY[]", "RFC822", "BINARY[]"}) {
            Literal l = sections.get(k);
            if (l != null) {
                return l;
            }
        }
        return null;
    }

    /** Whether FLAGS was sent and holds the flag, compared case-insensitively. */
    public boolean hasFlag(String flag) {
        if (flags == null) {
            return false;
        }
        for (String f : flags) {
            if (f.equalsIgnoreCase(flag)) {
                return true;
            }
        }
        return false;
    }

    /** Deletes the spool files of spooled sections. */
    @Override
    public void close() {
        for (Literal l : sections.values()) {
            l.close();
        }
    }
}
