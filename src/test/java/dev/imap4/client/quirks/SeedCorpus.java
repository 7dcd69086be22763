package dev.imap4.client.quirks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * The server side of every transcript under {@code transcripts/}, as one byte string each: the
 * seeds from which the response fuzzers start. Client lines are dropped; {@code {tag}} stays at the
 * start of tagged server lines, where the fuzzing transport puts the current command's tag.
 */
public final class SeedCorpus {

    /** Seeds generated from transcripts are named {@code transcript-<dir>_<file>}. */
    public static final String PREFIX = "transcript-";

    private SeedCorpus() {
    }

    /** Transcript names relative to {@code transcripts/}, without {@code .txt}, sorted. */
    public static List<String> transcriptNames() {
        URL root = SeedCorpus.class.getResource("/transcripts");
        if (root == null) {
            throw new IllegalStateException("no transcripts/ directory on the test class path");
        }
        try (Stream<Path> files = Files.walk(Paths.get(root.toURI()))) {
            Path base = Paths.get(root.toURI());
            return files.filter(p -> p.toString().endsWith(".txt"))
                    .map(p -> base.relativize(p).toString().replace('\\', '/'))
                    .map(n -> n.substring(0, n.length() - ".txt".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The seed file name for a transcript, e.g. {@code transcript-gmail_x-gm-items}. */
    public static String seedName(String transcript) {
        return PREFIX + transcript.replace('/', '_');
    }

    /**
     * Everything the server sends in {@code transcripts/<name>.txt}, in order. Directives of the
     * loopback server's format ({@code !stall}, {@code !close}) are left out: only bytes matter here.
     */
    public static byte[] serverBytes(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Transcript.Step s : Transcript.parse(name, withoutDirectives(name)).steps()) {
            if (s instanceof Transcript.Server server) {
                if (server.command() > 0) {
                    out.writeBytes(Transcript.TAG.getBytes(StandardCharsets.US_ASCII));
                }
                out.writeBytes(server.bytes());
            }
        }
        return out.toByteArray();
    }

    private static byte[] withoutDirectives(String name) {
        try (InputStream in = SeedCorpus.class.getResourceAsStream("/transcripts/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("no transcript " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return text.replaceAll("(?m)^![^\\n]*\\n?", "").getBytes(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
