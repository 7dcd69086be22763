package dev.imap4.client.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.ImapClient;
import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.types.MailboxState;
import dev.imap4.testing.TransportImap4;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What the fuzzers found, one test per bug, each with the smallest server bytes that showed it.
 * The raw findings stay under {@code ResponseFuzzTestInputs/<method>/} as Jazzer regression seeds.
 */
class FuzzFindingsTest {

    private static final String PREAUTH = "* PREAUTH [CAPABILITY IMAP4rev1 UIDPLUS] ready\r\n";

    private static ImapClient client(String server) {
        FuzzedServerTransport t = new FuzzedServerTransport(server.getBytes(StandardCharsets.ISO_8859_1));
        return new TransportImap4(t, FuzzedSession.LIMITS).client();
    }

    /** A numbered OK ("* 0 OK [READ-WRITE]") has no parsed status: SELECT read it as one (NullPointerException). */
    @Test
    void aNumberedOkDuringSelectIsLeftToTheListeners() {
        ImapClient c = client(PREAUTH + "* 2 EXISTS\r\n* 0 OK [READ-WRITE] odd\r\n{tag} OK [READ-WRITE] done\r\n");
        MailboxState st = c.select("INBOX");
        assertEquals(2, st.exists());
        assertTrue(c.isConnected());
    }
}
