package dev.imap4.examples.pipeline;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pipeline once on Camel Main: starts the demo server when imap.host is
 * {@code embedded}, loads the YAML or the Java routes, runs {@code direct:prepare}, starts the
 * consumer route and waits until it has processed every message the first search found, stops
 * it (which applies the last moves), runs {@code direct:finish} and returns the summary. In watch
 * mode the consumer keeps running with IDLE after the summary until {@link #stop()} is called.
 */
public final class MailPipeline {

    private static final Logger LOG = LoggerFactory.getLogger("pipeline");
    static final String CONSUMER_ROUTE = "mail-pipeline";

    private final Map<String, String> properties;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private DemoMailServer server;
    private PipelineSettings settings;
    private PipelineReport report;

    /** {@code properties} override application.properties, environment and system properties. */
    public MailPipeline(Map<String, String> properties) {
        this.properties = Map.copyOf(properties);
    }

    public PipelineSummary run() throws Exception {
        long start = System.nanoTime();
        Main main = new Main();
        properties.forEach(main::addOverrideProperty);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport m) {
                setUp(main);
            }
        });
        try {
            main.start();
            CamelContext context = main.getCamelContext();
            ProducerTemplate template = main.getCamelTemplate();
            template.requestBody("direct:prepare", (Object) null);

            long consuming = System.nanoTime();
            context.getRouteController().startRoute(CONSUMER_ROUTE);
            if (!report.awaitProcessed(settings.timeout())) {
                throw new IllegalStateException("only " + report.processed() + " of " + report.expected()
                        + " messages were processed in " + settings.timeout().toSeconds() + " s (pipeline.timeout-seconds)");
            }
            Duration processing = Duration.ofNanos(System.nanoTime() - consuming);
            if (!settings.watch()) {
                // stopping the consumer applies the outcomes still queued (the last moves and flags)
                context.getRouteController().stopRoute(CONSUMER_ROUTE);
            }
            template.requestBody("direct:finish", (Object) null);
            PipelineSummary summary = report.summary(processing, Duration.ofNanos(System.nanoTime() - start));
            System.out.print(summary.format());
            System.out.flush();
            if (settings.watch()) {
                watch();
            }
            return summary;
        } finally {
            main.stop();
            if (server != null) {
                server.close();
            }
        }
    }

    /** Ends watch mode. */
    public void stop() {
        stopped.countDown();
    }

    private void watch() throws InterruptedException {
        LOG.info("Watching {} with IDLE; Ctrl+C stops", settings.folder());
        if (server != null) {
            // show IDLE at work: the demo server receives one more message a little later
            Thread.sleep(3000);
            server.deliverNewMessage("Sent while you were watching");
        }
        stopped.await();
    }

    // runs after application.properties is loaded and before components and routes are configured
    private void setUp(Main main) {
        CamelContext context = main.getCamelContext();
        settings = PipelineSettings.resolve(context);
        if (settings.embedded()) {
            server = new DemoMailServer();
            String address = "127.0.0.1:" + server.port();
            PropertiesComponent pc = context.getPropertiesComponent();
            pc.addOverrideProperty("imap.host", "127.0.0.1");
            pc.addOverrideProperty("imap.port", String.valueOf(server.port()));
            // chosen explicitly, and only here: the demo server is on loopback and has no TLS
            pc.addOverrideProperty("imap.security", "PLAIN");
            pc.addOverrideProperty("imap.username", DemoMailServer.USER);
            pc.addOverrideProperty("imap.password", server.password());
            settings = settings.onDemoServer(address, DemoMailServer.USER);
            LOG.info("Demo IMAP server on {} (plain IMAP, loopback only): {}", address, server.describe());
        }
        report = new PipelineReport(settings);
        main.bind("pipelineReport", report);
        if (settings.dsl().equals("java")) {
            main.configure().addRoutesBuilder(new MailPipelineRoutes.Errors());
            main.configure().addRoutesBuilder(new MailPipelineRoutes.Commands());
            main.configure().addRoutesBuilder(new MailPipelineRoutes());
        } else {
            main.configure().setRoutesIncludePattern("classpath:routes/mail-pipeline.camel.yaml");
        }
        LOG.info("Routes: {}; {} at {}", settings.dsl().equals("java") ? "Java DSL (MailPipelineRoutes)"
                : "YAML DSL (routes/mail-pipeline.camel.yaml)", settings.folder(), settings.server());
    }
}
