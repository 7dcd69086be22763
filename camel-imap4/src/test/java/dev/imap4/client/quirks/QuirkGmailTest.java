package dev.imap4.client.quirks;

import static dev.imap4.client.quirks.Replay.fetchOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.ImapExtensions;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.BodyStructure;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.MailboxState;
import dev.imap4.client.types.Quota;
import dev.imap4.client.types.QuotaResource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Gmail's quirks, replayed through the engine and the typed API. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class QuirkGmailTest {

    // Gmail: a nested multipart sharing its parent's boundary is sent without children
    @Test
    void nestedMultipartSharingTheBoundaryBecomesAChildlessMultipart() {
        Replay r = Replay.start("gmail/bodystructure-shared-boundary");
        BodyStructure root = fetchOne(r, 41, FetchItems.of().withBodyStructure()).bodyStructure();

        assertEquals("multipart/mixed", root.mimeType());
        assertEquals(2, root.parts().size());
        BodyStructure inner = root.parts().get(0);
        assertEquals("multipart/alternative", inner.mimeType());
        assertEquals(List.of(), inner.parts());
        assertEquals("=_same", inner.param("boundary"));
        assertEquals("1", inner.partNumber());
        BodyStructure html = root.parts().get(1);
        assertEquals("text/html", html.mimeType());
        assertEquals("2", html.partNumber());
        assertEquals(2310, html.size());
        r.noopStillWorks();
    }

    // Gmail: NIL as a body parameter's value reads as an empty value
    @Test
    void nilParameterValueReadsAsEmpty() {
        Replay r = Replay.start("gmail/nil-parameter-value");
        BodyStructure body = fetchOne(r, 8, FetchItems.of().withBodyStructure()).bodyStructure();

        assertEquals("text/plain", body.mimeType());
        assertEquals(Map.of("charset", "", "format", "flowed"), body.params());
        assertEquals(3, body.lines());
        r.noopStillWorks();
    }

    // Gmail: quota figures above 2^32 KiB stay exact (64-bit)
    @Test
    void quotaValuesAbove32BitsAreExact() {
        Replay r = Replay.start("gmail/quota-64bit");
        ImapExtensions.QuotaRootResult q = r.client().extensions().getQuotaRoot("INBOX");

        assertEquals(List.of(""), q.root().roots());
        Quota quota = q.quotas().get(0);
        assertEquals(List.of(new QuotaResource("STORAGE", 9_663_676_416L, 17_179_869_184L)), quota.resources());
        r.noopStillWorks();
    }

    // Gmail: ']' inside keywords, in FLAGS and inside [PERMANENTFLAGS (...)]
    @Test
    void closingBracketInsideKeywordsStaysInTheKeyword() {
        Replay r = Replay.start("gmail/bracket-in-flags");
        MailboxState st = r.client().select("INBOX");

        assertEquals(List.of("\\Answered", "\\Flagged", "\\Draft", "\\Deleted", "\\Seen", "$NotPhishing", "Junk]",
                "NonJunk"), st.flags());
        assertEquals(List.of("\\Answered", "\\Flagged", "\\Draft", "\\Deleted", "\\Seen", "$NotPhishing", "Junk]",
                "NonJunk", "\\*"), st.permanentFlags());
        assertEquals(3, st.uidValidity());
        assertEquals(90, st.uidNext());
        r.noopStillWorks();
    }

    // Gmail: a keyword with a space arrives quoted; it is kept whole, as one flag with its space
    @Test
    void quotedKeywordWithSpaceIsOneFlag() {
        Replay r = Replay.start("gmail/keyword-with-space");
        FetchResponse m = fetchOne(r, 7, FetchItems.of().withFlags());

        assertEquals(List.of("\\Seen", "$Has Space", "$Label1"), m.flags());
        assertTrue(m.hasFlag("$has space"));
        r.noopStillWorks();
    }

    // Gmail: X-GM-MSGID, X-GM-THRID and X-GM-LABELS pass through as wire text in other()
    @Test
    void gmailFetchItemsPassThroughInOther() {
        Replay r = Replay.start("gmail/x-gm-items");
        FetchItems items = FetchItems.of().withItem("X-GM-MSGID").withItem("X-GM-THRID").withItem("X-GM-LABELS");
        FetchResponse m = fetchOne(r, 7, items);

        assertEquals(7L, m.uid());
        assertEquals("1731902234567890125", m.other().get("X-GM-MSGID"));
        assertEquals("1731902234567890123", m.other().get("X-GM-THRID"));
        assertEquals("(\\Inbox \\Important \"Work Stuff\" Receipts)", m.other().get("X-GM-LABELS"));
        r.noopStillWorks();
    }
}
