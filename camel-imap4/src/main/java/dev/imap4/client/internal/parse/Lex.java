package dev.imap4.client.internal.parse;

import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.Literal;
import dev.imap4.client.ModifiedUtf7;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.internal.wire.ImapInput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads shared by the parsers, on top of {@link ImapInput}, each naming its grammar rule in errors. */
final class Lex {

    /** The most numbers an ESEARCH ALL or COPYUID set may expand to. */
    static final long MAX_EXPANDED = 10_000_000;

    private Lex() {
    }

    /** RFC 3501 mailbox: an astring; {@code INBOX} in any case is {@code INBOX} (§5.1). Not decoded. */
    static String rawMailbox(ImapInput in, String rule) {
        String raw = in.astring(rule);
        return raw.equalsIgnoreCase("INBOX") ? "INBOX" : raw;
    }

    /**
     * A mailbox name: as sent when the connection has UTF8=ACCEPT enabled (RFC 6855 §3, the name is
     * UTF-8), otherwise decoded from modified UTF-7 (left as sent when it is not valid).
     */
    static String mailbox(ImapInput in, String rule) {
        return name(in, rawMailbox(in, rule));
    }

    /** A mailbox name read raw, decoded as {@link #mailbox} says. */
    static String name(ImapInput in, String raw) {
        return in.utf8Names() ? raw : ModifiedUtf7.decodeLenient(raw);
    }

    /**
     * A number read leniently: digits, a minus sign, or a decimal with exponent (mail.ru sends sizes
     * as {@code 9.37e+06}), rounded to a long. Anything else is an error naming {@code rule}.
     */
    static long lenientNumber(ImapInput in, String rule) {
        int start = in.position();
        // most numbers are plain digits ending where the atom ends: read them without a token
        long v = 0;
        int digits = 0;
        while (digits <= 18 && in.peekDigit()) {
            v = v * 10 + (in.peek() - '0');
            in.skip();
            digits++;
        }
        if (digits > 0 && digits <= 18 && !ImapInput.isAtomChar(in.peek())) {
            return v;
        }
        in.reset(start);
        int c = in.peek();
        if (!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.') {
            throw in.error(rule, "a number");
        }
        String token = in.atom();
        try {
            return toLong(token);
        } catch (NumberFormatException | ArithmeticException e) {
            in.reset(start);
            throw in.error(rule, "a number");
        }
    }

    /** {@link #lenientNumber} or NIL ({@code null}). */
    static Long lenientNumberOrNil(ImapInput in, String rule) {
        return in.maybeNil() ? null : lenientNumber(in, rule);
    }

    static long toLong(String token) {
        if (token.length() > 40) {
            throw new NumberFormatException("too long for a number");
        }
        if (isPlainLong(token)) {
            return Long.parseLong(token);
        }
        BigDecimal d = new BigDecimal(token);
        int integerDigits = d.precision() - d.scale();
        if (integerDigits > 19) {
            throw new ArithmeticException("out of range");
        }
        if (integerDigits <= 0) {
            return 0;
        }
        return d.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** {@code [-+]?[0-9]{1,18}}: fits a long without overflow, parsed without BigDecimal. */
    private static boolean isPlainLong(String token) {
        int i = !token.isEmpty() && (token.charAt(0) == '-' || token.charAt(0) == '+') ? 1 : 0;
        int digits = token.length() - i;
        if (digits < 1 || digits > 18) {
            return false;
        }
        for (; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** RFC 3501 sequence-set (or RFC 4315 uid-set) as a {@link NumberSet}. */
    static NumberSet sequenceSet(ImapInput in, String rule, boolean uid) {
        int start = in.position();
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.peek();
            if (!((c >= '0' && c <= '9') || c == ':' || c == ',' || c == '*')) {
                break;
            }
            sb.append((char) c);
            in.skip();
        }
        if (sb.length() == 0) {
            throw in.error(rule, "a sequence set");
        }
        try {
            return NumberSet.parse(sb.toString(), uid);
        } catch (IllegalArgumentException e) {
            in.reset(start);
            throw in.error(rule, "a sequence set (" + e.getMessage() + ")");
        }
    }

    /** How many numbers a set holds, without expanding it; -1 when it contains {@code *}. */
    static long count(NumberSet set) {
        long n = 0;
        for (NumberSet.Range r : set.ranges()) {
            if (r.from() == NumberSet.STAR || r.to() == NumberSet.STAR) {
                return -1;
            }
            n += r.to() - r.from() + 1;
        }
        return n;
    }

    /**
     * Reads any value (atom, number, flag, quoted, literal, NIL or a nested list, as in RFC 3501
     * body-extension or RFC 4466 tagged-ext-val) and appends its wire text to {@code out}: strings
     * re-quoted, literals as {@code {n}} CRLF bytes, single spaces inside lists.
     */
    static void rawValue(ImapInput in, StringBuilder out, String rule) {
        if (in.peekIs('(')) {
            in.listStart(rule);
            out.append('(');
            boolean first = true;
            while (true) {
                in.maybeSp();
                if (in.listEnd()) {
                    break;
                }
                if (!first) {
                    out.append(' ');
                }
                rawValue(in, out, rule);
                first = false;
            }
            out.append(')');
        } else if (in.peekIs('"')) {
            out.append(quote(in.string()));
        } else if (in.literalAhead()) {
            try (Literal l = in.literal()) {
                if (l.isSpooled()) {
                    throw new ImapProtocolException("in " + rule + ": expected a value small enough to keep as text, got"
                            + " a literal of " + l.size() + " bytes");
                }
                out.append('{').append(l.size()).append("}\r\n").append(l.asString(StandardCharsets.UTF_8));
            }
        } else {
            out.append(bareToken(in, rule));
        }
    }

    static String rawValue(ImapInput in, String rule) {
        StringBuilder sb = new StringBuilder();
        rawValue(in, sb, rule);
        return sb.toString();
    }

    /** An unquoted token: everything up to a space, parenthesis, quote or the end of the line. */
    static String bareToken(ImapInput in, String rule) {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.peek();
            if (c <= ' ' || c == '(' || c == ')' || c == '"' || c == 0x7f) {
                break;
            }
            sb.append((char) c);
            in.skip();
        }
        if (sb.length() == 0) {
            throw in.error(rule, "a value");
        }
        byte[] b = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A string as an RFC 3501 quoted string. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
