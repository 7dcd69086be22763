package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.ScriptedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Literals spooled to files are deleted when the connection aborts before the response is complete. */
@Timeout(30)
class Imap4SpoolCleanupTest {

    private static final String BODY = "y".repeat(5000);

    private static Imap4 connect(ScriptedServer server, Path spool) {
        Imap4 m = Scripted.connect(server, Scripted.OPTIONS.withSpoolDirectory(spool).withLiteralMemoryThreshold(1000)
                .withReadTimeout(Duration.ofMillis(500)));
        m.select();
        return m;
    }

    @Test
    void aTimeoutRightAfterASpooledLiteralLeavesNoFile(@TempDir Path spool) {
        try (ScriptedServer server = ScriptedServer.start(Scripted.SELECTED + """
                C: {tag} FETCH 1 (RFC822)
                S: * 1 FETCH (RFC822 {5000}
                R: %s
                """.formatted(BODY))) {
            Imap4 m = connect(server, spool);
            Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> m.fetch("1", "(RFC822)"));
            assertTrue(e.getMessage().startsWith("read timed out"), e.getMessage());
            assertEquals(List.of(), files(spool));
            server.verify();
        }
    }

    @Test
    void anEofInASecondLiteralAlsoDeletesTheFirst(@TempDir Path spool) {
        try (ScriptedServer server = ScriptedServer.start(Scripted.SELECTED + """
                C: {tag} FETCH 1 (BODY[HEADER] BODY[TEXT])
                S: * 1 FETCH (BODY[HEADER] {5000}
                R: %s
                S:  BODY[TEXT] {5000}
                R: only part of it
                !close
                """.formatted(BODY))) {
            Imap4 m = connect(server, spool);
            assertThrows(Imap4AbortException.class, () -> m.fetch("1", "(BODY[HEADER] BODY[TEXT])"));
            assertEquals(List.of(), files(spool));
            server.verify();
        }
    }

    @Test
    void aCompleteResponseKeepsItsSpooledLiteralForTheCaller(@TempDir Path spool) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Scripted.SELECTED + """
                C: {tag} FETCH 1 (RFC822)
                S: * 1 FETCH (RFC822 {5000}
                R: %s
                S: )
                S: {tag} OK FETCH completed
                """.formatted(BODY))) {
            Imap4 m = connect(server, spool);
            ImapData.Pair pair = (ImapData.Pair) m.fetch("1", "(RFC822)").data().get(0);
            assertTrue(pair.literal().isSpooled());
            assertEquals(BODY, new String(pair.literal().bytes(), java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals(1, files(spool).size());
            pair.literal().close();
            assertEquals(List.of(), files(spool));
            m.shutdown();
            server.verify();
        }
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
