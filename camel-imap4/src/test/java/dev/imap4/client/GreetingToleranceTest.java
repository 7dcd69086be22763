package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.ImapState;
import dev.imap4.testing.InMemoryTransport;
import dev.imap4.testing.TransportImap4;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A PREAUTH greeting after untagged OKs (Courier-IMAP without FAM/Gamin), when the server sends it
 * together with them: it is read before the first command, and only within its bounds.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class GreetingToleranceTest {

    private static final String CAPS_OK = "* OK [CAPABILITY IMAP4rev1 IDLE] Courier-IMAP starting\r\n";
    private static final String ALERT = "* OK [ALERT] Filesystem notification initialization error -- contact your"
            + " mail administrator (check for configuration errors with the FAM/Gamin library)\r\n";

    /**
     * Serves {@code burst} as fast as the client reads it, then end of stream; records what the client
     * sends. Not a transcript: the point is that all of it is there for the client's first read,
     * before it has sent anything, which a transcript (a line at a time, in step with the client)
     * does not guarantee.
     */
    private static final class Burst extends InMemoryTransport {
        private final byte[] data;
        private int pos;
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();

        Burst(String burst) {
            this.data = burst.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected int serve(byte[] b, int off, int len) {
            if (pos == data.length) {
                return -1;
            }
            int n = Math.min(len, data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        protected void received(byte b) {
            sent.write(b);
        }
    }

    @Test
    void preauthSentWithTheAlertIsTheGreeting() {
        Burst t = new Burst(CAPS_OK + ALERT + "* PREAUTH Ready.\r\n");
        List<UntaggedResponse> heard = new ArrayList<>();
        TransportImap4 imap = new TransportImap4(t, Imap4Options.defaults(), heard::add);

        assertEquals("AUTH", imap.state());
        assertEquals(ImapState.AUTH, imap.client().state());
        assertTrue(imap.welcome().contains("PREAUTH Ready."), imap.welcome());
        assertEquals(0, t.sent.size(), "nothing sent: the capabilities came with the first line");
        assertEquals(List.of("OK", "OK", "PREAUTH"), heard.stream().map(UntaggedResponse::name).toList());
        // the ALERT line as it was read, then the OK first taken for the greeting, then the greeting
        assertEquals("ALERT", heard.get(0).status().code());
        assertEquals("CAPABILITY", heard.get(1).status().code());
        assertTrue(heard.get(0).status().text().startsWith("Filesystem notification initialization error"));
        assertEquals(List.of(""), imap.response("ALERT").texts(), "kept by code, as imaplib keeps it");
        imap.shutdown();
    }

    @Test
    void preauthAfterTooManyLinesIsNotAGreeting() {
        Burst t = new Burst(CAPS_OK + ALERT.repeat(8) + "* PREAUTH Ready.\r\n");
        TransportImap4 imap = new TransportImap4(t, Imap4Options.defaults());
        assertEquals(ImapState.AUTH, new TransportImap4(new Burst(CAPS_OK + ALERT.repeat(7) + "* PREAUTH Ready.\r\n"),
                Imap4Options.defaults()).client().state(), "seven OKs, then the PREAUTH: still the greeting");

        assertEquals(ImapState.NONAUTH, imap.client().state());
        assertTrue(imap.welcome().contains("Courier-IMAP starting"), imap.welcome());
        imap.shutdown();
    }

    @Test
    void preauthAfterOtherDataIsNotAGreeting() {
        Burst t = new Burst(CAPS_OK + "* CAPABILITY IMAP4rev1 IDLE\r\n* PREAUTH Ready.\r\n");
        TransportImap4 imap = new TransportImap4(t, Imap4Options.defaults());
        assertEquals(ImapState.AUTH, new TransportImap4(new Burst(CAPS_OK + "* PREAUTH Ready.\r\n"),
                Imap4Options.defaults()).client().state(), "right after the OK: the greeting");

        assertEquals(ImapState.NONAUTH, imap.client().state());
        imap.shutdown();
    }

    @Test
    void byeAfterTheAlertRefusesTheConnection() {
        Burst t = new Burst(CAPS_OK + ALERT + "* BYE Too many connections\r\n");
        Imap4AbortException e = assertThrows(Imap4AbortException.class,
                () -> new TransportImap4(t, Imap4Options.defaults()));
        assertTrue(e.getMessage().contains("Too many connections"), e.getMessage());
        assertTrue(t.isClosed(), "connection closed");
    }
}
