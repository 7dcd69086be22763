package dev.imap4.client.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.ImapResult;
import dev.imap4.client.UntaggedResponse;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.BodyStructure;
import dev.imap4.client.types.ListEntry;
import dev.imap4.client.types.MailboxState;
import dev.imap4.client.types.MailboxStatus;
import dev.imap4.client.types.NumberSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exchange and Office 365 quirks, replayed through the engine and the typed API. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class QuirkExchangeTest {

    private static BodyStructure bodyOfUid5(Replay r) {
        r.client().select("INBOX");
        return r.uidFetch(NumberSet.uids(5), FetchItems.of().withBodyStructure()).get(0).bodyStructure();
    }

    // Exchange: "* OK[UIDNEXT 51]" and "A1 OK[READ-WRITE]", no space before the response code
    @Test
    void responseCodeGluedToTheStatusWordIsRead() {
        Replay r = Replay.start("exchange/status-word-glued-to-code");
        MailboxState st = r.client().select("INBOX");

        assertEquals(42, st.exists());
        assertEquals(14, st.uidValidity());
        assertEquals(51, st.uidNext());
        assertEquals(6, st.permanentFlags().size());
        assertFalse(st.readOnly());
        r.noopStillWorks();
    }

    // Exchange: the same glued codes through the raw API, which keeps them by name as imaplib does
    @Test
    void rawApiKeepsResponseCodesGluedToTheStatusWord() {
        Replay r = Replay.start("exchange/status-word-glued-to-code");
        ImapResult selected = r.raw().select("INBOX");

        assertEquals(List.of("42"), selected.texts());
        assertEquals(List.of("14"), r.raw().response("UIDVALIDITY").texts());
        assertEquals(List.of("51"), r.raw().response("UIDNEXT").texts());
        assertEquals("OK", r.raw().noop().type());
        r.assertDone();
    }

    // Exchange: "* [UIDNEXT 51] ..." with no status word is read as an untagged OK
    @Test
    void responseCodeWithoutStatusWordIsAnUntaggedOk() {
        Replay r = Replay.start("exchange/code-without-status");
        MailboxState st = r.client().select("INBOX");

        assertEquals(14, st.uidValidity());
        assertEquals(51, st.uidNext());
        r.noopStillWorks();
    }

    // Exchange: bare folder names holding control characters are read to the end of the name
    @Test
    void unquotedFolderNamesKeepTheirControlCharacters() {
        Replay r = Replay.start("exchange/list-control-characters");
        List<ListEntry> boxes = r.client().list("", "*");

        assertEquals(List.of("INBOX", "Tab\tFolder", "Bell\u0007Folder", "Archive"),
                boxes.stream().map(ListEntry::name).toList());
        assertTrue(boxes.get(3).hasAttribute("\\HasChildren"));
        r.noopStillWorks();
    }

    // Exchange: "inline" where the disposition list belongs
    @Test
    void bareDispositionStringIsTheDispositionType() {
        Replay r = Replay.start("exchange/inline-disposition");
        BodyStructure body = bodyOfUid5(r);

        assertEquals("inline", body.dispositionType());
        assertEquals(Map.of(), body.disposition().params());
        assertEquals(22, body.size());
        r.noopStillWorks();
    }

    // Exchange / Office 365: a part with NIL in every field
    @Test
    void allNilPartIsAnUnknownBinaryPart() {
        Replay r = Replay.start("exchange/all-nil-part");
        BodyStructure root = bodyOfUid5(r);

        assertEquals(2, root.parts().size());
        BodyStructure unknown = root.parts().get(1);
        assertEquals("application/octet-stream", unknown.mimeType());
        assertEquals("2", unknown.partNumber());
        assertEquals(-1, unknown.size());
        assertEquals("7BIT", unknown.encoding());
        assertEquals(Map.of(), unknown.params());
        r.noopStillWorks();
    }

    // Exchange: body-fld-enc NIL (the RFC 2045 default applies) and "BASE64 " with a trailing space
    @Test
    void nilAndPaddedEncodingsAreNormalised() {
        Replay r = Replay.start("exchange/encoding-nil-and-trailing-space");
        BodyStructure root = bodyOfUid5(r);

        assertEquals("7BIT", root.parts().get(0).encoding());
        assertEquals("BASE64", root.parts().get(1).encoding());
        assertEquals("a.pdf", root.parts().get(1).filename());
        r.noopStillWorks();
    }

    // Exchange: "[COPYUID 1234  ]" with empty sets; the copy succeeded, the mapping is unknown (null)
    @Test
    void copyUidWithEmptySetsIsNoCopyUid() {
        Replay r = Replay.start("exchange/copyuid-empty-sets");
        r.client().select("INBOX");

        assertNull(r.client().uidCopy(NumberSet.uids(4, 5, 6), "Archive"));
        r.noopStillWorks();
    }

    // Exchange: the same empty COPYUID, untagged, during UID MOVE
    @Test
    void moveWithEmptyCopyUidStillMoves() {
        Replay r = Replay.start("exchange/move-copyuid-empty-sets");
        r.client().select("INBOX");
        ImapClient.MoveResult moved = r.client().uidMove(NumberSet.uids(4), "Archive");

        assertNull(moved.copyUid());
        assertTrue(moved.expunged());
        r.noopStillWorks();
    }

    // Exchange / Office 365: NAMESPACE advertised but answered BAD; a command error, not an abort
    @Test
    void namespaceAnsweredBadIsACommandError() {
        Replay r = Replay.start("exchange/namespace-bad");
        Imap4CommandException e = assertThrows(Imap4CommandException.class,
                () -> r.client().extensions().namespace());

        assertEquals("BAD", e.status());
        assertEquals("NAMESPACE", e.verb());
        assertTrue(e.text().contains("Command Argument Error"), e.text());
        r.noopStillWorks();
    }

    // Exchange / Office 365: the raw API raises imaplib's error for BAD, and the connection stays usable
    @Test
    void namespaceAnsweredBadRaisesInTheRawApi() {
        Replay r = Replay.start("exchange/namespace-bad");
        Imap4Exception e = assertThrows(Imap4Exception.class, () -> r.raw().namespace());

        assertFalse(e instanceof Imap4AbortException, "BAD is no abort");
        assertTrue(e.getMessage().startsWith("NAMESPACE command error: BAD"), e.getMessage());
        assertEquals("OK", r.raw().noop().type());
        r.assertDone();
    }

    // Exchange: trailing spaces inside and after the STATUS list
    @Test
    void statusWithTrailingSpacesIsRead() {
        Replay r = Replay.start("exchange/status-trailing-space");
        MailboxStatus st = r.client().status("INBOX", "MESSAGES", "UNSEEN");

        assertEquals("INBOX", st.mailbox());
        assertEquals(3L, st.messages());
        assertEquals(1L, st.unseen());
        r.noopStillWorks();
    }

    // Exchange: EXPUNGE and FETCH for messages never announced go to the listener, unjudged
    @Test
    void unannouncedSequenceNumbersAreDeliveredWithoutCrashing() {
        Replay r = Replay.start("exchange/unannounced-sequence-numbers");
        List<UntaggedResponse> unsolicited = new ArrayList<>();
        r.client().addUnsolicitedListener(unsolicited::add);
        assertEquals(3, r.client().select("INBOX").exists());
        r.client().noop();

        assertEquals(List.of("EXPUNGE 7", "FETCH 9"),
                unsolicited.stream().map(u -> u.name() + " " + u.number()).toList());
        r.noopStillWorks();
    }
}
