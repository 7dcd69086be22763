package dev.imap4.client;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

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
}
