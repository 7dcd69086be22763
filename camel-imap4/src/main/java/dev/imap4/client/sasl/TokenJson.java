package dev.imap4.client.sasl;

import java.util.HashMap;
import java.util.Map;

/**
 * A strict reader for the JSON object a token endpoint answers with (RFC 6749 §5.1 and §5.2,
 * RFC 8259): one object whose members the supplier reads are strings and numbers. Nested objects
 * and arrays are read (to at most {@link #MAX_DEPTH} levels) and dropped; anything that is not
 * JSON (trailing bytes, a bare value, a duplicate member, an unpaired surrogate) is refused. The
 * input is already capped in bytes by the supplier. Messages name the position, never the text,
 * because the text holds the token.
 */
final class TokenJson {

    static final int MAX_DEPTH = 16;

    private final String s;
    private int i;

    private TokenJson(String s) {
        this.s = s;
    }

    /** The top-level members whose values are strings (as read) or numbers (their text). */
    static Map<String, String> parse(String text) {
        TokenJson r = new TokenJson(text);
        r.ws();
        Map<String, String> out = r.object(0, true);
        r.ws();
        if (r.i != text.length()) {
            throw r.error("text after the object");
        }
        return out;
    }

    private Map<String, String> object(int depth, boolean keep) {
        if (depth >= MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        expect('{');
        Map<String, String> members = new HashMap<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        ws();
        if (peek() == '}') {
            i++;
            return members;
        }
        while (true) {
            ws();
            String name = string();
            if (!names.add(name)) {
                throw error("a member named twice");
            }
            ws();
            expect(':');
            ws();
            String value = value(depth);
            if (keep && value != null) {
                members.put(name, value);
            }
            ws();
            char c = next();
            if (c == '}') {
                return members;
            }
            if (c != ',') {
                throw error("',' or '}' expected");
            }
        }
    }

    /** A value; its text for a string or number, null for anything else (read and dropped). */
    private String value(int depth) {
        char c = peek();
        switch (c) {
            case '"':
                return string();
            case '{':
                object(depth + 1, false);
                return null;
            case '[':
                array(depth + 1);
                return null;
            case 't':
                literal("true");
                return null;
            case 'f':
                literal("false");
                return null;
            case 'n':
                literal("null");
                return null;
            default:
                return number();
        }
    }

    private void array(int depth) {
        if (depth >= MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        expect('[');
        ws();
        if (peek() == ']') {
            i++;
            return;
        }
        while (true) {
            ws();
            value(depth);
            ws();
            char c = next();
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw error("',' or ']' expected");
            }
        }
    }

    private void literal(String word) {
        if (!s.startsWith(word, i)) {
            throw error("a value expected");
        }
        i += word.length();
    }

    // RFC 8259 §6: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    private String number() {
        int start = i;
        if (peek() == '-') {
            i++;
        }
        if (peek() == '0') {
            i++;
        } else if (digits() == 0) {
            throw error("a value expected");
        }
        if (peek() == '.') {
            i++;
            if (digits() == 0) {
                throw error("digits after '.' expected");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            i++;
            if (peek() == '+' || peek() == '-') {
                i++;
            }
            if (digits() == 0) {
                throw error("exponent digits expected");
            }
        }
        return s.substring(start, i);
    }

    private int digits() {
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - start;
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw error("a control character in a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append(hex4());
                default -> throw error("an unknown escape");
            }
        }
        String out = sb.toString();
        for (int k = 0; k < out.length(); k++) {
            char c = out.charAt(k);
            if (Character.isHighSurrogate(c) && (k + 1 == out.length() || !Character.isLowSurrogate(out.charAt(++k)))
                    || Character.isLowSurrogate(c)) {
                throw error("an unpaired surrogate in a string");
            }
        }
        return out;
    }

    private char hex4() {
        if (i + 4 > s.length()) {
            throw error("four hex digits expected");
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(s.charAt(i++), 16);
            if (d < 0) {
                throw error("four hex digits expected");
            }
            v = v * 16 + d;
        }
        return (char) v;
    }

    private void ws() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n'
                || s.charAt(i) == '\r')) {
            i++;
        }
    }

    private char peek() {
        if (i >= s.length()) {
            throw error("the text ends early");
        }
        return s.charAt(i);
    }

    private char next() {
        char c = peek();
        i++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            i--;
            throw error("'" + c + "' expected");
        }
    }

    private Imap4SaslException error(String what) {
        return new Imap4SaslException("the token endpoint's answer is not a JSON object: " + what + " at character "
                + i);
    }
}
