package dev.imap4.examples.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.apache.camel.CamelContext;

/**
 * The properties the application itself acts on, resolved once through Camel's property
 * placeholders (application.properties, then environment variables and system properties, which
 * Camel lets override it).
 *
 * @param embedded      whether imap.host is {@code embedded}: start the demo server
 * @param dsl           {@code yaml} or {@code java}: which definition of the routes to load
 * @param watch         keep consuming with IDLE after the first run
 * @param timeout       how long the first run may take before the application gives up
 * @param server        host:port as shown in the summary
 * @param username      the account, as shown in the summary
 * @param folder        the folder consumed
 * @param search        which of its messages are processed (IMAP SEARCH criteria)
 * @param ruleFolder    where messages matching the rule go
 * @param errorFolder   where messages that fail go
 * @param summaryFolder where the summary message is appended
 * @param output        the output directory; attachments go to its {@code attachments} folder
 */
public record PipelineSettings(boolean embedded, String dsl, boolean watch, Duration timeout, String server,
        String username, String folder, String search, String ruleFolder, String errorFolder, String summaryFolder, Path output) {

    public static final String EMBEDDED = "embedded";

    static PipelineSettings resolve(CamelContext context) {
        String host = get(context, "imap.host");
        boolean embedded = EMBEDDED.equalsIgnoreCase(host);
        String dsl = get(context, "pipeline.dsl").toLowerCase(Locale.ROOT);
        if (!dsl.equals("yaml") && !dsl.equals("java")) {
            throw new IllegalArgumentException("pipeline.dsl must be yaml or java, not '" + dsl + "'");
        }
        String port = get(context, "imap.port");
        return new PipelineSettings(embedded, dsl, Boolean.parseBoolean(get(context, "pipeline.watch")),
                Duration.ofSeconds(Long.parseLong(get(context, "pipeline.timeout-seconds"))),
                embedded ? "demo server" : host + (port.isEmpty() || port.equals("0") ? "" : ":" + port),
                get(context, "imap.username"), get(context, "imap.folder"), get(context, "pipeline.search"),
                get(context, "pipeline.rule.folder"),
                get(context, "pipeline.error-folder"), get(context, "pipeline.summary-folder"),
                Path.of(get(context, "pipeline.output")).toAbsolutePath().normalize());
    }

    /** A copy for the demo server, which is shown with its address. */
    PipelineSettings onDemoServer(String address, String user) {
        return new PipelineSettings(true, dsl, watch, timeout, address + " (demo server)", user, folder, search,
                ruleFolder, errorFolder, summaryFolder, output);
    }

    public Path attachmentsDir() {
        return output.resolve("attachments");
    }

    private static String get(CamelContext context, String key) {
        return context.resolvePropertyPlaceholders("{{" + key + "}}").trim();
    }
}
