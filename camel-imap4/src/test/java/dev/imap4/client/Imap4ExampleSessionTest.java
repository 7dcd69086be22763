package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.scripted.Transcript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The imaplib documentation's example, replayed from a transcript file in the style of a recorded session. */
@Timeout(30)
class Imap4ExampleSessionTest {

    @Test
    void loginSelectSearchFetchEachLogout() {
        try (ScriptedServer server = ScriptedServer.builder()
                .transcript(Transcript.resource("transcripts/imaplib-example.txt")).start()) {
            Imap4 m = Scripted.connect(server);
            m.login("joe", "secret");
            assertTrue(m.capabilities().contains("UIDPLUS"), "capabilities from the LOGIN response code");
            assertEquals("2", m.select().firstText());
            ImapResult found = m.search(null, "ALL");
            List<String> bodies = new ArrayList<>();
            for (String num : found.firstText().split(" ")) {
                ImapData.Pair pair = (ImapData.Pair) m.fetch(num, "(RFC822)").data().get(0);
                bodies.add(new String(pair.literal().bytes(), StandardCharsets.US_ASCII));
            }
            assertEquals(List.of("Subject: first\r\n\r\nHello one\r\n", "Subject: second\r\n\r\nHello two\r\n"), bodies);
            assertEquals(List.of("Logging out"), m.logout().texts());
            server.verify();
        }
    }
}
