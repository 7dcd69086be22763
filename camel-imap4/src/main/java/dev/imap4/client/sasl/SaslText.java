package dev.imap4.client.sasl;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Small text rules shared by the mechanisms. Messages name the field, never its value. */
final class SaslText {

    private SaslText() {
    }

    /** RFC 5802 §5.1 / RFC 5801 §4 saslname: {@code ,} becomes {@code =2C} and {@code =} becomes {@code =3D}. */
    static String saslName(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ',') {
                sb.append("=2C");
            } else if (c == '=') {
                sb.append("=3D");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Rejects null and any C0 control or DEL: they would break the ^A-separated framing of OAuth messages. */
    static String requireNoControl(String value, String what) {
        Objects.requireNonNull(value, what);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(what + " contains a control character");
            }
        }
        return value;
    }

    /** Rejects NUL, which separates the fields of a PLAIN message (RFC 4616 §2). */
    static String requireNoNul(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " contains a NUL character");
        }
        return value;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A server-supplied string made safe to show: printable ASCII only, at most 200 characters. */
    static String printable(byte[] bytes) {
        StringBuilder sb = new StringBuilder(Math.min(bytes.length, 200));
        for (int i = 0; i < bytes.length && sb.length() < 200; i++) {
            int b = bytes[i] & 0xff;
            sb.append(b >= 0x20 && b < 0x7f ? (char) b : '?');
        }
        return sb.toString();
    }
}
