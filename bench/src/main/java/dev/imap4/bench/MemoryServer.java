package dev.imap4.bench;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapClient;
import dev.imap4.client.Transport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A whole connection over memory: the server's bytes are a PREAUTH greeting, the answer to SELECT,
 * then the FETCH responses of a corpus and the tagged OK of the UID FETCH that asked for them. What
 * the client sends is discarded. The tags are known once the engine has picked its prefix.
 */
final class MemoryServer extends Imap4 {

    private final byte[] fetchResponses;
    private final Pipe pipe = new Pipe();

    private MemoryServer(byte[] fetchResponses, Imap4Options options) {
        super(options);
        this.fetchResponses = fetchResponses;
        connect("memory", 0);
    }

    /** A connected, selected client whose next {@code uidFetch} receives {@code fetchResponses}. */
    static ImapClient selected(byte[] fetchResponses, Imap4Options options) {
        MemoryServer m = new MemoryServer(fetchResponses, options);
        ImapClient c = m.client();
        c.select("INBOX");
        return c;
    }

    @Override
    protected Transport openTransport(String host, int port) {
        return pipe;
    }

    @Override
    public void open(String host, int port) {
        super.open(host, port);
        String tag = tagPrefix();
        byte[] select = ("* 1 EXISTS\r\n" + tag + "1 OK [READ-WRITE] selected\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] done = (tag + "2 OK fetched\r\n").getBytes(StandardCharsets.US_ASCII);
        pipe.rest = new SequenceInputStream(new ByteArrayInputStream(select), new SequenceInputStream(
                new ByteArrayInputStream(fetchResponses), new ByteArrayInputStream(done)));
    }

    private static final class Pipe implements Transport {
        private final InputStream greeting = new ByteArrayInputStream(
                "* PREAUTH [CAPABILITY IMAP4rev1] ready\r\n".getBytes(StandardCharsets.US_ASCII));
        private InputStream rest;

        private final InputStream input = new InputStream() {
            @Override
            public int read() throws IOException {
                int b = greeting.read();
                return b >= 0 ? b : rest.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = greeting.read(b, off, len);
                return n > 0 ? n : rest.read(b, off, len);
            }
        };

        @Override
        public InputStream input() {
            return input;
        }

        @Override
        public OutputStream output() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public Socket socket() {
            return null;
        }

        @Override
        public void close() {
        }
    }
}
