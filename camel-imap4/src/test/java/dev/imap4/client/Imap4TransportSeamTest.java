package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imap4.client.scripted.ScriptedServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** imaplib's transport methods (send, readline, read, debug) and status text that only looks like a literal. */
@Timeout(30)
class Imap4TransportSeamTest {

    @Test
    void sendReadlineAndReadSpeakRawBytes() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: RAW1 NOOP
                S: RAW1 OK raw
                R: 1234
                """)) {
            Imap4 m = Scripted.connect(server);
            m.send("RAW1 NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
            assertArrayEquals("RAW1 OK raw\r\n".getBytes(StandardCharsets.US_ASCII), m.readline());
            assertArrayEquals("1234".getBytes(StandardCharsets.US_ASCII), m.read(4));
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void debugLevelCanBeReadAndChanged() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH)) {
            Imap4 m = Scripted.connect(server, Scripted.OPTIONS.withDebug(2));
            assertEquals(2, m.debug());
            m.debug(5);
            assertEquals(5, m.debug());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void statusTextEndingInBracesIsNotALiteral() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH + """
                C: {tag} NOOP
                S: * OK [ALERT] quota at {5}
                S: {tag} OK NOOP completed {7}
                C: {tag} NOOP
                S: {tag} OK second
                """)) {
            Imap4 m = Scripted.connect(server);
            assertEquals(List.of("NOOP completed {7}"), m.noop().texts());
            assertEquals(List.of("second"), m.noop().texts(), "nothing was read as literal bytes");
            m.shutdown();
            server.verify();
        }
    }
}
