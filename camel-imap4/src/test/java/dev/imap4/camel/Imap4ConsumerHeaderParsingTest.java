package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imap4.client.types.Address;
import dev.imap4.client.types.Envelope;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A message's own header fields: unfolding, decoding, limits, and the ENVELOPE form. */
class Imap4ConsumerHeaderParsingTest {

    /**
     * Reads {@code raw} the three ways the consumer can: from a stream (a spooled message), from a
     * stream that hands over one byte per read (section end split across reads), and from the
     * array itself (a message held in memory); all three must agree.
     */
    private static List<Map.Entry<String, String>> read(byte[] raw, int max) throws IOException {
        List<Map.Entry<String, String>> stream = Imap4MailHeaders.read(new ByteArrayInputStream(raw), max);
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(raw)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        assertEquals(stream, Imap4MailHeaders.read(trickle, max), "one byte per read");
        assertEquals(stream, Imap4MailHeaders.read(raw, Math.min(raw.length, max), raw.length <= max), "from the array");
        return stream;
    }

    private static List<Map.Entry<String, String>> read(String raw) throws IOException {
        return read(raw.getBytes(StandardCharsets.UTF_8), Imap4MailHeaders.MAX_HEADER_BYTES);
    }

    @Test
    void unfoldsAndStopsAtTheEmptyLine() throws IOException {
        assertEquals(List.of(Map.entry("Subject", "a long one"), Map.entry("To", "joe@example.org")),
                read("Subject: a long\r\n one\r\nTo: joe@example.org\r\n\r\nNot: a header\r\n"));
    }

    @Test
    void acceptsBareLineFeedsAndSkipsLinesThatAreNoFields() throws IOException {
        assertEquals(List.of(Map.entry("Subject", "x"), Map.entry("X-Tab", "a\tb")),
                read("From joe Mon Jan  1 00:00:00 2026\nSubject: x\n: empty name\nX-Tab: a\n\tb\n\nbody"));
    }

    @Test
    void decodesEncodedWordsUtf8AndLatin1() throws IOException {
        assertEquals("Grüße", read("Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n\r\n").get(0).getValue());
        assertEquals("Grüße", read("Subject: Grüße\r\n\r\n").get(0).getValue(), "RFC 6532 UTF-8");
        byte[] latin1 = "Subject: Grüße\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("Grüße", read(latin1, 1000).get(0).getValue(), "stray 8-bit read as ISO-8859-1");
    }

    @Test
    void readsNoMoreThanTheLimit() throws IOException {
        String raw = "A: 1\r\nB: " + "x".repeat(100) + "\r\nC: 3\r\n\r\n";
        assertEquals(List.of(Map.entry("A", "1")), read(raw.getBytes(StandardCharsets.US_ASCII), 50));
    }

    @Test
    void aHeaderSectionWithoutTheFinalEmptyLineStillYieldsItsLastField() throws IOException {
        assertEquals(List.of(Map.entry("A", "1"), Map.entry("B", "2")), read("A: 1\r\nB: 2"));
    }

    @Test
    void aMessageThatStartsWithTheEmptyLineHasNoFields() throws IOException {
        assertEquals(List.of(), read("\r\nSubject: body text\r\n"));
        assertEquals(List.of(), read("\nSubject: body text\n"));
    }

    @Test
    void envelopeFieldsBecomeHeaderFieldsWithDecodedNamesAndGroups() {
        Envelope e = new Envelope("Mon, 1 Jan 2026 10:00:00 +0000", "=?UTF-8?B?w4ljaGVj?=",
                List.of(new Address("=?UTF-8?Q?Zo=C3=AB?=", null, "zoe", "example.org")), List.of(), List.of(),
                List.of(new Address("Lee, Ann", null, "ann", "example.org"), new Address(null, null, "bob", "example.org")),
                List.of(new Address(null, null, "team", null), new Address(null, null, "c", "example.org"),
                        new Address(null, null, null, null)),
                List.of(), null, "<id@example.org>");
        assertEquals(List.of(Map.entry("Date", "Mon, 1 Jan 2026 10:00:00 +0000"), Map.entry("Subject", "Échec"),
                Map.entry("From", "Zoë <zoe@example.org>"),
                Map.entry("To", "\"Lee, Ann\" <ann@example.org>, bob@example.org"),
                Map.entry("Cc", "team:c@example.org;"), Map.entry("Message-ID", "<id@example.org>")),
                Imap4MailHeaders.fromEnvelope(e));
    }

    @Test
    void theHeaderSectionOfAMessageInAFileIsReadUpToItsEndAndNoFurther() throws IOException {
        String head = "Subject: big\r\nFrom: a@example.org\r\n\r\n";
        byte[] raw = (head + "b".repeat(1_000_000)).getBytes(StandardCharsets.US_ASCII);
        long[] read = {0};
        InputStream counting = new FilterInputStream(new ByteArrayInputStream(raw)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                read[0] += Math.max(0, n);
                return n;
            }
        };
        assertEquals(head, new String(Imap4MailHeaders.section(counting, Imap4MailHeaders.MAX_HEADER_BYTES),
                StandardCharsets.US_ASCII));
        assertEquals(8192, read[0], "one read step, not the whole 256 KiB the section may take");
        // the empty line split across two reads, one byte per read
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(raw)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        assertEquals(head, new String(Imap4MailHeaders.section(trickle, 1 << 20), StandardCharsets.US_ASCII));
        // no empty line within the limit: all of it, to be read as a cut-short section
        assertEquals(100, Imap4MailHeaders.section(new ByteArrayInputStream(("X: " + "y".repeat(500)).getBytes(
                StandardCharsets.US_ASCII)), 100).length);
    }
}
