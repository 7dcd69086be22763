package dev.imap4.client.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4Exception;
import dev.imap4.client.scripted.Transcript;
import dev.imap4.client.types.ListEntry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Gmail's legacy XLIST: LIST entries with role attributes, read as RFC 6154 special uses. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class QuirkGmailXlistTest {

    // Gmail in French: the inbox listed under its localised name, roles under Gmail's own names
    @Test
    void xlistRolesReadAsSpecialUses() {
        Replay r = Replay.start(Transcript.parse("""
                S: * PREAUTH [CAPABILITY IMAP4rev1 UIDPLUS XLIST X-GM-EXT-1] Gimap ready
                C: {tag} XLIST "" "*"
                S: * XLIST (\\HasNoChildren \\Inbox) "/" "Bo&AO4-te de r&AOk-ception"
                S: * XLIST (\\Noselect \\HasChildren) "/" "[Gmail]"
                S: * XLIST (\\HasNoChildren \\AllMail) "/" "[Gmail]/Tous les messages"
                S: * XLIST (\\HasNoChildren \\Drafts) "/" "[Gmail]/Brouillons"
                S: * XLIST (\\HasNoChildren \\Important) "/" "[Gmail]/Important"
                S: * XLIST (\\HasNoChildren \\Sent) "/" "[Gmail]/Messages envoy&AOk-s"
                S: * XLIST (\\HasNoChildren \\Spam) "/" "[Gmail]/Spam"
                S: * XLIST (\\HasNoChildren \\Starred) "/" "[Gmail]/Suivis"
                S: * XLIST (\\HasNoChildren \\Trash) "/" "[Gmail]/Corbeille"
                S: * XLIST (\\HasNoChildren) "/" "Re&AOc-us"
                S: {tag} OK XLIST completed (Success)
                C: {tag} NOOP
                S: {tag} OK Success
                !close
                """));
        List<ListEntry> all = r.client().xlist("", "*");
        assertEquals(10, all.size());

        ListEntry inbox = all.get(0);
        assertEquals("INBOX", inbox.name());
        assertEquals("INBOX", inbox.rawName(), "the name that selects it, not the localised one");
        assertTrue(inbox.hasAttribute("\\Inbox"));
        assertEquals(null, inbox.specialUse());

        assertFalse(all.get(1).isSelectable());
        assertEquals(Set.of("\\HasNoChildren", "\\All"), all.get(2).attributes());
        assertEquals("\\All", all.get(2).specialUse());
        assertEquals("[Gmail]/Tous les messages", all.get(2).rawName());
        assertEquals("\\Drafts", all.get(3).specialUse());
        assertEquals(Set.of("\\HasNoChildren", "\\Important"), all.get(4).attributes());
        assertEquals(null, all.get(4).specialUse());
        assertEquals("\\Sent", all.get(5).specialUse());
        assertEquals("[Gmail]/Messages envoyés", all.get(5).name());
        assertEquals("\\Junk", all.get(6).specialUse());
        assertEquals("\\Flagged", all.get(7).specialUse());
        assertEquals("\\Trash", all.get(8).specialUse());
        assertEquals("Reçus", all.get(9).name());
        assertEquals(null, all.get(9).specialUse());
        r.noopStillWorks();
    }

    @Test
    void xlistIsRefusedBeforeSendingWithoutXlist() {
        Replay r = Replay.start(Transcript.parse("""
                S: * PREAUTH [CAPABILITY IMAP4rev1 SPECIAL-USE] ready
                C: {tag} NOOP
                S: {tag} OK done
                !close
                """));
        Imap4Exception e = assertThrows(Imap4Exception.class, () -> r.client().xlist("", "*"));
        assertTrue(e.getMessage().contains("XLIST"), e.getMessage());
        r.noopStillWorks();
    }

    // XLIST is LIST's sibling: not before login, whatever the server offers
    @Test
    void xlistIsRefusedBeforeLogin() {
        Replay r = Replay.start(Transcript.parse("""
                S: * OK [CAPABILITY IMAP4rev1 XLIST AUTH=PLAIN] Gimap ready
                C: {tag} NOOP
                S: {tag} OK Success
                !close
                """));
        Imap4Exception e = assertThrows(Imap4Exception.class, () -> r.client().xlist("", "*"));
        assertTrue(e.getMessage().contains("illegal in state NONAUTH"), e.getMessage());
        r.noopStillWorks();
    }

    // a hostile or broken XLIST line is a protocol error naming LIST's grammar, never a half entry
    @Test
    void aMalformedXlistLineIsAProtocolError() {
        Replay r = Replay.start(Transcript.parse("""
                S: * PREAUTH [CAPABILITY IMAP4rev1 XLIST] ready
                C: {tag} XLIST "" "*"
                S: * XLIST \\Inbox "/" INBOX
                S: {tag} OK done
                !close
                """));
        r.assertProtocolError("mbx-list-flags", () -> r.client().xlist("", "*"));
    }
}
