package dev.imap4.camel;

import dev.imap4.client.types.Address;
import dev.imap4.client.types.EncodedWords;
import dev.imap4.client.types.Envelope;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A message's own header fields as Camel headers: read from the header section (RFC 5322 §2.2),
 * unfolded (§2.2.3), and with RFC 2047 encoded-words decoded, or taken from the ENVELOPE when no
 * header section was fetched. Reading stops at the empty line that ends the section or after
 * {@link #MAX_HEADER_BYTES}, so a hostile message cannot make it hold more.
 */
final class Imap4MailHeaders {

    /** The most header bytes read per message; fields beyond are not copied. */
    static final int MAX_HEADER_BYTES = 256 * 1024;

    private static final String SPECIALS = "()<>[]:;@\\,.\"";

    private Imap4MailHeaders() {
    }

    /** The fields of the header section at the start of {@code in}, in order. */
    static List<Map.Entry<String, String>> read(InputStream source, int maxBytes) throws IOException {
        InputStream in = new BufferedInputStream(source, 8192);
        List<byte[]> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int total = 0; total < maxBytes; total++) {
            int b = in.read();
            if (b < 0) {
                if (line.size() > 0) {
                    lines.add(stripCr(line.toByteArray()));
                }
                break;
            }
            if (b != '\n') {
                line.write(b);
                continue;
            }
            byte[] l = stripCr(line.toByteArray());
            line.reset();
            if (l.length == 0) {
                break;
            }
            lines.add(l);
        }
        return parse(lines);
    }

    private static List<Map.Entry<String, String>> parse(List<byte[]> lines) {
        List<StringBuilder> fields = new ArrayList<>();
        for (byte[] raw : lines) {
            String text = text(raw);
            if ((text.startsWith(" ") || text.startsWith("\t")) && !fields.isEmpty()) {
                fields.get(fields.size() - 1).append(text);
            } else {
                fields.add(new StringBuilder(text));
            }
        }
        List<Map.Entry<String, String>> out = new ArrayList<>(fields.size());
        for (StringBuilder f : fields) {
            int colon = f.indexOf(":");
            if (colon <= 0) {
                continue;
            }
            String name = f.substring(0, colon).trim();
            if (name.isEmpty() || name.indexOf(' ') >= 0) {
                continue;
            }
            String value = EncodedWords.decodeEncodedWords(f.substring(colon + 1).trim());
            out.add(Map.entry(name, value));
        }
        return out;
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
            out.add(Map.entry(name, value));
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

    private static byte[] stripCr(byte[] l) {
        if (l.length > 0 && l[l.length - 1] == '\r') {
            byte[] s = new byte[l.length - 1];
            System.arraycopy(l, 0, s, 0, s.length);
            return s;
        }
        return l;
    }

    // RFC 6532 allows UTF-8 in header fields; anything else 8-bit is read as ISO-8859-1
    private static String text(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }
    }
}
