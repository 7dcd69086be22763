package dev.imap4.client.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapResult;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * UID commands and XATOM of the raw API against GreenMail. As in imaplib, {@code uid()} returns the
 * SEARCH or SORT data for those commands and the FETCH data for all others, so the results of
 * UID COPY, MOVE and EXPUNGE are read with {@code response()}.
 */
class GreenMailUidTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = LiveMail.imapServer();

    @RegisterExtension
    final LiveMail live = new LiveMail(MAIL);

    private static final List<String> NONE = Arrays.asList((String) null);

    /** Three messages with UIDs 1..3 ("charlie", "alpha", "bravo"), a mailbox "Archive", INBOX selected. */
    private Imap4 mailbox() {
        LiveMail.Account a = live.account();
        live.deliverSubjects(a, "charlie", "alpha", "bravo");
        Imap4 m = live.login(a);
        m.create("Archive");
        m.select();
        return m;
    }

    @Test
    void uidFetchAddsTheUidToEachResponse() {
        ImapResult r = mailbox().uid("FETCH", "2:*", "(FLAGS)");
        assertEquals("OK", r.type());
        assertEquals(List.of("2 (FLAGS () UID 2)", "3 (FLAGS () UID 3)"), r.texts());
    }

    @Test
    void uidSearchReturnsUids() {
        Imap4 m = mailbox();
        m.store("1", "+FLAGS.SILENT", "(\\Deleted)");
        m.expunge();
        assertEquals(List.of("2 3"), m.uid("SEARCH", "ALL").texts());
        assertEquals(List.of("1 2"), m.search(null, "ALL").texts(), "sequence numbers moved, UIDs did not");
    }

    @Test
    void uidStoreReturnsTheFetchDataWithTheUid() {
        ImapResult r = mailbox().uid("STORE", "3", "+FLAGS", "(\\Flagged)");
        assertEquals(List.of("3 (FLAGS (\\Flagged) UID 3)"), r.texts());
    }

    @Test
    void uidCopyReportsCopyUid() {
        Imap4 m = mailbox();
        ImapResult r = m.uid("COPY", "2", "Archive");
        assertEquals("OK", r.type());
        assertEquals(NONE, r.texts());
        String copyUid = m.response("COPYUID").firstText();
        assertTrue(copyUid.matches("\\d+ 2 1"), copyUid);
    }

    @Test
    void uidMoveReportsCopyUidAndTheExpunge() {
        Imap4 m = mailbox();
        ImapResult r = m.uid("MOVE", "2", "Archive");
        assertEquals("OK", r.type());
        assertTrue(m.response("COPYUID").firstText().matches("\\d+ 2 1"));
        assertEquals(List.of("2"), m.response("EXPUNGE").texts());
        assertEquals(List.of("1 3"), m.uid("SEARCH", "ALL").texts());
    }

    @Test
    void uidExpungeRemovesOnlyTheGivenDeletedUids() {
        Imap4 m = mailbox();
        m.store("1:2", "+FLAGS.SILENT", "(\\Deleted)");
        assertEquals("OK", m.uid("EXPUNGE", "2").type());
        assertEquals(List.of("2"), m.response("EXPUNGE").texts());
        assertEquals(List.of("1 3"), m.uid("SEARCH", "ALL").texts());
    }

    @Test
    void uidSortReturnsUidsInSortOrder() {
        Imap4 m = mailbox();
        m.store("1", "+FLAGS.SILENT", "(\\Deleted)");
        m.expunge();
        assertEquals(List.of("2 3"), m.uid("SORT", "(SUBJECT)", "UTF-8", "ALL").texts());
        assertEquals(List.of("3 2"), m.uid("SORT", "(REVERSE SUBJECT)", "UTF-8", "ALL").texts());
    }

    @Test
    void uidWithUnknownCommandIsRefusedByTheClient() {
        Imap4 m = mailbox();
        Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.uid("FROB", "1"));
        assertEquals("Unknown IMAP4 UID command: FROB", e.getMessage());
    }

    @Test
    void xatomSendsAnAdvertisedExtensionVerb() {
        Imap4 m = mailbox();
        ImapResult r = m.xatom("MOVE", "1", "Archive");
        assertEquals("OK", r.type());
        assertEquals(List.of("MOVE completed."), r.texts());
        assertTrue(m.response("COPYUID").firstText().matches("\\d+ 1 1"));
        assertEquals(List.of("1"), m.response("EXPUNGE").texts());
        assertEquals(List.of("1"), m.select("Archive").texts());
    }
}
