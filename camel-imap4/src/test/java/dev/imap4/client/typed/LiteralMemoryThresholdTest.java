package dev.imap4.client.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.imap4.client.Imap4;
import dev.imap4.client.ImapClient;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.NumberSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection's literal memory threshold lowered for the literals still to come, between the
 * messages of one fetch: a literal above it goes straight to a spool file, never into an array.
 */
@Timeout(30)
class LiteralMemoryThresholdTest {

    private static final String BODY = "x".repeat(5000);

    @Test
    void aHandlerLowersAndRestoresTheThresholdBetweenMessages(@TempDir Path spool) throws Exception {
        try (ScriptedServer server = ScriptedServer.start("""
                S: * PREAUTH [CAPABILITY IMAP4rev1] ready
                C: {tag} SELECT INBOX
                S: {tag} OK [READ-WRITE] done
                C: {tag} UID FETCH 1:3 (UID BODY.PEEK[])
                S: * 1 FETCH (UID 1 BODY[] {5000}
                R: %1$s
                S: )
                S: * 2 FETCH (UID 2 BODY[] {5000}
                R: %1$s
                S: )
                S: * 3 FETCH (UID 3 BODY[] {5000}
                R: %1$s
                S: )
                S: {tag} OK done
                """.formatted(BODY))) {
            ImapClient c = new Imap4("127.0.0.1", server.port(), TypedClientScriptedTest.OPTIONS
                    .withLiteralMemoryThreshold(10_000).withSpoolDirectory(spool)).client();
            c.select("INBOX");
            assertEquals(10_000, c.literalMemoryThreshold(), "the options' threshold to start with");
            c.literalMemoryThreshold(1000);
            List<String> got = new ArrayList<>();
            c.uidFetch(NumberSet.uidRange(1, 3), FetchItems.of().withBody(), r -> {
                got.add(r.uid() + (r.message().isSpooled() ? " spooled" : " in memory")
                        + (BODY.equals(r.message().asString(StandardCharsets.US_ASCII)) ? "" : " WRONG BYTES"));
                // after the first message: back to the connection's own threshold; after the second: 0
                c.literalMemoryThreshold(r.uid() == 1 ? Integer.MAX_VALUE : 0);
            });
            assertEquals(List.of("1 spooled", "2 in memory", "3 spooled"), got);
            try (Stream<Path> left = Files.list(spool)) {
                assertEquals(0, left.count(), "spool files deleted once the handler returned");
            }
            assertEquals(0, c.literalMemoryThreshold());
            c.literalMemoryThreshold(1 << 30);
            assertEquals(10_000, c.literalMemoryThreshold(), "never above the options' threshold");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.literalMemoryThreshold(-1));
            assertEquals("literal memory threshold must not be negative, was -1", e.getMessage());
            c.shutdown();
            server.verify();
        }
    }
}
