package dev.imap4.client.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.imap4.client.Imap4;
import dev.imap4.client.ImapResult;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SELECT/EXAMINE, response codes and the selected-state commands of the raw API against GreenMail. */
class GreenMailSelectedTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = LiveMail.imapServer();

    @RegisterExtension
    final LiveMail live = new LiveMail(MAIL);

    private static final List<String> NONE = Arrays.asList((String) null);

    /** An account with {@code n} messages, its INBOX selected. */
    private Imap4 inboxWith(int n) {
        LiveMail.Account a = live.account();
        for (int i = 1; i <= n; i++) {
            live.deliver(a, "ann@example.org", "message " + i, "body " + i);
        }
        return live.selectInbox(a);
    }

    @Test
    void selectReturnsTheMessageCount() {
        LiveMail.Account a = live.account();
        live.deliverSubjects(a, "one", "two");
        Imap4 m = live.login(a);
        ImapResult r = m.select();
        assertEquals("OK", r.type());
        assertEquals(List.of("2"), r.texts());
        assertEquals("SELECTED", m.state());
    }

    @Test
    void readonlySelectUsesExamine() {
        LiveMail.Account a = live.account();
        live.deliverSubjects(a, "one");
        Imap4 m = live.login(a);
        assertEquals(List.of("1"), m.select("INBOX", true).texts());
        assertEquals(List.of(""), m.response("READ-ONLY").texts(), "EXAMINE answers OK [READ-ONLY]");
        ImapResult store = m.store("1", "+FLAGS", "\\Deleted");
        assertEquals("NO", store.type());
        assertEquals(List.of("STORE failed. Mailbox selected read only."), store.texts());
    }

    @Test
    void selectOfMissingMailboxReturnsNoAndLeavesTheSelectedState() {
        Imap4 m = inboxWith(0);
        ImapResult r = m.select("nosuch");
        assertEquals("NO", r.type());
        assertEquals(List.of("SELECT failed. No such mailbox"), r.texts());
        assertEquals("AUTH", m.state());
    }

    @Test
    void responseReturnsUidValidityOnce() {
        Imap4 m = inboxWith(1);
        ImapResult first = m.response("uidvalidity");
        assertEquals("UIDVALIDITY", first.type());
        assertTrue(first.firstText().matches("\\d+"), first.firstText());
        assertEquals(NONE, m.response("UIDVALIDITY").texts(), "response() pops what it returns");
    }

    @Test
    void responseKeepsEveryUntaggedResponseOfSelect() {
        Imap4 m = inboxWith(2);
        assertEquals(List.of("2"), m.response("EXISTS").texts());
        assertEquals(List.of("(\\Answered \\Deleted \\Draft \\Flagged \\Seen)"), m.response("FLAGS").texts());
        assertEquals(List.of("3"), m.response("UIDNEXT").texts());
        assertEquals(List.of(""), m.response("READ-WRITE").texts());
    }

    @Test
    void responseOfACodeThatNeverCameIsNone() {
        ImapResult r = inboxWith(0).response("ALERT");
        assertEquals("ALERT", r.type());
        assertEquals(NONE, r.texts());
    }

    @Test
    void checkReturnsOk() {
        ImapResult r = inboxWith(0).check();
        assertEquals("OK", r.type());
        assertEquals(List.of("CHECK completed."), r.texts());
    }

    @Test
    void closeExpungesDeletedMessagesAndReturnsToAuth() {
        Imap4 m = inboxWith(2);
        m.store("1", "+FLAGS", "\\Deleted");
        assertEquals(List.of("CLOSE completed."), m.close().texts());
        assertEquals("AUTH", m.state());
        assertEquals(List.of("1"), m.select().texts());
    }

    @Test
    void copyReportsCopyUid() {
        Imap4 m = inboxWith(2);
        m.create("Archive");
        ImapResult r = m.copy("2", "Archive");
        assertEquals("OK", r.type());
        String copyUid = m.response("COPYUID").firstText();
        assertTrue(copyUid.matches("\\d+ 2 1"), copyUid);
        assertTrue(r.firstText().startsWith("[COPYUID " + copyUid + "] COPY completed."), r.firstText());
    }

    @Test
    void expungeReturnsTheExpungedNumbersInTheOrderReceived() {
        Imap4 m = inboxWith(4);
        m.store("2,4", "+FLAGS.SILENT", "(\\Deleted)");
        ImapResult r = m.expunge();
        assertEquals("OK", r.type());
        assertEquals(List.of("4", "2"), r.texts());
    }

    @Test
    void expungeWithNothingDeletedReturnsNone() {
        assertEquals(NONE, inboxWith(1).expunge().texts());
    }

    @Test
    void storeWrapsFlagsAndReturnsTheFetchData() {
        ImapResult r = inboxWith(1).store("1", "+FLAGS", "\\Deleted");
        assertEquals("OK", r.type());
        assertEquals(List.of("1 (FLAGS (\\Deleted))"), r.texts());
    }

    @Test
    void silentStoreReturnsNone() {
        ImapResult r = inboxWith(1).store("1", "+FLAGS.SILENT", "(\\Seen)");
        assertEquals("OK", r.type());
        assertEquals(NONE, r.texts());
    }

    @Test
    void recentAfterSelectGivesTheRecentCountOfSelect() {
        assertEquals(List.of("2"), inboxWith(2).recent().texts());
    }

    @Test
    void recentWithoutNewMailIsNone() {
        Imap4 m = inboxWith(1);
        m.recent();
        ImapResult r = m.recent();
        assertEquals("OK", r.type());
        assertEquals(NONE, r.texts());
    }

    @Test
    void recentReportsMailDeliveredWhileSelected() {
        LiveMail.Account a = live.account();
        live.deliverSubjects(a, "one");
        Imap4 m = live.selectInbox(a);
        m.recent();
        live.deliverSubjects(a, "two");
        assertEquals(List.of("1"), m.recent().texts());
        assertEquals(List.of("1", "2"), m.response("EXISTS").texts(), "kept since SELECT, as imaplib keeps them");
    }
}
