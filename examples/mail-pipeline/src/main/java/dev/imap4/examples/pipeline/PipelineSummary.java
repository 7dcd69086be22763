package dev.imap4.examples.pipeline;

import dev.imap4.client.types.MailboxStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run did: where each message went, the files written, the folders afterwards, the summary
 * message appended and the SEARCH for unseen mail left behind. {@link #format()} is what the
 * application prints; {@link #toMail(String)} the message it appends.
 *
 * @param expected   how many messages the first SEARCH found
 * @param outcomes   every message processed, in order
 * @param files      the attachments written
 * @param folders    STATUS of each folder involved, after the run
 * @param appendedUid the UID of the appended summary, when the server reports it (UIDPLUS)
 * @param unseenLeft what SEARCH finds in the consumed folder after the run, unless it was not run
 * @param processing from starting the consumer until every expected message was processed
 * @param total      from starting the application, demo server included
 */
public record PipelineSummary(PipelineSettings settings, long expected, List<PipelineReport.Outcome> outcomes,
        List<PipelineReport.WrittenFile> files, Map<String, MailboxStatus> folders, Long appendedUid,
        List<Long> unseenLeft, Duration processing, Duration total) {

    /** How many processed messages ended up in {@code folder}. */
    public long countIn(String folder) {
        return outcomes.stream().filter(o -> o.folder().equals(folder)).count();
    }

    public long attachmentBytes() {
        return files.stream().mapToLong(PipelineReport.WrittenFile::bytes).sum();
    }

    /** Per destination folder, in the order messages first went there. */
    private Map<String, Long> byFolder() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(settings.folder(), 0L);
        counts.put(settings.ruleFolder(), 0L);
        counts.put(settings.errorFolder(), 0L);
        outcomes.forEach(o -> counts.merge(o.folder(), 1L, Long::sum));
        return counts;
    }

    /** The text printed at the end of a run. */
    public String format() {
        StringBuilder out = new StringBuilder();
        line(out, "Mail pipeline summary: %s route, %s at %s", settings.dsl().toUpperCase(Locale.ROOT),
                settings.username(), settings.server());
        line(out, "  %d of %d messages processed%s", outcomes.size(), expected, processing == null ? ""
                : String.format(Locale.ROOT, " in %.1f s (%.1f s with start-up)", seconds(processing), seconds(total)));
        byFolder().forEach((folder, n) -> line(out, "    %-12s %3d  %s", folder, n,
                folder.equals(settings.folder()) ? "kept, marked seen"
                        : folder.equals(settings.errorFolder()) ? "moved after failing" : "moved by the rule"));
        outcomes.stream().filter(o -> o.problem() != null).forEach(o -> line(out, "      UID %d \"%s\": %s",
                o.uid(), o.subject(), o.problem()));
        line(out, "  %d attachments written, %,d bytes, under %s", files.size(), attachmentBytes(),
                settings.attachmentsDir());
        files.forEach(f -> line(out, "    %-40s %,12d bytes", f.path(), f.bytes()));
        if (!folders.isEmpty()) {
            line(out, "  folders now (STATUS)");
            for (String name : List.of(settings.folder(), settings.ruleFolder(), settings.errorFolder(),
                    settings.summaryFolder())) {
                MailboxStatus s = folders.get(name);
                if (s != null) {
                    line(out, "    %-12s %3d %s, %d unseen", name, s.messages(), s.messages() == 1 ? "message" : "messages",
                            s.unseen());
                }
            }
        }
        if (appendedUid != null) {
            line(out, "  summary appended to %s as UID %d", settings.summaryFolder(), appendedUid);
        }
        if (unseenLeft != null) {
            line(out, "  UID SEARCH %s in %s after the run: %s", settings.search(), settings.folder(),
                    unseenLeft.isEmpty() ? "nothing left" : "UIDs " + unseenLeft);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    /** The summary as a plain-text message from the pipeline to the account it read. */
    public byte[] toMail(String account) {
        String to = account.contains("@") ? account : account + "@localhost";
        String text = "From: Mail pipeline <pipeline@localhost>\r\n"
                + "To: <" + to + ">\r\n"
                + "Subject: Mail pipeline report: " + outcomes.size() + " of " + expected + " messages processed\r\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()) + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + format().replace("\r\n", "\n").replace("\n", "\r\n");
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
