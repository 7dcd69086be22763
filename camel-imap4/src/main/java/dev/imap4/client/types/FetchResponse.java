package dev.imap4.client.types;

import dev.imap4.client.Literal;
import dev.imap4.client.internal.wire.BytesResponseSource;
import dev.imap4.client.internal.wire.ImapInput;
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
 * @param utf8Names     whether the connection had UTF8=ACCEPT enabled when the response came: names
 *                      in {@code other} (Gmail's labels) are then UTF-8 (RFC 6855 §3), otherwise
 *                      modified UTF-7
 */
public record FetchResponse(long sequence, Long uid, List<String> flags, ZonedDateTime internalDate, Long size,
        Envelope envelope, BodyStructure bodyStructure, Long modSeq, Map<String, Literal> sections,
        Map<String, String> other, boolean utf8Names) implements AutoCloseable {

    public FetchResponse {
        flags = flags == null ? null : List.copyOf(flags);
        sections = sections == null ? Map.of() : copy(sections);
        other = other == null ? Map.of() : copy(other);
    }

    /** A response from a connection without UTF8=ACCEPT: names in {@code other} are modified UTF-7. */
    public FetchResponse(long sequence, Long uid, List<String> flags, ZonedDateTime internalDate, Long size,
            Envelope envelope, BodyStructure bodyStructure, Long modSeq, Map<String, Literal> sections,
            Map<String, String> other) {
        this(sequence, uid, flags, internalDate, size, envelope, bodyStructure, modSeq, sections, other, false);
    }

    private static <V> Map<String, V> copy(Map<String, V> m) {
        return m.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
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

    /**
     * EMAILID (RFC 8474 §5.1): the message's identifier, the same in every mailbox it is copied or
     * moved to, when fetched (ask with {@link FetchItems#withEmailId()}); null otherwise.
     *
     * @throws IllegalArgumentException when the server's value breaks the objectid grammar
     */
    public String emailId() {
        return ObjectId.parse(other.get("EMAILID"));
    }

    /** THREADID (RFC 8474 §5.2) when fetched, or null (also for NIL: the message is in no thread). */
    public String threadId() {
        return ObjectId.parse(other.get("THREADID"));
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

    /**
     * RFC 8514 SAVEDATE, asked for with {@link FetchItems#withSaveDate()}: when the message was
     * saved in this mailbox; {@code null} when not sent or sent as NIL (the mailbox keeps no save
     * dates). A value that is not a date-time raises {@link dev.imap4.client.ImapProtocolException}.
     */
    public ZonedDateTime saveDate() {
        String value = other.get("SAVEDATE");
        if (value == null) {
            return null;
        }
        ImapInput in = wire(value);
        if (in.maybeNil()) {
            return null;
        }
        String text = in.string("SAVEDATE");
        try {
            return dev.imap4.client.ImapUtil.parseInternalDate(text);
        } catch (IllegalArgumentException e) {
            throw in.error("SAVEDATE", "a date-time \"dd-Mon-yyyy hh:mm:ss +zzzz\"");
        }
    }

    /**
     * RFC 8970 PREVIEW, asked for with {@link FetchItems#withPreview()}: the server's plain-text
     * abstract (at most 256 characters, possibly empty); {@code null} when not sent or NIL (the
     * server could not make one now).
     */
    public String preview() {
        return nstring("PREVIEW");
    }

    /** Gmail's {@code X-GM-MSGID} (an unsigned 64-bit number), or {@code null} when not sent. */
    public Long gmailMessageId() {
        return unsigned("X-GM-MSGID");
    }

    /** Gmail's {@code X-GM-THRID} (an unsigned 64-bit number), or {@code null} when not sent. */
    public Long gmailThreadId() {
        return unsigned("X-GM-THRID");
    }

    /**
     * Gmail's {@code X-GM-LABELS}: label names decoded from modified UTF-7, or as sent once
     * UTF8=ACCEPT is enabled ({@link #utf8Names}; Gmail offers it); {@code \\Important},
     * {@code \\Inbox} and the like keep their backslash; {@code null} when not sent.
     */
    public List<String> gmailLabels() {
        String value = other.get("X-GM-LABELS");
        if (value == null) {
            return null;
        }
        ImapInput in = wire(value);
        List<String> labels = new java.util.ArrayList<>();
        in.listStart("X-GM-LABELS");
        while (true) {
            in.maybeSp();
            if (in.listEnd()) {
                break;
            }
            String label = in.peekIs('\\') ? in.flag() : in.astring("X-GM-LABELS");
            labels.add(utf8Names ? label : dev.imap4.client.ModifiedUtf7.decodeLenient(label));
        }
        return List.copyOf(labels);
    }

    // the item's wire text, ended like a response line so a literal in it reads to its end
    private static ImapInput wire(String value) {
        return BytesResponseSource.input(value + "\r\n");
    }

    private String nstring(String item) {
        String value = other.get(item);
        return value == null ? null : wire(value).nstring(item);
    }

    private Long unsigned(String item) {
        String value = other.get(item);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(value);
        } catch (NumberFormatException e) {
            throw wire(value).error(item, "an unsigned 64-bit number");
        }
    }

    /** Deletes the spool files of spooled sections. */
    @Override
    public void close() {
        for (Literal l : sections.values()) {
            l.close();
        }
    }
}
