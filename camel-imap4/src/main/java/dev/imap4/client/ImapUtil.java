package dev.imap4.client;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** imaplib's module functions, translated: Int2AP, Internaldate2tuple, ParseFlags, Time2Internaldate. */
public final class ImapUtil {

    private ImapUtil() {
    }

    /**
     * imaplib's {@code Int2AP}: the number written in base 16 with the digits {@code A..P}
     * ({@code 0 -> ""}, {@code 1 -> "B"}, {@code 16 -> "BA"}); used for command tag prefixes.
     */
    public static String int2ap(long num) {
        if (num < 0) {
            throw new IllegalArgumentException("Int2AP needs a non-negative number, got " + num);
        }
        StringBuilder sb = new StringBuilder();
        while (num > 0) {
            sb.append((char) ('A' + (int) (num % 16)));
            num /= 16;
        }
        return sb.reverse().toString();
    }

    private static final DateTimeFormatter INTERNALDATE_OUT =
            DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss xx", Locale.ENGLISH);

    /**
     * imaplib's {@code Time2Internaldate}: {@code "DD-Mmm-YYYY HH:MM:SS +HHMM"}, with the double
     * quotes, in the date-time's own offset.
     */
    public static String time2Internaldate(ZonedDateTime dateTime) {
        return '"' + INTERNALDATE_OUT.format(dateTime) + '"';
    }

    /** An instant in the system's time zone, as imaplib renders local time. */
    public static String time2Internaldate(Instant instant) {
        return time2Internaldate(instant.atZone(ZoneId.systemDefault()));
    }

    /** Seconds since the epoch, as imaplib accepts an int or float. */
    public static String time2Internaldate(long epochSeconds) {
        return time2Internaldate(Instant.ofEpochSecond(epochSeconds));
    }

