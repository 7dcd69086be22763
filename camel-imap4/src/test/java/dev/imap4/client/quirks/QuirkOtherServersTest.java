package dev.imap4.client.quirks;

import static dev.imap4.client.quirks.Replay.fetchOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.Address;
import dev.imap4.client.types.BodyStructure;
import dev.imap4.client.types.Envelope;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.MailboxState;
import dev.imap4.client.types.NumberSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Message-data quirks of Dovecot, Courier, Domino, mail.ru, Zoho and GreenMail. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class QuirkOtherServersTest {

    // Dovecot: (NIL "alternative" ...) is a multipart/alternative without children
    @Test
    void nilLedMultipartIsAChildlessMultipart() {
        Replay r = Replay.start("dovecot/multipart-without-children");
        BodyStructure root = fetchOne(r, 4, FetchItems.of().withBodyStructure()).bodyStructure();

        assertEquals("multipart/mixed", root.mimeType());
        BodyStructure empty = root.parts().get(0);
        assertEquals("multipart/alternative", empty.mimeType());
        assertEquals(List.of(), empty.parts());
        assertEquals("inner", empty.param("boundary"));
        assertEquals("text/plain", root.parts().get(1).mimeType());
        assertEquals("2", root.parts().get(1).partNumber());
        r.noopStillWorks();
    }

    // Courier: "* 0 FETCH" is delivered with its UID, the invalid sequence number passed through
    @Test
    void fetchNumberedZeroIsDeliveredByItsUid() {
        Replay r = Replay.start("courier/fetch-sequence-zero");
        FetchResponse m = fetchOne(r, 12, FetchItems.of().withFlags());

        assertEquals(0, m.sequence());
        assertEquals(12L, m.uid());
        assertEquals(List.of("\\Seen"), m.flags());
        r.noopStillWorks();
    }

    // Domino: ENVELOPE wrapped in an extra pair of parentheses
    @Test
    void doublyParenthesisedEnvelopeIsRead() {
        Replay r = Replay.start("domino/envelope-double-parentheses");
        Envelope env = fetchOne(r, 3, FetchItems.of().withEnvelope()).envelope();

        assertEquals("Quarterly report", env.subject());
        assertEquals(List.of(new Address("Jane Doe", null, "jane", "example.com")), env.from());
        assertEquals("team@example.com", env.to().get(0).email());
        assertEquals("<OF1234@example.com>", env.messageId());
        r.noopStillWorks();
    }

    // mail.ru: sizes as 9.37e+06 are read as the numbers they denote
    @Test
    void exponentNotationSizesAreNumbers() {
        Replay r = Replay.start("mailru/exponent-numbers");
        FetchResponse m = fetchOne(r, 77, FetchItems.of().withSize().withBodyStructure());

        assertEquals(9_370_000L, m.size());
        assertEquals(9_360_000L, m.bodyStructure().size());
        assertEquals("photos.zip", m.bodyStructure().filename());
        r.noopStillWorks();
    }

    // Zoho: MODSEQ (-1) means the mod-sequence is unknown (null); the rest of the message is kept
    @Test
    void negativeModSeqIsUnknown() {
        Replay r = Replay.start("zoho/modseq-minus-one");
        MailboxState st = r.client().select("INBOX");
        assertEquals(1000L, st.highestModSeq());
        FetchResponse m = r.uidFetch(NumberSet.uids(5), FetchItems.of().withFlags().withModSeq()).get(0);

        assertNull(m.modSeq());
        assertEquals(List.of("\\Seen"), m.flags());
        r.noopStillWorks();
    }

    // GreenMail: \* in the mailbox's FLAGS is kept as sent
    @Test
    void starInMailboxFlagsIsKept() {
        Replay r = Replay.start("greenmail/star-in-flags");
        MailboxState st = r.client().select("INBOX");

        assertEquals(List.of("\\Answered", "\\Deleted", "\\Draft", "\\Flagged", "\\Seen", "\\*"), st.flags());
        assertEquals(st.flags(), st.permanentFlags());
        assertEquals(1_700_000_001L, st.uidValidity());
        r.noopStillWorks();
    }
}
