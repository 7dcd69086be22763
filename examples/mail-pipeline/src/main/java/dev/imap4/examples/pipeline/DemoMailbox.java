package dev.imap4.examples.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The mail the demo server starts with: what a shared inbox holds on a Monday morning. Every byte
 * is generated here from fixed seeds, so a run always produces the same attachments.
 *
 * <table>
 * <caption>The seeded INBOX</caption>
 * <tr><th>Subject</th><th>What it is</th><th>Where the pipeline puts it</th></tr>
 * <tr><td>Welcome to the team</td><td>plain text, already read</td><td>not touched (not UNSEEN)</td></tr>
 * <tr><td>Agenda for Thursday</td><td>plain text</td><td>stays in INBOX, marked seen</td></tr>
 * <tr><td>Your weekly digest</td><td>HTML only</td><td>stays in INBOX</td></tr>
 * <tr><td>Invoice 2026-031</td><td>text, PDF and CSV attachments</td><td>Invoices (subject rule), 2 files</td></tr>
 * <tr><td>Payment reminder</td><td>text and HTML alternatives, from accounts.example.com</td><td>Invoices (sender rule)</td></tr>
 * <tr><td>Q1 figures</td><td>text and a CSV attachment</td><td>stays in INBOX, 1 file</td></tr>
 * <tr><td>Grüße aus Köln – 日本語</td><td>RFC 2047 encoded-word subject and sender</td><td>stays in INBOX</td></tr>
 * <tr><td>Site survey (scanned)</td><td>a 3 MiB PDF attachment</td><td>stays in INBOX, 1 file</td></tr>
 * <tr><td>Scan 0042</td><td>multipart whose boundary never appears: unparseable</td><td>Errors</td></tr>
 * </table>
 */
final class DemoMailbox {

    /** One message to append: whether it was read already, when it arrived, its RFC 5322 bytes. */
    record Message(boolean seen, ZonedDateTime received, byte[] content) {
    }

    static final String ACCOUNT = "joe@example.org";
    static final int LARGE_ATTACHMENT_BYTES = 3 * 1024 * 1024;

    private final Map<String, byte[]> attachments = new LinkedHashMap<>();
    private final List<Message> messages = new ArrayList<>();

    DemoMailbox() {
        add(0, true, plain("HR <hr@example.org>", "Welcome to the team", 0,
                "Hi Joe,\n\nwelcome aboard! Your desk is on the third floor.\n\nHR\n"));
        add(1, false, plain("Ann <ann@example.org>", "Agenda for Thursday", 1,
                "1. Budget\n2. Hiring\n3. Anything else\n"));
        add(2, false, html());
        add(3, false, invoice());
        add(4, false, reminder());
        add(5, false, figures());
        add(6, false, encodedWords());
        add(7, false, large());
        add(8, false, malformed());
    }

    List<Message> messages() {
        return messages;
    }

    /** Every attachment in the mailbox by file name, with the bytes a correct pipeline writes out. */
    Map<String, byte[]> attachments() {
        return attachments;
    }

    /** How many messages the pipeline's default search (UNSEEN) finds. */
    long unseen() {
        return messages.stream().filter(m -> !m.seen()).count();
    }

