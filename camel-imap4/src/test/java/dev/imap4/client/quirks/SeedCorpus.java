package dev.imap4.client.quirks;

import dev.imap4.client.scripted.Transcript;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
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

    private static final String TAG = "{tag}";

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
     * Everything the server sends in {@code transcripts/<name>.txt}, in order, {@code {tag}} kept as
     * it is. Directives ({@code !stall}, {@code !close}...) are left out: only bytes matter here.
     */
    public static byte[] serverBytes(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Transcript.Step s : Transcript.load(name).steps()) {
            if (s.kind() == Transcript.Kind.SEND || s.kind() == Transcript.Kind.SEND_RAW) {
                out.writeBytes(Transcript.bytes(s.text(), TAG));
                if (s.kind() == Transcript.Kind.SEND) {
                    out.writeBytes(new byte[] {'\r', '\n'});
                }
            }
        }
        return out.toByteArray();
    }
}
