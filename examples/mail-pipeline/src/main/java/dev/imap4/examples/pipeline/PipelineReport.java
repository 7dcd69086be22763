package dev.imap4.examples.pipeline;

import dev.imap4.camel.Imap4Constants;
import dev.imap4.client.types.AppendUid;
import dev.imap4.client.types.MailboxStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * What the pipeline did, recorded by the routes as they go (bean {@code pipelineReport}): how many
 * messages it expects, where each one went, which files it wrote. It also says when the run is
 * complete, and turns itself into the {@link PipelineSummary} printed at the end and appended to
 * the mailbox. Route threads write, the main thread waits and reads, so every method is
 * synchronized.
 */
public class PipelineReport {

    /** One processed message. */
    public record Outcome(long uid, String subject, String folder, String problem) {
    }

    /** One attachment written, relative to the output directory. */
    public record WrittenFile(String path, long bytes) {
    }

    private final PipelineSettings settings;
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<WrittenFile> files = new ArrayList<>();
    private final Map<String, MailboxStatus> folders = new LinkedHashMap<>();
    private long expected = -1;
    private Long appendedUid;
    private List<Long> unseenLeft;

    public PipelineReport(PipelineSettings settings) {
        this.settings = settings;
    }

    // ---- called by the routes ----

    /** The result of the first SEARCH: the messages this run is going to process. */
    public synchronized void expect(List<Long> uids) {
        expected = uids.size();
        notifyAll();
    }

    /** A message went through the route; its folder is the CamelImap4MoveTo header, or it stays. */
    public synchronized void routed(Exchange exchange) {
        String moveTo = exchange.getMessage().getHeader(Imap4Constants.MOVE_TO, String.class);
        record(exchange, moveTo != null ? moveTo : settings.folder(), null);
    }

    /** A message failed; the consumer moves it to the error folder (onFailure=MOVE). */
    public synchronized void failed(Exchange exchange) {
        Throwable cause = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String problem = cause == null ? "failed" : cause.getMessage() != null ? cause.getMessage()
                : cause.getClass().getSimpleName();
        record(exchange, settings.errorFolder(), problem);
    }

    private void record(Exchange exchange, String folder, String problem) {
        Long uid = exchange.getMessage().getHeader(Imap4Constants.UID, Long.class);
        String subject = exchange.getMessage().getHeader("Subject", "(no subject)", String.class);
        outcomes.add(new Outcome(uid == null ? 0 : uid, subject, folder, problem));
        exchange.setProperty("progress", outcomes.size() + " of " + Math.max(expected, outcomes.size()));
        exchange.setProperty("destination", folder.equals(settings.folder()) ? "kept in " + folder : "moved to " + folder);
        notifyAll();
    }

    /** The file endpoint wrote an attachment (its name is in CamelFileNameProduced). */
    public synchronized void written(Exchange exchange) {
        Path file = Path.of(exchange.getMessage().getHeader(Exchange.FILE_NAME_PRODUCED, String.class));
        try {
            files.add(new WrittenFile(settings.attachmentsDir().relativize(file.toAbsolutePath()).toString()
                    .replace('\\', '/'), Files.size(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void appended(AppendUid appendUid) {
        appendedUid = appendUid == null ? null : appendUid.uid();
    }

    public synchronized void unseenLeft(List<Long> uids) {
        unseenLeft = List.copyOf(uids);
    }

    public synchronized void folderStatus(MailboxStatus status) {
        folders.put(status.mailbox(), status);
    }

    /** The folders whose STATUS the summary shows. */
    public List<String> folders() {
        return List.of(settings.folder(), settings.ruleFolder(), settings.errorFolder(), settings.summaryFolder());
    }

    /** The summary as a message to APPEND: plain text, UTF-8. */
    public synchronized byte[] summaryMail() {
        return summary(null, null).toMail(settings.username());
    }

    // ---- called by the application ----

    /** Waits until as many messages as the first SEARCH found went through the route. */
    public synchronized boolean awaitProcessed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (expected < 0 || outcomes.size() < expected) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    public synchronized long expected() {
        return expected;
    }

    public synchronized int processed() {
        return outcomes.size();
    }

    /** Everything recorded so far, with the time taken. */
    public synchronized PipelineSummary summary(Duration processing, Duration total) {
        return new PipelineSummary(settings, Math.max(expected, 0), List.copyOf(outcomes), List.copyOf(files),
                Map.copyOf(folders), appendedUid, unseenLeft, processing, total);
    }
}