    private void add(int n, boolean seen, String content) {
        messages.add(new Message(seen, date(n), content.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Message {@code n} arrived in the last hour, n minutes after the hour began; the first one weeks
     * before (so a route that looks at the last days, searchWithin, sees all but that one).
     */
    private static ZonedDateTime date(int n) {
        ZonedDateTime hourAgo = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).minusHours(1);
        return n == 0 ? hourAgo.minusDays(40) : hourAgo.plusMinutes(n);
    }

    private static String headers(String from, String subject, int n, String contentType) {
        return "From: " + from + "\r\n"
                + "To: Joe <" + ACCOUNT + ">\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(date(n)) + "\r\n"
                + "Message-ID: <demo-" + n + "@example.org>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: " + contentType + "\r\n";
    }

    private static String plain(String from, String subject, int n, String text) {
        return headers(from, subject, n, "text/plain; charset=UTF-8") + "\r\n" + crlf(text);
    }

    private static String html() {
        return headers("Digest <news@digest.example.net>", "Your weekly digest", 2, "text/html; charset=UTF-8")
                + "\r\n"
                + crlf("<html><body><h1>This week</h1><ul><li>Release 4.18 is out</li>"
                        + "<li>Office closed on Friday</li></ul></body></html>\n");
    }

    private String invoice() {
        byte[] pdf = pdf("Invoice 2026-031: 3 items, 1,250.00 EUR", 0);
        byte[] items = ("item,quantity,price\nlicence,1,1000.00\nsupport,1,200.00\ntraining,1,50.00\n")
                .getBytes(StandardCharsets.UTF_8);
        return headers("Supplier Sales <sales@supplier.example.net>", "Invoice 2026-031", 3,
                "multipart/mixed; boundary=\"inv-031\"")
                + "\r\n"
                + "--inv-031\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + crlf("Please find our invoice attached, with the line items as CSV.\n")
                + attachment("inv-031", "application/pdf", "invoice-2026-031.pdf", pdf)
                + attachment("inv-031", "text/csv", "invoice-2026-031-items.csv", items)
                + "--inv-031--\r\n";
    }

    private static String reminder() {
        return headers("Accounts <noreply@accounts.example.com>", "Payment reminder", 4,
                "multipart/alternative; boundary=\"alt-4\"")
                + "\r\n"
                + "--alt-4\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + crlf("Your payment of 480.00 EUR is due on 31 March.\n")
                + "--alt-4\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
                + crlf("<p>Your payment of <b>480.00 EUR</b> is due on 31 March.</p>\n")
                + "--alt-4--\r\n";
    }

    private String figures() {
        StringBuilder csv = new StringBuilder("region,january,february,march\n");
        String[] regions = {"north", "south", "east", "west"};
        for (int i = 0; i < regions.length; i++) {
            csv.append(regions[i]).append(',').append(120 + i * 7).append(',').append(131 + i * 5).append(',')
                    .append(142 + i * 3).append('\n');
        }
        return headers("Carol <carol@example.org>", "Q1 figures", 5, "multipart/mixed; boundary=\"q1\"")
                + "\r\n"
                + "--q1\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + crlf("Figures for the first quarter, per region.\n")
                + attachment("q1", "text/csv; charset=UTF-8", "q1-figures.csv",
                        csv.toString().getBytes(StandardCharsets.UTF_8))
                + "--q1--\r\n";
    }

    // RFC 2047: non-ASCII header text as encoded-words; the body is UTF-8 in quoted-printable
    private static String encodedWords() {
        String subject = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(
                "Grüße aus Köln – 日本語".getBytes(StandardCharsets.UTF_8)) + "?=";
        return headers("=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.de>", subject, 6,
                "text/plain; charset=UTF-8")
                + "Content-Transfer-Encoding: quoted-printable\r\n"
                + "\r\n"
                + "Viele Gr=C3=BC=C3=9Fe aus K=C3=B6ln! =E6=97=A5=E6=9C=AC=E8=AA=9E=E3=81=A7=E3=82=82=E3=81=A9=E3=81=86=\r\n"
                + "=E3=81=9E.\r\n";
    }

    private String large() {
        return headers("Dave <dave@example.org>", "Site survey (scanned)", 7, "multipart/mixed; boundary=\"survey\"")
                + "\r\n"
                + "--survey\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + crlf("The scanned survey, all 40 pages.\n")
                + attachment("survey", "application/pdf", "site-survey.pdf",
                        pdf("Site survey, 40 pages", LARGE_ATTACHMENT_BYTES))
                + "--survey--\r\n";
    }

    // declares a boundary the body never uses, so no MIME parser can find the parts (RFC 2046 §5.1.1)
    private static String malformed() {
        return headers("Scanner <scanner@example.org>", "Scan 0042", 8, "multipart/mixed; boundary=\"scan-0042\"")
                + "\r\n"
                + "--scan-0041\r\n"
                + "Content-Type: application/pdf; name=\"scan-0042.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + "JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSL0ZpbHRlci9GbGF0ZURlY29kZT4+\r\n";
    }

    private String attachment(String boundary, String type, String name, byte[] bytes) {
        attachments.put(name, bytes);
        return "--" + boundary + "\r\n"
                + "Content-Type: " + type + "; name=\"" + name + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + name + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(bytes) + "\r\n";
    }

    /**
     * A small but well-formed PDF showing {@code title}, padded with a stream of {@code padding}
     * pseudo-random bytes (fixed seed) so that scans can be as large as real ones.
     */
    static byte[] pdf(String title, int padding) {
        byte[] noise = new byte[padding];
        new Random(padding).nextBytes(noise);
        String text = "BT /F1 18 Tf 72 720 Td (" + title + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(padding + 1024);
        List<Integer> offsets = new ArrayList<>();
        out.writeBytes("%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(((i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        if (padding > 0) {
            offsets.add(out.size());
            out.writeBytes(("6 0 obj\n<< /Length " + padding + " >>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(noise);
            out.writeBytes("\nendstream\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        int xref = out.size();
        StringBuilder trailer = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            trailer.append(String.format("%010d 00000 n \n", offset));
        }
        trailer.append("trailer\n<< /Size ").append(offsets.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        out.writeBytes(trailer.toString().getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }
}