    // RFC 3501 date-time: DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE;
    // the day may be space-padded or one digit, and some servers put a dot after the month (Nov.)
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\s*\"?\\s*(\\d{1,2})-([A-Za-z]{3})[A-Za-z]*\\.?-(\\d{4})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})"
                    + "\\s+([+-])(\\d{2})(\\d{2})\\s*\"?\\s*");
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final Pattern INTERNALDATE = Pattern.compile("INTERNALDATE\\s+\"([^\"]*)\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FLAGS = Pattern.compile("(?:^|[^A-Za-z0-9.-])FLAGS\\s*\\(([^)]*)\\)",
            Pattern.CASE_INSENSITIVE);

    /**
     * Reads an RFC 3501 {@code date-time} such as {@code "17-Jul-1996 02:44:25 -0700"} (the quotes are
     * optional). Lenient where servers differ: the day may be one digit or space-padded, the month's
     * case is free, and a dot or a longer name after it is ignored ({@code 26-Nov.-2026}).
     *
     * @return the date-time in the offset it names
     * @throws IllegalArgumentException when the text is not such a date-time or names an impossible one
     */
    public static ZonedDateTime parseInternalDate(String text) {
        ZonedDateTime wire = parseWireDateTime(text);
        if (wire != null) {
            return wire;
        }
        Matcher m = DATE_TIME.matcher(text);
        int month = m.matches() ? MONTHS.indexOf(m.group(2).toUpperCase(Locale.ROOT)) + 1 : 0;
        if (month == 0) {
            throw new IllegalArgumentException("not an IMAP date-time (\"dd-Mon-yyyy hh:mm:ss +zzzz\"): '" + text + "'");
        }
        try {
            int sign = m.group(7).equals("-") ? -1 : 1;
            ZoneOffset zone = ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(m.group(8)),
                    sign * Integer.parseInt(m.group(9)));
            return ZonedDateTime.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), 0, zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("impossible IMAP date-time '" + text + "': " + e.getMessage(), e);
        }
    }

    // RFC 3501 date-time as servers send it, "dd-Mon-yyyy hh:mm:ss +zzzz" (day space-padded), read
    // without a regular expression: every FETCH INTERNALDATE comes this way. null for anything else.
    private static ZonedDateTime parseWireDateTime(String t) {
        if (t.length() != 26 || t.charAt(2) != '-' || t.charAt(6) != '-' || t.charAt(11) != ' ' || t.charAt(14) != ':'
                || t.charAt(17) != ':' || t.charAt(20) != ' ' || (t.charAt(21) != '+' && t.charAt(21) != '-')) {
            return null;
        }
        int day = t.charAt(0) == ' ' ? digits(t, 1, 2) : digits(t, 0, 2);
        int month = MONTHS.indexOf(t.substring(3, 6).toUpperCase(Locale.ROOT)) + 1;
        int year = digits(t, 7, 11);
        int hour = digits(t, 12, 14);
        int minute = digits(t, 15, 17);
        int second = digits(t, 18, 20);
        int zoneHours = digits(t, 22, 24);
        int zoneMinutes = digits(t, 24, 26);
        if ((day | month - 1 | year | hour | minute | second | zoneHours | zoneMinutes) < 0) {
            return null;
        }
        int sign = t.charAt(21) == '-' ? -1 : 1;
        try {
            return ZonedDateTime.of(year, month, day, hour, minute, second, 0,
                    ZoneOffset.ofHoursMinutes(sign * zoneHours, sign * zoneMinutes));
        } catch (DateTimeException e) {
            return null; // the regular-expression path gives the error its message
        }
    }

    // the decimal number in s[from, to), or -1 when a character is no digit
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * imaplib's {@code Internaldate2tuple}: the {@code INTERNALDATE "..."} found in a FETCH response's
     * text, as a date-time in the offset it names (imaplib converts to local time; the instant is the
     * same). Like imaplib, {@code null} when there is none or it cannot be read.
     */
    public static ZonedDateTime internaldate2tuple(String response) {
        if (response == null) {
            return null;
        }
        Matcher m = INTERNALDATE.matcher(response);
        if (!m.find()) {
            return null;
        }
        try {
            return parseInternalDate(m.group(1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@link #internaldate2tuple(String)} over response bytes. */
    public static ZonedDateTime internaldate2tuple(byte[] response) {
        return response == null ? null : internaldate2tuple(new String(response, StandardCharsets.ISO_8859_1));
    }

    /**
     * imaplib's {@code ParseFlags}: the flags inside {@code FLAGS (...)} of a response (the last such
     * list, as imaplib's greedy match finds; {@code PERMANENTFLAGS} does not count), split at spaces.
     * An empty list when there is none, as imaplib returns {@code ()}.
     */
    public static List<String> parseFlags(String response) {
        List<String> out = new ArrayList<>();
        if (response == null) {
            return out;
        }
        Matcher m = FLAGS.matcher(response);
        String inner = null;
        while (m.find()) {
            inner = m.group(1);
        }
        if (inner != null) {
            for (String f : inner.trim().split("\\s+")) {
                if (!f.isEmpty()) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** {@link #parseFlags(String)} over response bytes (UTF-8; keywords may be 8-bit). */
    public static List<String> parseFlags(byte[] response) {
        return response == null ? new ArrayList<>() : parseFlags(new String(response, StandardCharsets.UTF_8));
    }

    /**
     * Splits an argument string on spaces outside double quotes and parentheses, so
     * {@code UNSEEN FROM "Ann Lee" (OR SEEN FLAGGED)} gives four arguments. Unbalanced quotes or
     * parentheses are refused. This is how a SEARCH criteria string or a
     * list of fetch items given as one string is cut into arguments.
     */
    public static List<String> splitArgs(String args) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (quoted) {
                cur.append(c);
                if (c == '\\' && i + 1 < args.length()) {
                    cur.append(args.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (c == ' ' && depth == 0) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                throw new Imap4Exception("unbalanced ')' in arguments: " + args);
            }
            cur.append(c);
        }
        if (quoted || depth != 0) {
            throw new Imap4Exception("unbalanced quotes or parentheses in arguments: " + args);
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }
}
