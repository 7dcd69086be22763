package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three 32 MB streams appended in one MULTIAPPEND through the producer with a 64 MB heap: the
 * streams, whose sizes are not known in advance, are spooled, never held whole, and then streamed
 * to the server; so is a single stream body larger than the heap, and a file body is streamed from
 * its file. Runs in the bounded-memory execution.
 */
@Tag("bounded-memory")
@Timeout(300)
class Imap4ProducerMultiAppendBoundedMemoryTest {

    private static final long SIZE = 32L * 1024 * 1024;

    /** {@code size} bytes of a message, generated as they are read. */
    private static InputStream generated(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'a');
                left -= n;
                return n;
            }
        };
    }

    @Test
    void streamsOfUnknownSizeAreSpooledAndStreamedNotHeld() throws Exception {
        try (AppendSink server = new AppendSink(); DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            Exchange out = context.createProducerTemplate().request("imap4:127.0.0.1:" + server.port()
                    + "?security=PLAIN&command=APPEND&folder=Big&readTimeout=60000", e -> e.getMessage().setBody(
                            List.of(generated(SIZE), generated(SIZE), generated(SIZE))));
            if (out.getException() != null) {
                throw out.getException();
            }
            assertEquals(List.of(SIZE, SIZE, SIZE), server.literals);
            assertEquals(List.of(1L, 2L, 3L), out.getMessage().getHeader(Imap4Constants.APPEND_UIDS));
            context.stop();
        }
    }

    @Test
    void aSingleStreamBodyOfUnknownSizeIsSpooledNotHeld() throws Exception {
        long size = 96L * 1024 * 1024; // more than the heap
        try (AppendSink server = new AppendSink(); DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            Exchange out = context.createProducerTemplate().request("imap4:127.0.0.1:" + server.port()
                    + "?security=PLAIN&command=APPEND&folder=Big&readTimeout=60000",
                    e -> e.getMessage().setBody(generated(size)));
            if (out.getException() != null) {
                throw out.getException();
            }
            assertEquals(List.of(size), server.literals);
            context.stop();
        }
    }

    @Test
    void aPathBodyIsStreamedFromItsFile(@TempDir Path dir) throws Exception {
        long size = 96L * 1024 * 1024; // more than the heap
        Path file = dir.resolve("big.eml");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        try (AppendSink server = new AppendSink(); DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            Exchange out = context.createProducerTemplate().request("imap4:127.0.0.1:" + server.port()
                    + "?security=PLAIN&command=APPEND&folder=Big&readTimeout=60000",
                    e -> e.getMessage().setBody(file));
            if (out.getException() != null) {
                throw out.getException();
            }
            assertEquals(List.of(size), server.literals);
            context.stop();
        }
    }

    /**
     * A one-connection server that takes LITERAL+ APPENDs of any size, counting each literal's bytes
     * and discarding them, and answers with an APPENDUID of one UID per literal.
     */
    private static final class AppendSink implements AutoCloseable {
        private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\+}$");
        private final ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final List<Long> literals = new CopyOnWriteArrayList<>();
        private final Thread thread = new Thread(this::serve, "append-sink");

        AppendSink() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private void serve() {
            try (Socket s = listener.accept()) {
                s.setSoTimeout(60_000);
                InputStream in = new BufferedInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                out.write("* PREAUTH [CAPABILITY IMAP4rev1 LITERAL+ MULTIAPPEND UIDPLUS] ready\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                while (true) {
                    String line = line(in);
                    if (line == null) {
                        return;
                    }
                    String tag = line.substring(0, line.indexOf(' '));
                    int count = 0;
                    Matcher m = LITERAL.matcher(line);
                    while (m.find()) {
                        long n = Long.parseLong(m.group(1));
                        in.skipNBytes(n);
                        literals.add(n);
                        count++;
                        line = line(in);
                        m = LITERAL.matcher(line);
                    }
                    String reply = count > 0 ? tag + " OK [APPENDUID 1 1:" + count + "] appended\r\n"
                            : line.contains("LOGOUT") ? "* BYE\r\n" + tag + " OK bye\r\n" : tag + " OK done\r\n";
                    out.write(reply.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                // the test's assertions tell what went wrong
            }
        }

        // one line without CRLF; null at the end of the stream
        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (b.size() > 8192) {
                    throw new IOException("line too long");
                }
                b.write(c);
            }
            if (c < 0 && b.size() == 0) {
                return null;
            }
            return b.toString(StandardCharsets.US_ASCII).stripTrailing();
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
