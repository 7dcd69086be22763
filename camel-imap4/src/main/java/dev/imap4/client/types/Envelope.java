package dev.imap4.client.types;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The RFC 3501 §7.4.2 ENVELOPE of a message: its main header fields as the server parsed them.
 * Strings are raw (RFC 2047 encoded-words are left in; see {@link #decodedSubject()}); address lists
 * are never {@code null}, empty when the server sent NIL or {@code ()}.
 *
 * @param date      the Date header as sent, or {@code null}
 * @param subject   the Subject header as sent, or {@code null}
 * @param from      From addresses
 * @param sender    Sender addresses
 * @param replyTo   Reply-To addresses
 * @param to        To addresses
 * @param cc        Cc addresses
 * @param bcc       Bcc addresses
 * @param inReplyTo the In-Reply-To header, or {@code null}
 * @param messageId the Message-ID header, or {@code null}
 */
public record Envelope(String date, String subject, List<Address> from, List<Address> sender,
        List<Address> replyTo, List<Address> to, List<Address> cc, List<Address> bcc, String inReplyTo,
        String messageId) {

    public Envelope {
        from = copy(from);
        sender = copy(sender);
        replyTo = copy(replyTo);
        to = copy(to);
        cc = copy(cc);
        bcc = copy(bcc);
    }

    private static List<Address> copy(List<Address> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    /** The subject with RFC 2047 encoded-words decoded; {@code null} when there is none. */
    public String decodedSubject() {
        return EncodedWords.decodeEncodedWords(subject);
    }

    /**
     * The Date header read as an RFC 5322 date-time (comments such as {@code (UTC)}, a missing day
     * name and a dot after the month tolerated); {@code null} when absent or unreadable.
     */
    public ZonedDateTime dateTime() {
        if (date == null) {
            return null;
        }
        // comments dropped, and the dot some servers put after the month ("26 Nov. 2026")
        String d = date.replaceAll("\\([^)]*\\)", " ").replaceAll("(?<=\\d [A-Za-z]{3})\\.", "")
                .replaceAll("\\s+", " ").trim();
        try {
            return ZonedDateTime.parse(d, DateTimeFormatter.RFC_1123_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
