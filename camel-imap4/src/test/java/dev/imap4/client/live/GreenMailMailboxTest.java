package dev.imap4.client.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.imap4.client.Imap4;
import dev.imap4.client.ImapResult;
import dev.imap4.client.QuotaRootResult;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mailbox-level commands of the raw API against GreenMail, in the authenticated state. */
class GreenMailMailboxTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = LiveMail.imapServer();

    @RegisterExtension
    final LiveMail live = new LiveMail(MAIL);

    private static final byte[] MESSAGE = "Subject: appended\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);

    private Imap4 loggedIn() {
        return live.login(live.account());
    }

    @Test
    void listWithDefaultsListsEveryMailbox() {
        Imap4 m = loggedIn();
        m.create("Archive");
        ImapResult r = m.list();
        assertEquals("OK", r.type());
        assertEquals(List.of("() \".\" \"INBOX\"", "() \".\" \"Archive\""), r.texts());
    }

    @Test
    void listWithPatternListsOnlyMatches() {
        Imap4 m = loggedIn();
        m.create("Archive");
        m.create("Archive.2024");
        m.create("Drafts");
        assertEquals(List.of("() \".\" \"Archive\"", "() \".\" \"Archive.2024\""), m.list("\"\"", "Arch*").texts());
        assertEquals(List.of("() \".\" \"Archive.2024\""), m.list("Archive.", "%").texts());
    }

    @Test
    void createReturnsOk() {
        ImapResult r = loggedIn().create("Projects");
        assertEquals("OK", r.type());
        assertEquals(List.of("CREATE completed."), r.texts());
    }

    @Test
    void deleteRemovesTheMailbox() {
        Imap4 m = loggedIn();
        m.create("Old");
        assertEquals("OK", m.delete("Old").type());
        assertEquals(Arrays.asList((String) null), m.list("\"\"", "Old").texts());
    }

    @Test
    void deleteOfMissingMailboxReturnsNo() {
        ImapResult r = loggedIn().delete("nosuch");
        assertEquals("NO", r.type());
        assertEquals(List.of("DELETE failed. No such folder : nosuch"), r.texts());
    }

    @Test
    void renameMovesTheMailbox() {
        Imap4 m = loggedIn();
        m.create("Before");
        assertEquals("OK", m.rename("Before", "After").type());
        assertEquals(List.of("() \".\" \"INBOX\"", "() \".\" \"After\""), m.list().texts());
    }

    @Test
    void listWithWildcardBeforeTheEndReturnsNo() {
        // GreenMail quirk: '*' and '%' are only understood as the last character of the pattern
        ImapResult r = loggedIn().list("\"\"", "*BOX");
        assertEquals("NO", r.type());
        assertTrue(r.firstText().endsWith("are only handled as the last character of a list argument"), r.firstText());
    }

    @Test
    void subscribeMakesLsubListTheMailbox() {
        Imap4 m = loggedIn();
        m.create("News");
        assertEquals("OK", m.subscribe("News").type());
        assertEquals(List.of("() \".\" \"News\""), m.lsub().texts());
        assertEquals(List.of("() \".\" \"News\""), m.lsub("\"\"", "N*").texts());
    }

    @Test
    void unsubscribeEmptiesLsub() {
        Imap4 m = loggedIn();
        m.create("News");
        m.subscribe("News");
        assertEquals("OK", m.unsubscribe("News").type());
        assertEquals(Arrays.asList((String) null), m.lsub().texts());
    }

    @Test
    void statusReportsTheRequestedItems() {
        LiveMail.Account a = live.account();
        live.deliverSubjects(a, "one", "two");
        ImapResult r = live.login(a).status("INBOX", "(MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN)");
        assertEquals("OK", r.type());
        assertTrue(r.firstText().matches("\"INBOX\" \\(MESSAGES 2 RECENT 2 UIDNEXT 3 UIDVALIDITY \\d+ UNSEEN 2\\)"),
                r.firstText());
    }

    @Test
    void appendStoresFlagsAndDateAndReportsAppendUid() {
        Imap4 m = loggedIn();
        m.create("Sent");
        ZonedDateTime date = ZonedDateTime.of(2020, 1, 2, 10, 0, 0, 0, ZoneOffset.ofHours(1));
        ImapResult r = m.append("Sent", "(\\Seen \\Flagged)", date, MESSAGE);
        assertEquals("OK", r.type());
        String appendUid = m.response("APPENDUID").firstText();
        assertTrue(appendUid.matches("\\d+ 1"), appendUid);
        m.select("Sent");
        // GreenMail reports INTERNALDATE in UTC: 10:00 +0100 is 09:00 +0000
        assertEquals(List.of("1 (FLAGS (\\Flagged \\Seen) INTERNALDATE \"02-Jan-2020 09:00:00 +0000\")"),
                m.fetch("1", "(FLAGS INTERNALDATE)").texts());
    }

    @Test
    void appendWrapsBareFlagsInParentheses() {
        Imap4 m = loggedIn();
        assertEquals("OK", m.append("INBOX", "\\Draft", null, MESSAGE).type());
        m.select();
        assertEquals(List.of("1 (FLAGS (\\Draft))"), m.fetch("1", "(FLAGS)").texts());
    }

    @Test
    void appendToMissingMailboxReturnsNoWithTryCreate() {
        Imap4 m = loggedIn();
        ImapResult r = m.append("nosuch", null, null, MESSAGE);
        assertEquals("NO", r.type());
        assertEquals(List.of("[TRYCREATE] APPEND failed. No such folder : nosuch"), r.texts());
        assertEquals(List.of(""), m.response("TRYCREATE").texts(), "a code without data is kept as an empty item");
    }

    @Test
    void getquotaOfUnknownRootReturnsNo() {
        ImapResult r = loggedIn().getquota("\"\"");
        assertEquals("NO", r.type());
        assertEquals(List.of("GETQUOTA failed. No such quota root: "), r.texts());
    }

    @Test
    void setquotaThenGetquotaReportsTheLimit() {
        Imap4 m = loggedIn();
        ImapResult set = m.setquota("\"\"", "(STORAGE 512)");
        assertEquals("OK", set.type());
        assertEquals(Arrays.asList((String) null), set.texts(), "GreenMail sends no QUOTA data with SETQUOTA");
        assertEquals(List.of("\"\" (STORAGE 0 512)"), m.getquota("\"\"").texts());
    }

    @Test
    void getquotarootGivesRootsAndQuotas() {
        Imap4 m = loggedIn();
        m.setquota("\"\"", "(STORAGE 512)");
        QuotaRootResult r = m.getquotaroot("INBOX");
        assertEquals("OK", r.type());
        assertEquals(List.of("\"INBOX\" \"\""), r.quotaRoot().stream().map(Object::toString).toList());
        assertEquals(List.of("\"\" (STORAGE 0 512)"), r.quota().stream().map(Object::toString).toList());
    }

    @Test
    void getquotarootWithoutQuotaHasNoQuotaData() {
        QuotaRootResult r = loggedIn().getquotaroot("INBOX");
        assertEquals("OK", r.type());
        assertEquals(List.of("\"INBOX\""), r.quotaRoot().stream().map(Object::toString).toList());
        assertEquals(Arrays.asList((Object) null), r.quota());
    }
}
