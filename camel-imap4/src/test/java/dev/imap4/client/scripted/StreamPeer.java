package dev.imap4.client.scripted;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The server end of an IMAP4_stream test: a child process that plays a transcript over its own
 * stdin and stdout. Exits 0 when the transcript matched and the client closed stdin, 1 (with the
 * diff on stderr) otherwise.
 *
 * <p>Arguments: the transcript's class-path resource name, then optionally
 * {@code --stderr-bytes=N} to write N bytes of noise to stderr before the greeting (a parent that
 * does not drain stderr then blocks the child).
 */
public final class StreamPeer {

    private StreamPeer() {
    }

    public static void main(String[] args) throws IOException {
        Transcript transcript = Transcript.resource(args[0]);
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--stderr-bytes=")) {
                noise(Integer.parseInt(args[i].substring("--stderr-bytes=".length())));
            }
        }
        TranscriptPlayer player = new TranscriptPlayer(transcript, "stream peer",
                new TranscriptPlayer.Streams(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out)),
                read -> {
                    throw new IOException("a stream connection cannot switch to TLS");
                }, false);
        int status = 0;
        try {
            player.run();
        } catch (AssertionError | IOException | InterruptedException e) {
            System.err.println(e.getMessage());
            status = 1;
        }
        System.err.flush();
        System.exit(status);
    }

    private static void noise(int bytes) throws IOException {
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        byte[] line = ("x".repeat(99) + "\n").getBytes(StandardCharsets.US_ASCII);
        for (int written = 0; written < bytes; written += line.length) {
            err.write(line);
        }
        err.flush();
    }
}
