package dev.imap4.client.scripted;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A loopback IMAP server that replays {@link Transcript}s, in the manner of CPython's
 * test_imaplib fake servers and MailKit's recorded transcripts. It listens on 127.0.0.1 with an
 * ephemeral port, accepts one connection per transcript (in order), and plays each on a
 * background thread. Every deviation is recorded as an {@link AssertionError} with a diff;
 * {@link #verify()} waits for the transcripts to finish and throws the first one. Every read has a
 * timeout, and a failing transcript closes its connection, so a test never hangs.
 *
 * <pre>{@code
 * try (ScriptedServer server = ScriptedServer.start("""
 *         S: * OK [CAPABILITY IMAP4rev1] ready
 *         C: {tag} NOOP
 *         S: {tag} OK done
 *         """)) {
 *     Imap4 m = new Imap4("127.0.0.1", server.port());
 *     m.noop();
 *     m.shutdown();
 *     server.verify();
 * }
 * }</pre>
 */
public final class ScriptedServer implements AutoCloseable {

    private final List<Transcript> transcripts;
    private final SSLContext tlsContext;
    private final boolean implicitTls;
    private final boolean needClientAuth;
    private final Duration timeout;
    private final ServerSocket listener;
    private final Thread thread;
    private final List<TranscriptPlayer> players = new CopyOnWriteArrayList<>();
    private final List<AssertionError> failures = new CopyOnWriteArrayList<>();
    private final List<Certificate> clientCertificates = new CopyOnWriteArrayList<>();
    private volatile Socket current;
    private volatile boolean closing;
    private boolean verified;

    private ScriptedServer(Builder b) throws IOException {
        this.transcripts = List.copyOf(b.transcripts);
        this.tlsContext = b.tlsContext;
        this.implicitTls = b.implicitTls;
        this.needClientAuth = b.needClientAuth;
        this.timeout = b.timeout;
        this.listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.listener.setSoTimeout((int) timeout.toMillis());
        this.thread = new Thread(this::serve, "scripted-imap-server-" + listener.getLocalPort());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** A plain-text server for one connection playing {@code transcript}. */
    public static ScriptedServer start(String transcript) {
        return builder().transcript(transcript).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings for a {@link ScriptedServer}. */
    public static final class Builder {
        private final List<Transcript> transcripts = new ArrayList<>();
        private SSLContext tlsContext;
        private boolean implicitTls;
        private boolean needClientAuth;
        private Duration timeout = Duration.ofSeconds(5);

        /** Adds the transcript for the next connection. */
        public Builder transcript(String text) {
            return transcript(Transcript.parse(text));
        }

        public Builder transcript(Transcript t) {
            transcripts.add(t);
            return this;
        }

        /** The server's TLS context, used by {@code !tls} steps (STARTTLS). */
        public Builder startTls(SSLContext serverContext) {
            this.tlsContext = serverContext;
            return this;
        }

        /** Every connection starts with a TLS handshake (IMAP4_SSL). */
        public Builder implicitTls(SSLContext serverContext) {
            this.tlsContext = serverContext;
            this.implicitTls = true;
            return this;
        }

        /** The TLS handshake requires a client certificate trusted by the server context. */
        public Builder needClientAuth() {
            this.needClientAuth = true;
            return this;
        }

        /** How long any read or accept may wait (default 5 s). */
        public Builder timeout(Duration t) {
            this.timeout = t;
            return this;
        }

        public ScriptedServer start() {
            if (transcripts.isEmpty()) {
                throw new IllegalStateException("a scripted server needs at least one transcript");
            }
            try {
                return new ScriptedServer(this);
            } catch (IOException e) {
                throw new IllegalStateException("cannot listen on the loopback interface", e);
            }
        }
    }

    /** The ephemeral port on 127.0.0.1. */
    public int port() {
        return listener.getLocalPort();
    }

    private void serve() {
        try {
            for (int i = 0; i < transcripts.size() && !closing; i++) {
                String name = "connection " + (i + 1);
                Socket s;
                try {
                    s = listener.accept();
                } catch (SocketTimeoutException e) {
                    failures.add(new AssertionError(name + ": no client connected within " + timeout));
                    return;
                }
                current = s;
                try (s) {
                    s.setSoTimeout((int) timeout.toMillis());
                    TranscriptPlayer p = new TranscriptPlayer(transcripts.get(i), name,
                            new TranscriptPlayer.Streams(s.getInputStream(), s.getOutputStream()),
                            read -> upgrade(s, read), implicitTls);
                    players.add(p);
                    play(p);
                }
            }
        } catch (IOException e) {
            if (!closing) {
                failures.add(new AssertionError("scripted server failed: " + e, e));
            }
        } finally {
            try {
                listener.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private void play(TranscriptPlayer p) {
        try {
            p.run();
        } catch (AssertionError e) {
            if (!closing) {
                failures.add(e); // once the test closes the server, broken reads are expected
            }
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                AssertionError f = p.failure(p.current(), "server-side I/O failed: " + e, null);
                f.initCause(e);
                failures.add(f);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private TranscriptPlayer.Streams upgrade(Socket plain, byte[] alreadyRead) throws IOException {
        if (tlsContext == null) {
            throw new IOException("the transcript switches to TLS but the server has no TLS context");
        }
        SSLSocket tls = (SSLSocket) tlsContext.getSocketFactory()
                .createSocket(plain, new ByteArrayInputStream(alreadyRead), true);
        tls.setUseClientMode(false);
        tls.setNeedClientAuth(needClientAuth);
        tls.setSoTimeout((int) timeout.toMillis());
        tls.startHandshake();
        if (needClientAuth) {
            clientCertificates.addAll(List.of(tls.getSession().getPeerCertificates()));
        }
        current = tls;
        return new TranscriptPlayer.Streams(tls.getInputStream(), tls.getOutputStream());
    }

    /**
     * Waits until every transcript has been played, then throws the first deviation (later ones
     * suppressed), or reports where a transcript stopped when it did not finish in time.
     */
    public void verify() {
        verified = true;
        try {
            thread.join(timeout.multipliedBy(2 * transcripts.size() + 1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            TranscriptPlayer p = players.isEmpty() ? null : players.get(players.size() - 1);
            String where = p == null || p.current() == null ? "" : " at line " + p.current().line() + ": " + p.current().source();
            throw new AssertionError("the transcript did not finish within " + timeout.multipliedBy(2 * transcripts.size() + 1)
                    + where + (p == null ? "" : System.lineSeparator() + String.join(System.lineSeparator(), p.conversation())));
        }
        throwFailures();
    }

    private void throwFailures() {
        if (!failures.isEmpty()) {
            AssertionError first = failures.get(0);
            for (AssertionError more : failures.subList(1, failures.size())) {
                first.addSuppressed(more);
            }
            throw first;
        }
    }

    /** Every line the client sent, as printable text (literals inline), over all connections. */
    public List<String> received() {
        List<String> out = new ArrayList<>();
        for (TranscriptPlayer p : players) {
            for (String c : p.conversation()) {
                if (c.startsWith("C: ")) {
                    out.add(c.substring(3));
                }
            }
        }
        return out;
    }

    /** The complete commands answered by {@code !ok-all}, printable, literals inline. */
    public List<String> commands() {
        List<String> out = new ArrayList<>();
        for (TranscriptPlayer p : players) {
            out.addAll(p.commands());
        }
        return out;
    }

    /** The certificate chain the client presented (with {@link Builder#needClientAuth()}). */
    public List<Certificate> clientCertificates() {
        return List.copyOf(clientCertificates);
    }

    /** Why the handshake at {@code !tls-rejected} failed, or null. */
    public Throwable tlsRejection() {
        for (TranscriptPlayer p : players) {
            if (p.tlsRejection() != null) {
                return p.tlsRejection();
            }
        }
        return null;
    }

    /**
     * Stops the server. Deviations already recorded are thrown unless {@link #verify()} has run, so
     * a test that forgot to verify, or failed for another reason, still shows the server's diff.
     */
    @Override
    public void close() {
        closing = true;
        try {
            listener.close();
            Socket s = current;
            if (s != null) {
                s.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!verified) {
            throwFailures();
        }
    }
}
