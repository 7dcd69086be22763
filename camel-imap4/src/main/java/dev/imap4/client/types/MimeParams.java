package dev.imap4.client.types;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** MIME parameter values as servers pass them through: RFC 2231 extended and continued, or RFC 2047. */
final class MimeParams {

    private static final int MAX_SEGMENTS = 1000;

    private MimeParams() {
    }

    /** The decoded value of parameter {@code name} (lower case) in {@code params}, or {@code null}. */
    static String value(Map<String, String> params, String name) {
        String extended = params.get(name + "*");
        if (extended != null) {
            return decode2231(extended, null, true);
        }
        if (params.containsKey(name + "*0") || params.containsKey(name + "*0*")) {
            return continued(params, name);
        }
        String plain = params.get(name);
        return plain == null ? null : EncodedWords.decodeEncodedWords(plain);
    }

    // RFC 2231 §3: name*0, name*1*, ... in order; the first encoded segment carries charset'language'
    private static String continued(Map<String, String> params, String name) {
        StringBuilder out = new StringBuilder();
        Charset charset = null;
        for (int i = 0; i < MAX_SEGMENTS; i++) {
            String enc = params.get(name + "*" + i + "*");
            String raw = params.get(name + "*" + i);
            if (enc != null) {
                if (i == 0) {
                    charset = charsetOf(enc);
                }
                out.append(decode2231(enc, charset, i == 0));
            } else if (raw != null) {
                out.append(raw);
            } else {
                break;
            }
        }
        return out.toString();
    }

    private static Charset charsetOf(String v) {
        int q = v.indexOf('\'');
        if (q <= 0) {
            return StandardCharsets.US_ASCII;
        }
        try {
            return Charset.forName(v.substring(0, q));
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    private static String decode2231(String v, Charset charset, boolean hasPrefix) {
        String payload = v;
        if (hasPrefix) {
            int q1 = v.indexOf('\'');
            int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
            if (q2 < 0) {
                return v;
            }
            charset = charsetOf(v);
            payload = v.substring(q2 + 1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length());
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (c == '%' && hex(payload, i + 1) >= 0) {
                out.write(hex(payload, i + 1));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return new String(out.toByteArray(), charset == null ? StandardCharsets.US_ASCII : charset);
    }

    private static int hex(String s, int at) {
        if (at + 1 >= s.length()) {
            return -1;
        }
        int hi = Character.digit(s.charAt(at), 16);
        int lo = Character.digit(s.charAt(at + 1), 16);
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }
}
