package dev.imap4.client.scripted;

import dev.imap4.testing.InMemoryTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-memory transport of the {@link TranscriptPlayer} that {@link ScriptedServer} plays over a
 * socket: the same transcript format, the same player and the same failure reports, with no socket
 * and no port. The player runs on its own thread; a deviation fails the client's next read or write
 * with the player's {@link AssertionError}, and a client waiting for a server line that the
 * transcript only sends after a client line fails at once instead of hanging.
 */
public final class ScriptedTransport extends InMemoryTransport {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Duplex duplex = new Duplex(TIMEOUT);
    private final InputStream fromServer = duplex.clientInput();
    private final OutputStream toServer = duplex.clientOutput();
    private final TranscriptPlayer player;
    private final Thread thread;
    private final List<String> sent = new ArrayList<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private volatile AssertionError failure;

    /** Starts playing {@code transcript}; {@code name} heads its failure reports. */
    public ScriptedTransport(Transcript transcript, String name) {
        this.player = new TranscriptPlayer(transcript, name, duplex.serverStreams(), read -> {
            throw new IOException("an in-memory connection cannot switch to TLS");
        }, false);
        this.thread = new Thread(this::play, "scripted-transport-" + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    protected int serve(byte[] b, int off, int len) throws IOException {
        int n = fromServer.read(b, off, len);
        if (n < 0) {
            rethrow();
        }
        return n;
    }

    @Override
    protected void received(byte b) {
        record(b);
        try {
            toServer.write(b);
        } catch (IOException e) {
            rethrow();
            throw new AssertionError(player.failure(null, "the client sent more after the server closed the connection",
                    new byte[] {b}).getMessage(), e);
        }
    }

    private void play() {
        try {
            player.run();
        } catch (AssertionError e) {
            failure = e;
        } catch (IOException | RuntimeException e) {
            AssertionError f = player.failure(player.current(), "server-side I/O failed: " + e, null);
            f.initCause(e);
            failure = f;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            duplex.serverClosed();
        }
    }

    private void rethrow() {
        if (failure != null) {
            throw failure;
        }
    }

    private void record(byte b) {
        if (b != '\n') {
            partial.write(b);
            return;
        }
        byte[] line = partial.toByteArray();
        partial.reset();
        int n = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
        sent.add(new String(line, 0, n, StandardCharsets.UTF_8));
    }

    /** The lines the client sent, without CRLF, tags as sent (a literal's lines separately). */
    public List<String> sent() {
        return List.copyOf(sent);
    }

    /**
     * Fails unless the player reached the end of the transcript: every {@code C:} line sent, every
     * server line read. A player still waiting for a client line fails now, naming the line.
     */
    public void assertDone() {
        duplex.clientFinished();
        try {
            thread.join(TIMEOUT.multipliedBy(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new AssertionError("the transcript did not finish within " + TIMEOUT.multipliedBy(2)
                    + System.lineSeparator() + String.join(System.lineSeparator(), player.conversation()));
        }
        rethrow();
        if (duplex.clientHasUnread()) {
            throw player.failure(null, "the client stopped reading before the end of the server's lines", null);
        }
    }

    @Override
    public void close() {
        super.close();
        duplex.clientClosed();
    }
}
