package dev.imap4.client.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.quirks.SeedCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed fuzz seeds are the server side of the transcripts as they are now: a transcript
 * added or changed without its seed fails here. Regenerate them with
 * {@code mvn -B test -Dtest=SeedCorpusTest -Dimap4.seeds.update=true}.
 */
class SeedCorpusTest {

    private static final String INPUTS = "ResponseFuzzTestInputs";
    private static final Path SOURCE = Paths.get("src/test/resources/dev/imap4/client/fuzz", INPUTS);

    @Test
    void everyTranscriptHasAnUpToDateSeed() throws IOException {
        boolean update = Boolean.getBoolean("imap4.seeds.update");
        if (update) {
            write();
        }
        List<String> names = SeedCorpus.transcriptNames();
        assertTrue(names.size() > 20, "transcripts found: " + names);
        for (String name : names) {
            byte[] expected = SeedCorpus.serverBytes(name);
            byte[] committed = update ? Files.readAllBytes(SOURCE.resolve(SeedCorpus.seedName(name))) : seed(name);
            assertNotNull(committed, "no seed for transcript " + name + "; regenerate the seeds");
            assertArrayEquals(expected, committed, "the seed of " + name + " is stale; regenerate the seeds");
        }
    }

    @Test
    void noSeedOutlivesItsTranscript() throws IOException {
        List<String> expected = SeedCorpus.transcriptNames().stream().map(SeedCorpus::seedName).sorted().toList();
        try (Stream<Path> files = Files.list(SOURCE)) {
            List<String> seeds = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(SeedCorpus.PREFIX)).sorted().toList();
            assertEquals(expected, seeds);
        }
    }

    @Test
    void aSeedKeepsTheTagPlaceholderAndDropsClientLines() {
        String seed = new String(SeedCorpus.serverBytes("imaplib-example"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(seed.startsWith("* "), seed);
        assertTrue(seed.contains("\r\n{tag} OK"), seed);
        assertTrue(!seed.contains("C: ") && !seed.contains("S: "), seed);
    }

    private static byte[] seed(String transcript) throws IOException {
        try (InputStream in = SeedCorpusTest.class.getResourceAsStream(INPUTS + "/" + SeedCorpus.seedName(transcript))) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static void write() throws IOException {
        Files.createDirectories(SOURCE);
        try (Stream<Path> old = Files.list(SOURCE)) {
            for (Path p : old.toList()) {
                if (p.getFileName().toString().startsWith(SeedCorpus.PREFIX)) {
                    Files.delete(p);
                }
            }
        }
        for (String name : SeedCorpus.transcriptNames()) {
            Files.write(SOURCE.resolve(SeedCorpus.seedName(name)), SeedCorpus.serverBytes(name));
        }
    }
}
