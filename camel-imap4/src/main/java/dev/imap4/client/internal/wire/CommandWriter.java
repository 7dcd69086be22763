package dev.imap4.client.internal.wire;

import dev.imap4.client.Imap4Exception;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Encodes one command line. Each value is written as an atom, a quoted string or a literal,
 * whichever is safe for its bytes: a CR, LF or NUL never reaches the wire raw, so no argument can
 * end the command early and start another. Secrets are written like any string but appear as
 * {@code ***} in the trace. The result is a list of segments, split after each synchronising
 * literal announcement, where the engine must wait for the server's continuation.
 */
public final class CommandWriter {

    /** A piece of the command: bytes to send, then (optionally) a literal that follows them. */
    public record Segment(byte[] bytes, long literalSize, Supplier<InputStream> literal, boolean waitForContinuation) {
        public boolean hasLiteral() {
            return literal != null;
        }
    }

    private final LiteralMode literalMode;
    private final boolean utf8Quoted;
    private final List<Segment> segments = new ArrayList<>();
    private final ByteArrayOutputStream current = new ByteArrayOutputStream(128);
    private final StringBuilder trace = new StringBuilder(64);
    private boolean needSpace;

    /** How the server lets us send literals (RFC 7888). */
    public enum LiteralMode {
        /** {n}: wait for "+" before each literal. */
        SYNCHRONIZING,
        /** LITERAL+: {n+} for any size. */
        NON_SYNCHRONIZING,
        /** LITERAL-: {n+} up to 4096 bytes, {n} above. */
        NON_SYNCHRONIZING_UP_TO_4K
    }

    public CommandWriter(LiteralMode literalMode) {
        this(literalMode, false);
    }

    /**
     * @param utf8Quoted RFC 6855 UTF8=ACCEPT is enabled: a quoted string may also hold well-formed
     *                   UTF-8 (RFC 6855 §3, QUOTED-CHAR =/ UTF8-2 / UTF8-3 / UTF8-4); anything else
     *                   8-bit still goes as a literal
     */
    public CommandWriter(LiteralMode literalMode, boolean utf8Quoted) {
        this.literalMode = literalMode;
        this.utf8Quoted = utf8Quoted;
    }

    /** The tag and command name, e.g. {@code A001 UID FETCH}. */
    public CommandWriter begin(String tag, String verb) {
        raw(tag);
        for (String word : verb.split(" ")) {
            atom(word);
        }
        return this;
    }

    /** An atom the caller guarantees (verb, keyword, flag): checked to hold no special characters. */
    public CommandWriter atom(String atom) {
        if (atom.isEmpty()) {
            throw new Imap4Exception("empty atom");
        }
        for (int i = 0; i < atom.length(); i++) {
            char c = atom.charAt(i);
            boolean ok = ImapInput.isAtomChar(c) || c == '\\' || c == '*' || c == '%' || c == ']';
            if (!ok) {
                throw new Imap4Exception("'" + printable(atom) + "' cannot be sent as an atom: character "
                        + printable(String.valueOf(c)) + " is not allowed");
            }
        }
        return raw(atom);
    }

    /** An atom whose value must never appear in traces (a SASL initial response). */
    public CommandWriter secretAtom(String atom) {
        for (int i = 0; i < atom.length(); i++) {
            if (!ImapInput.isAtomChar(atom.charAt(i))) {
                throw new Imap4Exception("secret value cannot be sent as an atom");
            }
        }
        space();
        current.writeBytes(atom.getBytes(StandardCharsets.US_ASCII));
        trace.append("***");
        return this;
    }

    /** A number. */
    public CommandWriter number(long n) {
        if (n < 0) {
            throw new Imap4Exception("negative number " + n);
        }
        return raw(Long.toString(n));
    }

    /**
     * Pre-formatted protocol text (a fetch item list, a search program, a parenthesised argument):
     * sent as it is, but refused when it holds CR, LF or NUL or ends in a literal announcement.
     */
    public CommandWriter raw(String text) {
        checkRaw(text);
        space();
        writeAscii(text, text);
        return this;
    }

