package dev.imap4.client.internal.transport;

import dev.imap4.client.Transport;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * IMAP over a child process's stdin/stdout (imaplib's IMAP4_stream): the command line runs through
 * the system shell, as imaplib runs it. stderr is drained on a daemon thread so the child can never
 * block on a full pipe; stdout is read with the same timeout a socket would have; on close the
 * process and everything it started are ended (a server that ignores end of input included) and the
 * pipes are closed.
 */
public final class ProcessTransport implements Transport {

    /** How long a child may take to exit by itself once its input is closed (a JVM takes a moment). */
    static final Duration GRACE = Duration.ofSeconds(2);
    /** How long the tree may take to end once asked (SIGTERM). */
    static final Duration TERM_WAIT = Duration.ofSeconds(2);
    /** How long the tree may take to go once forced (SIGKILL). */
    static final Duration KILL_WAIT = Duration.ofSeconds(2);

    private final Process process;
    private final TimedInputStream input;
    private final OutputStream output;
    private volatile boolean closed;

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

    /**
     * Fails a blocked read at once and ends the process tree without waiting (signals only), so a
     * blocked write to a child that stopped reading fails too. {@link #close()} does the rest.
     */
    @Override
    public void unblock() {
        input.breakWith(new IOException("the exchange with the child process was cut short"));
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * Ends the child and everything it started: its stdin is closed (a server that exits on end of
     * input does so), then, after a short grace, every descendant and then the shell are asked to
     * end, then forced; the pipes are closed. Descendants are noted before anything ends, since an
     * orphan is no longer a descendant. Waits at most {@link #GRACE} + {@link #TERM_WAIT} +
     * {@link #KILL_WAIT} in all.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ProcessHandle> tree = tree();
        closeQuietly(process.getOutputStream()); // never the buffered stream: a flush could block
        long deadline = System.nanoTime() + GRACE.toNanos();
        try {
            waitFor(List.of(process.toHandle()), deadline);
            List<ProcessHandle> all = new ArrayList<>(tree);
            all.addAll(tree()); // anything started since, while the shell still runs
            all.add(process.toHandle());
            if (anyAlive(all)) {
                all.forEach(ProcessHandle::destroy); // descendants first, then the shell
                if (!waitFor(all, System.nanoTime() + TERM_WAIT.toNanos())) {
                    all.forEach(ProcessHandle::destroyForcibly);
                    waitFor(all, System.nanoTime() + KILL_WAIT.toNanos());
                }
            }
        } catch (InterruptedException e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(input);
            closeQuietly(process.getErrorStream());
        }
    }

    private List<ProcessHandle> tree() {
        try {
            return process.descendants().toList();
        } catch (RuntimeException e) {
            return List.of(); // the platform cannot list them; the shell is still ended
        }
    }

    private static boolean anyAlive(List<ProcessHandle> handles) {
        return handles.stream().anyMatch(ProcessHandle::isAlive);
    }

    /** Waits until every one has ended or {@code deadline} (nanoTime) passes; true if all ended. */
    private static boolean waitFor(List<ProcessHandle> handles, long deadline) throws InterruptedException {
        for (ProcessHandle h : handles) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return !anyAlive(handles);
            }
            try {
                h.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                // onExit does not fail; treat as ended
            }
        }
        return true;
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // the pipe is already broken
        }
    }
}
