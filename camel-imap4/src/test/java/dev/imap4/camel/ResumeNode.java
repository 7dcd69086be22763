package dev.imap4.camel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * One run of a consumer in a JVM of its own, for the restart tests ({@link Imap4ConsumerRestartTest}):
 * a CamelContext whose state repository is a {@link FileStateRepository} on the file the test
 * names, and the route {@code imap4:... -> record}. Each delivery is appended to a file (forced to
 * disk) before the exchange completes. The route halts the JVM, without completing the exchange,
 * on the message whose subject is {@code haltOn}: a crash in the middle of an exchange. After
 * {@code stopAfter} deliveries the context is stopped and the JVM exits 0.
 *
 * <p>Arguments: {@code imapUri stateFile deliveredFile haltOn stopAfter}. It also halts when its
 * standard input closes (the test's JVM is gone) and after two minutes, so it never outlives the test.
 */
final class ResumeNode {

    private ResumeNode() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is ever sent; end of input means the parent went away
                }
            } catch (IOException e) {
                // same
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        String uri = args[0];
        Path stateFile = Path.of(args[1]);
        Path delivered = Path.of(args[2]);
        String haltOn = args[3];
        int stopAfter = Integer.parseInt(args[4]);
        AtomicInteger count = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(1);
        DefaultCamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("state", FileStateRepository.fileStateRepository(stateFile.toFile()));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("resume").process(e -> {
                    String subject = e.getMessage().getHeader("Subject", String.class);
                    if (subject.equals(haltOn)) {
                        Runtime.getRuntime().halt(5);
                    }
                    record(delivered, subject + " " + e.getMessage().getHeader(Imap4Constants.UID) + "\n");
                    if (count.incrementAndGet() >= stopAfter) {
                        enough.countDown();
                    }
                });
            }
        });
        context.start();
        boolean done = enough.await(2, TimeUnit.MINUTES);
        context.stop();
        Runtime.getRuntime().halt(done ? 0 : 4);
    }

    private static synchronized void record(Path file, String line) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            ch.force(false);
        }
    }

    /** The command line that runs a node in a new JVM. */
    static List<String> command(String uri, Path stateFile, Path delivered, String haltOn, int stopAfter) {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ResumeNode.class.getName(), uri,
                stateFile.toString(), delivered.toString(), haltOn, Integer.toString(stopAfter)));
    }
}
