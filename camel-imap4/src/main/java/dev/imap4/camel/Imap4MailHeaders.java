package dev.imap4.camel;

import dev.imap4.client.types.Address;
import dev.imap4.client.types.EncodedWords;
import dev.imap4.client.types.Envelope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A message's own header fields as Camel headers: read from the header section (RFC 5322 §2.2),
 * unfolded (§2.2.3), and with RFC 2047 encoded-words decoded, or taken from the ENVELOPE when no
 * header section was fetched. Values never hold CR, LF or NUL ({@link #clean}). Reading stops at the empty line that ends the section or after
 * {@link #MAX_HEADER_BYTES}, so a hostile message cannot make it hold more.
 */
final class Imap4MailHeaders {

    /** The most header bytes read per message; fields beyond are not copied. */
    static final int MAX_HEADER_BYTES = 256 * 1024;

    private static final String SPECIALS = "()<>[]:;@\\,.\"";

    private Imap4MailHeaders() {
    }

    /** The fields of the header section at the start of {@code in}, in order. */
    static List<Map.Entry<String, String>> read(InputStream in, int maxBytes) throws IOException {
        byte[] buf = new byte[Math.min(maxBytes, 8192)];
        int n = 0;
        boolean atEnd = false;
        while (n < maxBytes && !endsSection(buf, Math.max(0, n - 3), n)) {
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(maxBytes, 2L * buf.length));
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                atEnd = true;
                break;
            }
            n += r;
        }
        return read(buf, n, atEnd);
    }

    /**
     * The fields of the header section at the start of the first {@code length} bytes of
     * {@code data}; {@code atEnd} says whether the message ends there (else a last line without its
     * line break was cut short, and is left out).
     */
    static List<Map.Entry<String, String>> read(byte[] data, int length, boolean atEnd) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        read(data, length, atEnd, (name, value) -> out.add(Map.entry(name, value)));
        return out;
    }

    /** As {@link #read(byte[], int, boolean)}, handing each field to {@code sink} in order, with no list in between. */
    static void read(byte[] data, int length, boolean atEnd, BiConsumer<String, String> sink) {
        int fieldStart = -1; // where the field being read starts; folded lines continue it (§2.2.3)
        int fieldEnd = -1;
        boolean folded = false;
        int start = 0;
        while (start < length) {
            int nl = indexOf(data, (byte) '\n', start, length);
            if (nl < 0 && !atEnd) {
                break;
            }
            int end = nl < 0 ? length : nl;
            if (fieldStart >= 0 && (data[start] == ' ' || data[start] == '\t')) {
                fieldEnd = end;
                folded = true;
            } else {
                int stop = end > start && data[end - 1] == '\r' ? end - 1 : end;
                if (stop == start && nl >= 0) {
                    break; // the empty line that ends the section
                }
                field(data, fieldStart, fieldEnd, folded, sink);
                fieldStart = start;
                fieldEnd = end;
                folded = false;
            }
            start = end + 1;
        }
        field(data, fieldStart, fieldEnd, folded, sink);
    }

    // one field, data[from, to) with its folded lines; line breaks inside are removed (unfolding)
    private static void field(byte[] data, int from, int to, boolean folded, BiConsumer<String, String> sink) {
        if (from < 0) {
            return;
        }
        int colon = indexOf(data, (byte) ':', from, to);
        if (colon <= from) {
            return;
        }
        String name = text(data, from, colon - from).trim();
        if (!isFieldName(name)) {
            return;
        }
        String value;
        if (!folded) {
            int stop = to > colon + 1 && data[to - 1] == '\r' ? to - 1 : to;
            value = text(data, colon + 1, stop - colon - 1);
        } else {
            StringBuilder sb = new StringBuilder(to - colon);
            int start = colon + 1;
            while (start < to) {
                int nl = indexOf(data, (byte) '\n', start, to);
                int end = nl < 0 ? to : nl;
                int stop = end > start && data[end - 1] == '\r' ? end - 1 : end;
                sb.append(text(data, start, stop - start));
                start = end + 1;
            }
            value = sb.toString();
        }
        value = value.trim();
        sink.accept(name, clean(value.indexOf("=?") >= 0 ? EncodedWords.decodeEncodedWords(value) : value));
    }

    // RFC 5322 §3.6.8 field-name = 1*ftext, printable US-ASCII except ':'
    private static boolean isFieldName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 33 || c > 126) {
                return false;
            }
        }
        return true;
    }

    /**
     * A header value as it may reach a Camel header: CR, LF and NUL (a bare CR in a raw line, or one
     * an RFC 2047 encoded-word decodes to) become a space, so a route that forwards the value to SMTP
     * or HTTP cannot be made to write a header line of the sender's choosing.
     */
    static String clean(String value) {
        if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0 && value.indexOf('\0') < 0) {
            return value;
        }
        return value.replace('\r', ' ').replace('\n', ' ').replace('\0', ' ');
    }

    /**
     * The header section at the start of {@code in}: its bytes up to and including the empty line
     * that ends it, or all of the first {@code maxBytes} (fewer when the stream ends first) when none
     * does. Reads in steps and stops at the end of the section, so a large message costs only its
     * header section.
     */
    static byte[] section(InputStream in, int maxBytes) throws IOException {
        byte[] buf = new byte[Math.min(maxBytes, 8192)];
        int n = 0;
        while (n < maxBytes) {
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(maxBytes, 2L * buf.length));
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                break;
            }
            n += r;
            // the empty line may start up to three bytes before what was just read
            if (endsSection(buf, Math.max(0, n - r - 3), n)) {
                break;
            }
        }
        return Arrays.copyOf(buf, sectionEnd(buf, n));
    }

    /**
     * Where the header section at the start of {@code data} ends: just after the empty line that
     * ends it, or {@code length} when there is none in the first {@code length} bytes.
     */
    static int sectionEnd(byte[] data, int length) {
        if (length > 0 && data[0] == '\n') {
            return 1;
        }
        if (length > 1 && data[0] == '\r' && data[1] == '\n') {
            return 2;
        }
        for (int nl = indexOf(data, (byte) '\n', 0, length); nl >= 0; nl = indexOf(data, (byte) '\n', nl + 1, length)) {
            int next = nl + 1;
            if (next < length && data[next] == '\n') {
                return next + 1;
            }
            if (next + 1 < length && data[next] == '\r' && data[next + 1] == '\n') {
                return next + 2;
            }
        }
        return length;
    }

    // whether data[from, length) holds the empty line that ends the header section (LF LF or LF CR LF)
    private static boolean endsSection(byte[] data, int from, int length) {
        if (length > 0 && data[0] == '\n' || length > 1 && data[0] == '\r' && data[1] == '\n') {
            return true; // no header fields at all
        }
        for (int nl = indexOf(data, (byte) '\n', from, length); nl >= 0; nl = indexOf(data, (byte) '\n', nl + 1, length)) {
            int next = nl + 1;
            if (next < length && (data[next] == '\n' || data[next] == '\r' && next + 1 < length && data[next + 1] == '\n')) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] data, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The main fields as an ENVELOPE carries them, names and subject decoded. */
    static List<Map.Entry<String, String>> fromEnvelope(Envelope e) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        add(out, "Date", e.date());
        add(out, "Subject", e.decodedSubject());
        add(out, "From", addresses(e.from()));
        add(out, "Sender", addresses(e.sender()));
        add(out, "Reply-To", addresses(e.replyTo()));
        add(out, "To", addresses(e.to()));
        add(out, "Cc", addresses(e.cc()));
        add(out, "Bcc", addresses(e.bcc()));
        add(out, "In-Reply-To", e.inReplyTo());
        add(out, "Message-ID", e.messageId());
        return out;
    }

    private static void add(List<Map.Entry<String, String>> out, String name, String value) {
        if (value != null && !value.isEmpty()) {
            out.add(Map.entry(name, clean(value)));
        }
    }

    /** An address list in RFC 5322 form, display names decoded and quoted when needed. */
    static String addresses(List<Address> list) {
        StringBuilder sb = new StringBuilder();
        for (Address a : list) {
            if (a.isGroupEnd()) {
                sb.append(';');
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(", ");
            }
            if (a.isGroupStart()) {
                sb.append(a.mailbox()).append(':');
                continue;
            }
            String name = a.decodedName();
            if (name == null || name.isEmpty()) {
                sb.append(a.email());
            } else {
                sb.append(quoteIfNeeded(name)).append(" <").append(a.email()).append('>');
            }
        }
        return sb.toString();
    }

    private static String quoteIfNeeded(String name) {
        for (char c : name.toCharArray()) {
            if (SPECIALS.indexOf(c) >= 0) {
                return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            }
        }
        return name;
    }

    // RFC 6532 allows UTF-8 in header fields; anything else 8-bit is read as ISO-8859-1
    private static String text(byte[] raw, int off, int len) {
        boolean ascii = true;
        for (int i = off; i < off + len && ascii; i++) {
            ascii = raw[i] >= 0;
        }
        if (ascii) {
            return new String(raw, off, len, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw, off, len)).toString();
        } catch (CharacterCodingException e) {
            return new String(raw, off, len, StandardCharsets.ISO_8859_1);
        }
    }
}
