package dev.imap4.client.interop;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.internal.transport.ProcessTransport;
import dev.imap4.client.Transport;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSession;

/**
 * Records what a connection sends, in order with the reads it makes, so a test can prove how the
 * client spoke: which commands went out, and whether it waited for the server before a literal.
 * Everything sent is kept; of what was received only the byte count and the first bytes of each read.
 */
public final class Recorder {

    /** One write to or read from the transport. */
    public record Event(boolean sent, byte[] bytes, int length) {
        public String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static final int KEEP_RECEIVED = 256;

    private final List<Event> events = new ArrayList<>();
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final boolean keepReads;
    private long receivedBytes;

    /** Records writes and reads in order. */
    public Recorder() {
        this(true);
    }

    /** With {@code keepReads} false, reads are only counted (for transfers too large to keep a log of). */
    public Recorder(boolean keepReads) {
        this.keepReads = keepReads;
    }

    /** A raw connection whose transport is recorded. */
    public static final class RecordingImap4 extends Imap4 {
        private final Recorder recorder;

        public RecordingImap4(String host, int port, Imap4Options options, Recorder recorder) {
            super(options);
            this.recorder = recorder;
            connect(host, port);
        }

        @Override
        protected Transport openTransport(String host, int port) throws IOException {
            return recorder.wrap(super.openTransport(host, port));
        }

        /**
         * A recorded connection to {@code server} as {@code user}: a preauthenticated child on a
         * stream server, else a plain connection that the caller logs in.
         */
        public static Imap4 open(ImapServer server, String user, Recorder recorder) {
            if (server.isStream()) {
                return new RecordingStream(server.streamCommand(user), server.options(), recorder);
            }
            return new RecordingImap4(server.host(), server.port(), server.options(), recorder);
        }
    }

    /** A recorded {@code IMAP4_stream} connection: the child's stdin and stdout go through the recorder. */
    static final class RecordingStream extends Imap4 {
        private static final ThreadLocal<Object[]> PENDING = new ThreadLocal<>();

        RecordingStream(String command, Imap4Options options, Recorder recorder) {
            super(pending(options, command, recorder));
            connect(null, 0);
        }

        // openTransport runs before this subclass's fields could be set
        private static Imap4Options pending(Imap4Options options, String command, Recorder recorder) {
            PENDING.set(new Object[] {command, recorder});
            return options;
        }

        @Override
        protected Transport openTransport(String host, int port) throws IOException {
            Object[] p = PENDING.get();
            PENDING.remove();
            return ((Recorder) p[1]).wrap(ProcessTransport.start((String) p[0], options.readTimeout(), line -> { }));
        }

        @Override
        protected String describe() {
            return "stream";
        }
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** Everything sent so far, as ISO-8859-1 text. */
    public synchronized String sentText() {
        return sent.toString(StandardCharsets.ISO_8859_1);
    }

    /** The command lines sent whose verb (after the tag) starts with {@code verb}, e.g. {@code UID FETCH}. */
    public synchronized List<String> commands(String verb) {
        List<String> out = new ArrayList<>();
        for (String line : sentText().split("\r\n")) {
            int sp = line.indexOf(' ');
            if (sp > 0 && line.substring(sp + 1).startsWith(verb + " ")) {
                out.add(line);
            }
        }
        return out;
    }

    public synchronized long receivedBytes() {
        return receivedBytes;
    }

    private synchronized void wrote(byte[] b, int off, int len) {
        sent.write(b, off, len);
        byte[] copy = new byte[len];
        System.arraycopy(b, off, copy, 0, len);
        events.add(new Event(true, copy, len));
    }

    private synchronized void read(byte[] b, int off, int len) {
        receivedBytes += len;
        if (!keepReads) {
            return;
        }
        byte[] head = new byte[Math.min(len, KEEP_RECEIVED)];
        System.arraycopy(b, off, head, 0, head.length);
        events.add(new Event(false, head, len));
    }

    Transport wrap(Transport t) {
        InputStream in = new FilterInputStream(t.input()) {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    Recorder.this.read(b, off, n);
                }
                return n;
            }
        };
        OutputStream out = new FilterOutputStream(t.output()) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                wrote(b, off, len);
                out.write(b, off, len);
            }
        };
        return new Transport() {
            @Override
            public InputStream input() {
                return in;
            }

            @Override
            public OutputStream output() {
                return out;
            }

            @Override
            public Socket socket() {
                return t.socket();
            }

            @Override
            public SSLSession sslSession() {
                return t.sslSession();
            }

            @Override
            public void readTimeout(Duration timeout) throws IOException {
                t.readTimeout(timeout);
            }

            @Override
            public void close() {
                t.close();
            }
        };
    }
}
