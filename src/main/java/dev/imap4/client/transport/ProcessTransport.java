package dev.imap4.client.transport;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * IMAP over a child process's stdin/stdout (imaplib's IMAP4_stream): the command line runs through
 * the system shell, as imaplib runs it. stderr is drained on a daemon thread so the child can never
 * block on a full pipe; stdout is read with the same timeout a socket would have; the process is
 * ended on close.
 */
public final class ProcessTransport implements Transport {

    private final Process process;
    private final TimedInputStream input;
    private final OutputStream output;

    private ProcessTransport(Process process, Duration readTimeout, Consumer<String> stderrSink) {
        this.process = process;
        this.input = new TimedInputStream(process.getInputStream(), readTimeout, "imap4-stream-stdout");
        this.output = new BufferedOutputStream(process.getOutputStream(), 64 * 1024);
        Thread drain = new Thread(() -> drain(process.getErrorStream(), stderrSink), "imap4-stream-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    /**
     * Starts {@code command} through the shell. Reads wait at most {@code readTimeout} (zero: for
     * ever), as on a socket. {@code stderrSink} receives each stderr line.
     */
    public static ProcessTransport start(String command, Duration readTimeout, Consumer<String> stderrSink)
            throws IOException {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("IMAP4_stream needs a command line");
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
        List<String> argv = windows ? List.of("cmd", "/c", command) : List.of("/bin/sh", "-c", command);
        Process p = new ProcessBuilder(argv).start();
        return new ProcessTransport(p, readTimeout, stderrSink);
    }

    private static void drain(InputStream err, Consumer<String> sink) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                sink.accept(line);
            }
        } catch (IOException ignored) {
            // the child closed stderr or was ended
        }
    }

    public Process process() {
        return process;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public Socket socket() {
        return null;
    }

    @Override
    public void readTimeout(Duration timeout) {
        input.timeout(timeout);
    }

    @Override
    public void close() {
        try {
            output.close();
        } catch (IOException ignored) {
            // the child may already be gone
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
