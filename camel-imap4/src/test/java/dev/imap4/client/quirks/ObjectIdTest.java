package dev.imap4.client.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.imap4.client.scripted.Transcript;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.MailboxState;
import dev.imap4.client.types.MailboxStatus;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.ObjectId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8474 OBJECTID as Cyrus 3.6 sends it: MAILBOXID on SELECT and STATUS, EMAILID and THREADID on FETCH. */
@Timeout(20)
class ObjectIdTest {

    @Test
    void mailboxEmailAndThreadIdsAreTyped() {
        Replay r = Replay.start(Transcript.parse("""
                S: * PREAUTH [CAPABILITY IMAP4rev1 OBJECTID CONDSTORE] ready
                C: {tag} SELECT INBOX (CONDSTORE)
                S: * 2 EXISTS
                S: * OK [UIDVALIDITY 1700000000] Ok
                S: * OK [MAILBOXID (F2212ea87-6097-4256-9d51-71338625)] Ok
                S: {tag} OK [READ-WRITE] Completed
                C: {tag} UID FETCH 1:2 (UID EMAILID THREADID)
                S: * 1 FETCH (UID 1 EMAILID (M6d99ac3275bb4e) THREADID (T64b478a75b7ea9))
                S: * 2 FETCH (UID 2 EMAILID (M5fdc09b49ea703) THREADID NIL)
                S: {tag} OK Completed
                C: {tag} STATUS Archive (MESSAGES MAILBOXID)
                S: * STATUS Archive (MESSAGES 3 MAILBOXID (F1c6d8c3a-1234))
                S: {tag} OK Completed
                C: {tag} NOOP
                S: {tag} OK Completed
                !close
                """));
        MailboxState st = r.client().select("INBOX");
        assertEquals("F2212ea87-6097-4256-9d51-71338625", st.mailboxId());
        List<FetchResponse> got = r.uidFetch(NumberSet.uidRange(1, 2), FetchItems.of().withEmailId().withThreadId());
        assertEquals("M6d99ac3275bb4e", got.get(0).emailId());
        assertEquals("T64b478a75b7ea9", got.get(0).threadId());
        assertEquals("M5fdc09b49ea703", got.get(1).emailId());
        assertNull(got.get(1).threadId(), "NIL: in no thread");
        MailboxStatus status = r.client().status("Archive", "MESSAGES", "MAILBOXID");
        assertEquals("F1c6d8c3a-1234", status.mailboxId());
        assertEquals(3L, status.messages());
        r.noopStillWorks();
    }

    @Test
    void absentIdsAreNull() {
        FetchResponse plain = new FetchResponse(1, 4L, List.of(), null, null, null, null, null, null, null);
        assertNull(plain.emailId());
        assertNull(plain.threadId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"M1", "(M1", "()", "(M 1)", "(M1\r\n)", "(M1)x", "(\"M1\")", "(M/1)"})
    void aMalformedIdIsRefusedWithItsGrammar(String wire) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ObjectId.parse(wire));
        assertEquals(true, e.getMessage().contains("objectid") || e.getMessage().contains("object id"), e.getMessage());
    }

    @Test
    void anIdOfMoreThan255CharactersIsRefused() {
        assertEquals("a".repeat(255), ObjectId.parse("(" + "a".repeat(255) + ")"));
        assertThrows(IllegalArgumentException.class, () -> ObjectId.parse("(" + "a".repeat(256) + ")"));
    }
}
