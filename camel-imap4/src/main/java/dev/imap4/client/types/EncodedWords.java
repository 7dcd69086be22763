package dev.imap4.client.types;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded-words ({@code =?charset?B?...?=} and {@code =?charset?Q?...?=}) as found in
 * ENVELOPE subjects and address names, which IMAP passes on undecoded.
 */
public final class EncodedWords {

    // RFC 2047 §2 encoded-word; RFC 2231 §5 allows "charset*language"
    private static final Pattern WORD =
            Pattern.compile("=\\?([^?\\s*]+)(?:\\*[^?\\s]*)?\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Pattern LWSP = Pattern.compile("[ \\t\\r\\n]*");

    private EncodedWords() {
    }

    /**
     * Decodes every encoded-word in {@code text} with its charset (any the JDK knows). Whitespace
     * between adjacent encoded-words is dropped (RFC 2047 §6.2), and adjacent words in one charset are
     * decoded together, so a multi-byte character split across two words survives. A word with an
     * unknown charset or broken encoding is left as it was.
     *
     * @return the decoded text, or {@code null} for {@code null}
     */
    public static String decodeEncodedWords(String text) {
        if (text == null || !text.contains("=?")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Matcher m = WORD.matcher(text);
        int copied = 0;
        int search = 0;
        while (m.find(search)) {
            Charset charset = charset(m.group(1));
            byte[] bytes = charset == null ? null : bytes(m.group(2), m.group(3));
            if (bytes == null) {
                search = m.end();
                continue;
            }
            out.append(text, copied, m.start());
            ByteArrayOutputStream run = new ByteArrayOutputStream();
            run.writeBytes(bytes);
            int end = m.end();
            // gather the following encoded-words in the same charset, separated only by whitespace
            while (true) {
                Matcher gap = LWSP.matcher(text).region(end, text.length());
                gap.lookingAt();
                if (!m.find(gap.end()) || m.start() != gap.end()) {
                    break;
                }
                Charset next = charset(m.group(1));
                byte[] more = next == null ? null : bytes(m.group(2), m.group(3));
                if (more == null) {
                    break;
                }
                if (!next.equals(charset)) {
                    out.append(new String(run.toByteArray(), charset));
                    run.reset();
                    charset = next;
                }
                run.writeBytes(more);
                end = m.end();
            }
            out.append(new String(run.toByteArray(), charset));
            copied = end;
            search = end;
        }
        out.append(text, copied, text.length());
        return out.toString();
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] bytes(String encoding, String payload) {
        if (encoding.equalsIgnoreCase("B")) {
            try {
                return Base64.getDecoder().decode(payload);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return quotedPrintable(payload);
    }

    // RFC 2047 §4.2: "_" is a space, "=XX" a byte in hex
    private static byte[] quotedPrintable(String payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length());
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=') {
                if (i + 2 >= payload.length()) {
                    return null;
                }
                int hi = Character.digit(payload.charAt(i + 1), 16);
                int lo = Character.digit(payload.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return out.toByteArray();
    }
}