    /** RFC 3501 astring: an atom when every byte allows it, otherwise a quoted string or a literal. */
    public CommandWriter astring(String value) {
        return astring(value.getBytes(StandardCharsets.UTF_8), false);
    }

    /** RFC 3501 string: always quoted or literal, never an atom (imaplib always quotes the password). */
    public CommandWriter string(String value) {
        return string(value.getBytes(StandardCharsets.UTF_8), false);
    }

    /** A string whose value must never appear in traces or logs. */
    public CommandWriter secret(String value) {
        return string(value.getBytes(StandardCharsets.UTF_8), true);
    }

    /** A string (quoted or literal) whose bytes are shown as {@code ***} in the trace. */
    public CommandWriter string(byte[] value, boolean secret) {
        if (canQuote(value) || (utf8Quoted && canQuoteUtf8(value))) {
            return quoted(value, secret);
        }
        return literal(value, secret);
    }

    public CommandWriter astring(byte[] value, boolean secret) {
        if (isAtom(value)) {
            space();
            current.writeBytes(value);
            trace.append(secret ? "***" : new String(value, StandardCharsets.UTF_8));
            return this;
        }
        return string(value, secret);
    }

    /** A literal whose bytes are in memory. */
    public CommandWriter literal(byte[] value, boolean secret) {
        checkNoNul(value);
        return literal(value.length, () -> new java.io.ByteArrayInputStream(value), secret);
    }

    /** A literal streamed from {@code content}, which must yield exactly {@code size} bytes. */
    public CommandWriter literal(long size, Supplier<InputStream> content, boolean secret) {
        return literal(size, content, secret, "");
    }

    /**
     * An RFC 3516 literal8, {@code ~{n}}: any bytes, NUL included, for a server that offers BINARY.
     * Synchronising or not as for any literal (RFC 7888 applies to literal8 too).
     */
    public CommandWriter literal8(long size, Supplier<InputStream> content) {
        return literal(size, content, false, "~");
    }

    private CommandWriter literal(long size, Supplier<InputStream> content, boolean secret, String prefix) {
        boolean sync = switch (literalMode) {
            case SYNCHRONIZING -> true;
            case NON_SYNCHRONIZING -> false;
            case NON_SYNCHRONIZING_UP_TO_4K -> size > 4096;
        };
        space();
        String announcement = prefix + "{" + size + (sync ? "" : "+") + "}";
        writeAscii(announcement, announcement);
        current.writeBytes(new byte[] {'\r', '\n'});
        trace.append(secret ? " <secret literal>" : " <" + size + " bytes>");
        segments.add(new Segment(current.toByteArray(), size, content, sync));
        current.reset();
        needSpace = true;
        return this;
    }

    /** Opens a parenthesised list; items inside follow without a leading space. */
    public CommandWriter openList() {
        space();
        writeAscii("(", "(");
        needSpace = false;
        return this;
    }

    public CommandWriter closeList() {
        writeAscii(")", ")");
        needSpace = true;
        return this;
    }

    /** Finishes the command with CRLF and returns its segments. */
    public List<Segment> finish() {
        current.writeBytes(new byte[] {'\r', '\n'});
        segments.add(new Segment(current.toByteArray(), 0, null, false));
        current.reset();
        return List.copyOf(segments);
    }

    /** The command as it may be logged: secrets replaced by {@code ***}, literal bytes summarised. */
    public String trace() {
        return trace.toString();
    }

    // ---- helpers ----

    private CommandWriter quoted(byte[] value, boolean secret) {
        space();
        current.write('"');
        for (byte b : value) {
            if (b == '"' || b == '\\') {
                current.write('\\');
            }
            current.write(b);
        }
        current.write('"');
        trace.append(secret ? "\"***\"" : "\"" + printable(new String(value, StandardCharsets.UTF_8)) + "\"");
        return this;
    }

    private void space() {
        if (needSpace) {
            current.write(' ');
            trace.append(' ');
        }
        needSpace = true;
    }

    private void writeAscii(String text, String traced) {
        current.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        trace.append(traced);
    }

