package dev.imap4.client.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.wire.BytesResponseSource;
import dev.imap4.client.internal.wire.ImapInput;
import org.junit.jupiter.api.Test;

/** Response codes where RFC 3501 does not put them, read only where their meaning is unambiguous. */
class StatusToleranceTest {

    /** The resp-text of {@code NO <text>}. */
    private static StatusResponse no(String text) {
        ImapInput in = BytesResponseSource.input("A1 NO " + text);
        in.atom();
        in.sp();
        String status = StatusParser.responseName(in);
        return StatusParser.parse("A1", status, in);
    }

    @Test
    void codeAfterTheCommandNameIsRead() {
        StatusResponse st = no("UID COPY [TRYCREATE] failed");
        assertEquals("TRYCREATE", st.code());
        assertNull(st.codeData());
        assertEquals("UID COPY [TRYCREATE] failed", st.text());
        assertEquals("TRYCREATE", no("COPY [trycreate] Mailbox does not exist").code());
        assertEquals("READ-ONLY", no("SELECT [READ-ONLY] Completed").code());
        assertEquals("OVERQUOTA", no("APPEND [OVERQUOTA]").code());
        assertEquals("TRYCREATE", no("[TRYCREATE] failed").code(), "the code in its place, as before");
    }

    @Test
    void bracketsElsewhereInTheTextAreText() {
        assertEquals("TRYCREATE", no("UID MOVE [TRYCREATE]").code());
        // a quoted or otherwise echoed name, more than a command name's words, an unknown name
        assertNull(no("Mailbox \"[TRYCREATE]\" missing").code());
        assertNull(no("Can't open [TRYCREATE] now").code());
        assertNull(no("Mailbox [Archive] does not exist").code());
        assertNull(no("one two three four [TRYCREATE]").code());
        assertNull(no("UID COPY [] failed").code());
        assertNull(no("UID COPY [ TRYCREATE] failed").code());
        // codes with data, or that change what the client believes, never come from the text
        assertNull(no("UID COPY [TRYCREATE now] failed").code());
        assertNull(no("LOGIN [CAPABILITY IMAP4rev1 AUTH=PLAIN] done").code());
        assertNull(no("UID COPY [COPYUID 1 2 3] done").code());
        assertNull(no("UID COPY [TRYCREATE failed").code());
        assertEquals("Mailbox [Archive] does not exist", no("Mailbox [Archive] does not exist").text());
    }

    @Test
    void aRegisteredCodeAloneOnALineIsAStatusResponse() {
        assertTrue(ahead("[COPYUID 55 31 6]"));
        assertTrue(ahead("[UIDNEXT 51] predicted"));
        assertTrue(ahead("[ALERT] maintenance"));
        assertFalse(ahead("[X-UNKNOWN 1]"), "an unregistered name");
        assertFalse(ahead("[COPYUID 55 31 6"), "no closing bracket");
        assertFalse(ahead("[]"));
        assertFalse(ahead("A1 OK done"));
        assertFalse(ahead("(1 2)"));
    }

    private static boolean ahead(String line) {
        ImapInput in = BytesResponseSource.input(line);
        boolean ahead = StatusParser.registeredCodeAhead(in);
        assertEquals(0, in.position(), "nothing consumed");
        return ahead;
    }
}
