package dev.imap4.examples.pipeline;

import java.util.Map;

/**
 * The mail pipeline as a program: runs it with application.properties (overridden by environment
 * variables and system properties), prints the summary and returns, so the process exits 0; a run
 * that fails throws, and the process exits non-zero. In watch mode (pipeline.watch=true) it keeps
 * consuming until the process is interrupted (Ctrl+C), then stops cleanly.
 */
public final class MailPipelineApp {

    private MailPipelineApp() {
    }

    public static void main(String[] args) throws Exception {
        MailPipeline pipeline = new MailPipeline(Map.of());
        Thread mainThread = Thread.currentThread();
        Thread hook = new Thread(() -> {
            pipeline.stop();
            try {
                mainThread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pipeline-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            pipeline.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down already: the hook is running
            }
        }
    }
}