    /** Atom-safe: non-empty, only ASTRING-CHAR, and not the word NIL (which would read as nil). */
    static boolean isAtom(byte[] v) {
        if (v.length == 0 || (v.length == 3 && (v[0] | 0x20) == 'n' && (v[1] | 0x20) == 'i' && (v[2] | 0x20) == 'l')) {
            return false;
        }
        for (byte b : v) {
            if (!ImapInput.isAstringChar(b & 0xff)) {
                return false;
            }
        }
        return true;
    }

    /** Quotable: 7-bit, no CR, LF or NUL (RFC 3501 QUOTED-CHAR). */
    static boolean canQuote(byte[] v) {
        for (byte b : v) {
            if (b == '\r' || b == '\n' || b == 0 || (b & 0x80) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Quotable once UTF8=ACCEPT is enabled: no CR, LF or NUL, and every 8-bit byte part of a
     * well-formed UTF-8 sequence (RFC 3629 UTF8-2 / UTF8-3 / UTF8-4: no overlong form, no surrogate,
     * nothing above U+10FFFF).
     */
    static boolean canQuoteUtf8(byte[] v) {
        int i = 0;
        while (i < v.length) {
            int b = v[i] & 0xff;
            if (b < 0x80) {
                if (b == '\r' || b == '\n' || b == 0) {
                    return false;
                }
                i++;
                continue;
            }
            int n = utf8SequenceLength(v, i);
            if (n == 0) {
                return false;
            }
            i += n;
        }
        return true;
    }

    // the length of the well-formed UTF-8 sequence starting at v[i] (a lead byte >= 0x80), 0 if none
    private static int utf8SequenceLength(byte[] v, int i) {
        int b = v[i] & 0xff;
        int n;
        int lo = 0x80;
        int hi = 0xbf;
        if (b >= 0xc2 && b <= 0xdf) {
            n = 2;
        } else if (b >= 0xe0 && b <= 0xef) {
            n = 3;
            lo = b == 0xe0 ? 0xa0 : 0x80;
            hi = b == 0xed ? 0x9f : 0xbf;
        } else if (b >= 0xf0 && b <= 0xf4) {
            n = 4;
            lo = b == 0xf0 ? 0x90 : 0x80;
            hi = b == 0xf4 ? 0x8f : 0xbf;
        } else {
            return 0;
        }
        if (i + n > v.length) {
            return 0;
        }
        int second = v[i + 1] & 0xff;
        if (second < lo || second > hi) {
            return 0;
        }
        for (int k = 2; k < n; k++) {
            int c = v[i + k] & 0xff;
            if (c < 0x80 || c > 0xbf) {
                return 0;
            }
        }
        return n;
    }

    private static void checkNoNul(byte[] v) {
        for (byte b : v) {
            if (b == 0) {
                throw new Imap4Exception("a NUL byte cannot be sent in an IMAP string, not even as a literal");
            }
        }
    }

    private static void checkRaw(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new Imap4Exception("argument '" + printable(text)
                        + "' holds CR, LF or NUL and cannot be sent where a literal cannot stand");
            }
        }
        if (text.endsWith("}") && text.lastIndexOf('{') >= 0) {
            String tail = text.substring(text.lastIndexOf('{') + 1, text.length() - 1);
            if (tail.matches("[0-9]+\\+?")) {
                throw new Imap4Exception("argument '" + printable(text) + "' ends in a literal announcement");
            }
        }
    }

    static String printable(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return Ascii.printable(b, 0, Math.min(b.length, 200));
    }

    /** Copies a literal's stream to {@code out}, checking that it yields exactly the declared size. */
    public static void copyLiteral(Segment segment, java.io.OutputStream out) throws IOException {
        long remaining = segment.literalSize();
        byte[] buf = new byte[(int) Math.min(64 * 1024, Math.max(1, remaining))];
        try (InputStream in = segment.literal().get()) {
            while (remaining > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, remaining));
                if (r < 0) {
                    throw new Imap4Exception("literal content ended " + remaining + " bytes before its declared size");
                }
                out.write(buf, 0, r);
                remaining -= r;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
