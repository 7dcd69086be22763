package dev.imap4.client.types;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One message of an APPEND: its flags, internal date and content. The content is a literal
 * streamed from a supplier ({@link #of}), sent as an RFC 3516 {@code ~{n}} literal8 when
 * {@link #binary()} (a message with NUL bytes or unencoded 8-bit parts needs it), or put together by
 * the server from pieces (RFC 4469 CATENATE: {@link #catenate}).
 *
 * @param flags        flags to set, e.g. {@code \Seen}; empty for none
 * @param internalDate the internal date, or {@code null} for the server's clock
 * @param size         the content's size in bytes (0 for CATENATE)
 * @param content      yields exactly {@code size} bytes (null for CATENATE); once UTF8=ACCEPT is
 *                     enabled it is called once more, first, to read the header (RFC 6855 §4),
 *                     so each call must give the content from its start
 * @param binary       send the content as a literal8 (RFC 3516 BINARY)
 * @param parts        the CATENATE parts, empty for a plain message
 */
public record AppendMessage(List<String> flags, ZonedDateTime internalDate, long size, Supplier<InputStream> content,
        boolean binary, List<Part> parts) {

    /** One piece of a CATENATE (RFC 4469 §5): text sent now, or a part of a message already on the server. */
    public sealed interface Part permits Text, Url {
    }

    /** Text sent as a literal ({@code TEXT {n}}); a literal8 when it holds NUL bytes. */
    public record Text(byte[] bytes) implements Part {
        public Text {
            bytes = bytes.clone();
        }
    }

    /**
     * An IMAP URL (RFC 5092) to a message or part the server has, e.g.
     * {@code /INBOX;UIDVALIDITY=385759045/;UID=20/;SECTION=1}.
     */
    public record Url(String url) implements Part {
        public Url {
            Objects.requireNonNull(url, "url");
            if (url.isEmpty()) {
                throw new IllegalArgumentException("a CATENATE URL must not be empty");
            }
        }
    }

    public AppendMessage {
        flags = flags == null ? List.of() : List.copyOf(flags);
        parts = parts == null ? List.of() : List.copyOf(parts);
        if (parts.isEmpty() && content == null) {
            throw new IllegalArgumentException("a message needs content or CATENATE parts");
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative message size " + size);
        }
    }

    /** A message streamed from {@code content}, which must yield exactly {@code size} bytes. */
    public static AppendMessage of(Collection<String> flags, ZonedDateTime internalDate, long size,
            Supplier<InputStream> content) {
        return new AppendMessage(List.copyOf(flags), internalDate, size, content, false, List.of());
    }

    /** A message held in memory. */
    public static AppendMessage of(Collection<String> flags, ZonedDateTime internalDate, byte[] message) {
        byte[] copy = message.clone();
        return of(flags, internalDate, copy.length, () -> new ByteArrayInputStream(copy));
    }

    /** A message put together by the server from {@code parts} (RFC 4469 CATENATE). */
    public static AppendMessage catenate(Collection<String> flags, ZonedDateTime internalDate, List<Part> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("CATENATE needs at least one part");
        }
        return new AppendMessage(List.copyOf(flags), internalDate, 0, null, false, parts);
    }

    /** The same message sent as an RFC 3516 literal8 ({@code ~{n}}), for content with NUL or raw 8-bit bytes. */
    public AppendMessage asBinary() {
        if (isCatenate()) {
            throw new IllegalArgumentException("a CATENATE message has no literal of its own; its TEXT parts go as"
                    + " literal8 when they hold NUL bytes");
        }
        return new AppendMessage(flags, internalDate, size, content, true, parts);
    }

    /** Whether the server builds this message from parts (CATENATE). */
    public boolean isCatenate() {
        return !parts.isEmpty();
    }

    /** The bytes this message sends as literals: its size, or the sum of its TEXT parts. */
    public long literalBytes() {
        if (!isCatenate()) {
            return size;
        }
        long n = 0;
        for (Part p : parts) {
            if (p instanceof Text t) {
                n += t.bytes().length;
            }
        }
        return n;
    }
}
