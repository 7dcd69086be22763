package dev.imap4.examples.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.NumberSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pipeline end to end, with the YAML and the Java routes. Most tests start the demo server
 * themselves and point the pipeline at it through properties alone, as one would a real server,
 * so that they can look at the mailbox afterwards with the client core.
 */
class MailPipelineTest {

    @TempDir
    Path output;

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "java"})
    void routesEveryMessageAndLeavesNothingUnseen(String dsl) throws Exception {
        try (DemoMailServer server = new DemoMailServer()) {
            PipelineSummary summary = new MailPipeline(serverProperties(server, dsl)).run();

            assertEquals(8, summary.expected());
            assertEquals(8, summary.outcomes().size());
            assertEquals(5, summary.countIn("INBOX"));
            assertEquals(2, summary.countIn("Invoices"));
            assertEquals(1, summary.countIn("Errors"));
            assertEquals(List.of(), summary.unseenLeft());
            assertNotNull(summary.appendedUid());
            assertTrue(summary.format().contains("8 of 8 messages processed"), summary.format());

            try (ImapClient c = server.login()) {
                // INBOX: the five kept (now seen) and the one read before the run
                assertEquals(6, c.status("INBOX", "MESSAGES").messages());
                c.select("INBOX");
                assertEquals(List.of(), c.uidSearch("UNSEEN").numbers());
                assertEquals(Set.of("Invoice 2026-031", "Payment reminder"), subjects(c, "Invoices"));
                assertEquals(Set.of("Scan 0042"), subjects(c, "Errors"));
                String report = text(c, "Reports");
                assertTrue(report.contains("Subject: Mail pipeline report: 8 of 8 messages processed"), report);
                assertTrue(report.contains("UID " + summary.outcomes().get(7).uid()
                        + " \"Scan 0042\": Cannot split the attachments of the message: Malformed multipart"),
                        report);
            }
        }
        assertAttachmentsWritten();
    }

    @Test
    void byDefaultStartsItsOwnServer() throws Exception {
        PipelineSummary summary = new MailPipeline(Map.of("pipeline.output", output.toString())).run();

        assertTrue(summary.settings().embedded());
        assertEquals("yaml", summary.settings().dsl());
        assertEquals(8, summary.outcomes().size());
        assertEquals(List.of(5L, 2L, 1L), List.of(summary.countIn("INBOX"), summary.countIn("Invoices"),
                summary.countIn("Errors")));
        assertEquals(6, summary.folders().get("INBOX").messages());
        assertEquals(0, summary.folders().get("INBOX").unseen());
        assertEquals(1, summary.folders().get("Reports").messages());
        assertAttachmentsWritten();
    }

    @Test
    void createToleratesFoldersThatExistAlready() throws Exception {
        try (DemoMailServer server = new DemoMailServer()) {
            try (ImapClient c = server.login()) {
                c.create("Invoices");
                c.create("Reports");
            }
            PipelineSummary summary = new MailPipeline(serverProperties(server, "yaml")).run();
            assertEquals(2, summary.countIn("Invoices"));
            assertEquals(2, summary.folders().get("Invoices").messages());
        }
    }

    @Test
    void authenticatesWithAnAccessTokenFromAFile() throws Exception {
        try (DemoMailServer server = new DemoMailServer()) {
            // the lines application.properties shows for OAuth2; GreenMail takes the password as the token
            Path token = Files.writeString(output.resolve("token"), server.password() + "\n");
            Map<String, String> properties = new HashMap<>(serverProperties(server, "java"));
            properties.put("imap.password", "");
            properties.put("camel.beans.imapAccessToken", "#class:dev.imap4.examples.pipeline.AccessTokenFile");
            properties.put("camel.beans.imapAccessToken.path", token.toString());
            properties.put("camel.component.imap4.access-token-supplier", "#bean:imapAccessToken");

            PipelineSummary summary = new MailPipeline(properties).run();
            assertEquals(8, summary.outcomes().size());
        }
    }

    @Test
    void watchModeTakesNewMailAsItArrivesWithIdle() throws Exception {
        try (DemoMailServer server = new DemoMailServer()) {
            Map<String, String> properties = new HashMap<>(serverProperties(server, "yaml"));
            properties.put("pipeline.watch", "true");
            // a poll every minute: only IDLE can pick the new message up within the few seconds allowed
            properties.put("imap.poll-delay", "60000");
            MailPipeline pipeline = new MailPipeline(properties);
            List<Object> result = new ArrayList<>();
            Thread runner = new Thread(() -> {
                try {
                    result.add(pipeline.run());
                } catch (Exception e) {
                    result.add(e);
                }
            });
            runner.start();
            try (ImapClient c = server.login()) {
                await(() -> c.status("Reports", "MESSAGES").messages() == 1, Duration.ofSeconds(60));
                server.deliverNewMessage("Invoice 2026-044");
                await(() -> c.status("Invoices", "MESSAGES").messages() == 3, Duration.ofSeconds(10));
            } finally {
                pipeline.stop();
                runner.join(30_000);
            }
            assertTrue(result.get(0) instanceof PipelineSummary, String.valueOf(result));
        }
    }

    private Map<String, String> serverProperties(DemoMailServer server, String dsl) {
        return Map.of("imap.host", "127.0.0.1", "imap.port", String.valueOf(server.port()), "imap.security", "PLAIN",
                "imap.username", DemoMailServer.USER, "imap.password", server.password(),
                "pipeline.dsl", dsl, "pipeline.output", output.toString());
    }

    private void assertAttachmentsWritten() throws IOException {
        Map<String, byte[]> expected = new DemoMailbox().attachments();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(output.resolve("attachments"))) {
            files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
        }
        assertEquals(new TreeSet<>(expected.keySet()),
                files.stream().map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new)));
        for (Path file : files) {
            assertArrayEquals(expected.get(file.getFileName().toString()), Files.readAllBytes(file), file.toString());
        }
        assertTrue(expected.get("site-survey.pdf").length > DemoMailbox.LARGE_ATTACHMENT_BYTES);
    }

    private static Set<String> subjects(ImapClient c, String folder) {
        c.select(folder);
        Set<String> subjects = new TreeSet<>();
        c.uidFetch(NumberSet.parse("1:*", true), FetchItems.of().withEnvelope(),
                m -> subjects.add(m.envelope().decodedSubject()));
        return subjects;
    }

    private static String text(ImapClient c, String folder) {
        c.select(folder);
        StringBuilder text = new StringBuilder();
        c.uidFetch(NumberSet.parse("1:*", true), FetchItems.of().withBody(), m -> {
            try (InputStream in = m.message().openStream()) {
                text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        });
        return text.toString();
    }

    private static boolean holds(Condition condition) throws Exception {
        try {
            return condition.holds();
        } catch (Imap4CommandException e) {
            return false;
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    // a folder that does not exist yet counts as not yet
    private static void await(Condition condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!holds(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }
}
