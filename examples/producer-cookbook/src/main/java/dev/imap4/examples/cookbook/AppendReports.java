package dev.imap4.examples.cookbook;

import static dev.imap4.camel.Imap4Constants.COMMAND;
import static dev.imap4.camel.Imap4Constants.FLAGS;
import static dev.imap4.camel.Imap4Constants.FOLDER;
import static dev.imap4.camel.Imap4Constants.INTERNAL_DATE;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Files a generated daily report for each of the last three days in Reports: APPEND with flags
 * (read, and the keyword $Report) and an internal date of that morning, so date searches and
 * sorting treat each report as received on its day.
 */
class AppendReports extends Recipe {

    @Override
    public void configure() {
        from("direct:append-reports").routeId("append-reports")
                .setBody(constant("Reports")).to("direct:ensure-folder")
                .setBody(fn(e -> lastDays(3)))
                .split(body())
                    .setProperty("day", body())
                    .setHeader(COMMAND, constant("APPEND"))
                    .setHeader(FOLDER, constant("Reports"))
                    .setHeader(FLAGS, constant(List.of("\\Seen", "$Report")))
                    .setHeader(INTERNAL_DATE, fn(e -> e.getProperty("day", LocalDate.class)
                            .atTime(6, 0).atZone(ZoneOffset.UTC)))
                    .setBody(fn(e -> report(e.getProperty("day", LocalDate.class))))
                    .to(IMAP)
                    .log(INFO, LOG, "${routeId}: report for ${exchangeProperty.day} appended to Reports as UID ${body.uid()}")
                .end();
    }

    private static List<LocalDate> lastDays(int n) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(today::minusDays).sorted().toList();
    }

    private static byte[] report(LocalDate day) {
        String text = "From: reports@example.org\r\n"
                + "To: joe@example.org\r\n"
                + "Subject: Daily report " + day + "\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + "Orders: " + (40 + day.getDayOfMonth()) + "\r\n"
                + "Returns: " + day.getDayOfMonth() % 4 + "\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
