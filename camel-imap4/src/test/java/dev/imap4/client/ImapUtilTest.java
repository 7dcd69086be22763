package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImapUtilTest {

    private static final ZonedDateTime JULY = ZonedDateTime.of(1996, 7, 17, 2, 44, 25, 0, ZoneOffset.ofHours(-7));

    @Test
    void theWireFormFastPathAgreesWithTheGeneralParser() {
        java.util.Random random = new java.util.Random(3501);
        for (int i = 0; i < 2_000; i++) {
            ZonedDateTime d = ZonedDateTime.of(1970 + random.nextInt(130), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), 0,
                    ZoneOffset.ofTotalSeconds((random.nextInt(27 * 4) - 12 * 4) * 15 * 60));
            String quoted = ImapUtil.time2Internaldate(d); // "dd-Mon-yyyy hh:mm:ss +zzzz", quotes included
            String wire = quoted.substring(1, quoted.length() - 1);
            assertEquals(26, wire.length(), wire);
            assertEquals(d, ImapUtil.parseInternalDate(wire), wire);
            assertEquals(d, ImapUtil.parseInternalDate(quoted), quoted);
        }
        assertThrows(IllegalArgumentException.class, () -> ImapUtil.parseInternalDate("17-Jul-1996 02:44:25 -07x0"));
        assertThrows(IllegalArgumentException.class, () -> ImapUtil.parseInternalDate("17-Jul-1996 24:44:25 -0700"));
    }

    @Test
    void parsesRfc3501DateTime() {
        assertEquals(JULY, ImapUtil.parseInternalDate("\"17-Jul-1996 02:44:25 -0700\""));
        assertEquals(JULY, ImapUtil.parseInternalDate("17-Jul-1996 02:44:25 -0700"));
    }

    @Test
    void dayMayBeSpacePaddedOrOneDigit() {
        ZonedDateTime d = ZonedDateTime.of(2024, 3, 5, 14, 3, 9, 0, ZoneOffset.ofHours(2));
        assertEquals(d, ImapUtil.parseInternalDate("\" 5-Mar-2024 14:03:09 +0200\""));
        assertEquals(d, ImapUtil.parseInternalDate("5-Mar-2024 14:03:09 +0200"));
        assertEquals(d, ImapUtil.parseInternalDate("05-mar-2024 14:03:09 +0200"));
    }

    @Test
    void toleratesDotAfterMonth() {
        assertEquals(ZonedDateTime.of(2026, 11, 26, 8, 0, 0, 0, ZoneOffset.UTC),
                ImapUtil.parseInternalDate("26-Nov.-2026 08:00:00 +0000"));
    }

    @Test
    void halfHourOffsets() {
        assertEquals(ZoneOffset.ofHoursMinutes(5, 30), ImapUtil.parseInternalDate("1-Jan-2020 00:00:00 +0530").getOffset());
        assertEquals(ZoneOffset.ofHoursMinutes(-3, -30), ImapUtil.parseInternalDate("1-Jan-2020 00:00:00 -0330").getOffset());
    }

    @Test
    void rejectsMalformedAndImpossibleDates() {
        assertThrows(IllegalArgumentException.class, () -> ImapUtil.parseInternalDate("17-Jux-1996 02:44:25 -0700"));
        assertThrows(IllegalArgumentException.class, () -> ImapUtil.parseInternalDate("31-Feb-1996 02:44:25 -0700"));
        assertThrows(IllegalArgumentException.class, () -> ImapUtil.parseInternalDate("1996-07-17T02:44:25Z"));
    }

    @Test
    void internaldate2tupleFindsTheDateInAFetchResponse() {
        String resp = "12 (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 4286)";
        assertEquals(JULY, ImapUtil.internaldate2tuple(resp));
        assertEquals(JULY, ImapUtil.internaldate2tuple(resp.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void internaldate2tupleReturnsNullWhenAbsentOrUnreadable() {
        assertNull(ImapUtil.internaldate2tuple("12 (FLAGS (\\Seen))"));
        assertNull(ImapUtil.internaldate2tuple("12 (INTERNALDATE \"soon\")"));
        assertNull(ImapUtil.internaldate2tuple((String) null));
    }

    @Test
    void parseFlagsOfAFetchResponse() {
        assertEquals(List.of("\\Seen", "\\Deleted", "$Label"),
                ImapUtil.parseFlags("1 (UID 5 FLAGS (\\Seen \\Deleted $Label))"));
        assertEquals(List.of("\\Seen"), ImapUtil.parseFlags("1 (FLAGS (\\Seen))".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void parseFlagsEmptyWhenAbsent() {
        assertEquals(List.of(), ImapUtil.parseFlags("1 (UID 5)"));
        assertEquals(List.of(), ImapUtil.parseFlags("1 (FLAGS ())"));
    }

    @Test
    void parseFlagsIgnoresPermanentFlags() {
        assertEquals(List.of(), ImapUtil.parseFlags("OK [PERMANENTFLAGS (\\Deleted \\*)] Limited"));
    }

    @Test
    void parseFlagsKeepsGreenMailStar() {
        assertEquals(List.of("\\Answered", "\\Seen", "\\*"), ImapUtil.parseFlags("FLAGS (\\Answered \\Seen \\*)"));
    }

    @Test
    void time2InternaldateOfZonedDateTime() {
        assertEquals("\"05-Mar-2024 14:03:09 +0200\"",
                ImapUtil.time2Internaldate(ZonedDateTime.of(2024, 3, 5, 14, 3, 9, 0, ZoneOffset.ofHours(2))));
        assertEquals("\"17-Jul-1996 02:44:25 -0700\"", ImapUtil.time2Internaldate(JULY));
        assertEquals("\"01-Jan-2020 00:00:00 +0530\"",
                ImapUtil.time2Internaldate(ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30))));
    }

    @Test
    void time2InternaldateOfInstantUsesTheSystemZone() {
        Instant i = Instant.parse("2024-03-05T12:03:09Z");
        String s = ImapUtil.time2Internaldate(i);
        assertEquals(ImapUtil.time2Internaldate(i.atZone(ZoneId.systemDefault())), s);
        assertEquals(i, ImapUtil.parseInternalDate(s).toInstant());
    }

    @Test
    void time2InternaldateOfEpochSeconds() {
        String s = ImapUtil.time2Internaldate(86_400L);
        assertEquals(Instant.ofEpochSecond(86_400L), ImapUtil.parseInternalDate(s).toInstant());
        assertTrue(s.matches("\"\\d{2}-[A-Z][a-z]{2}-\\d{4} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}\""), s);
    }

    @Test
    void int2apMatchesImaplib() {
        assertEquals("", ImapUtil.int2ap(0));
        assertEquals("B", ImapUtil.int2ap(1));
        assertEquals("BA", ImapUtil.int2ap(16));
    }
}
