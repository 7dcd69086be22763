package dev.imap4.client.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.BodySection;
import dev.imap4.client.types.BodyStructure;
import dev.imap4.client.types.Envelope;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.MailboxState;
import dev.imap4.client.types.NumberSet;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Quirks seen across many servers, replayed through the engine and the typed API. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class QuirkCommonTest {

    private static final FetchItems TEXT = FetchItems.of().withSection(BodySection.text());

    private static List<FetchResponse> fetch(Replay r, NumberSet uids, FetchItems items) {
        r.client().select("INBOX");
        return r.uidFetch(uids, items);
    }

    private static String text(FetchResponse m) {
        return m.section(BodySection.text()).asString(StandardCharsets.UTF_8);
    }

    // many servers: UIDVALIDITY, UIDNEXT and UNSEEN of 0; 0 means unknown, and no first unseen message
    @Test
    void zeroSelectValuesReadAsUnknown() {
        Replay r = Replay.start("various/select-zero-values");
        MailboxState st = r.client().select("INBOX");

        assertEquals(0, st.uidValidity());
        assertEquals(0, st.uidNext());
        assertNull(st.unseen(), "UNSEEN 0 names no message");
        assertEquals(0, st.exists());
        r.noopStillWorks();
    }

    // many servers: -1 for a body's size and line count reads as unknown (-1)
    @Test
    void minusOneBodySizeIsUnknown() {
        Replay r = Replay.start("various/body-size-minus-one");
        BodyStructure body = fetch(r, NumberSet.uids(3), FetchItems.of().withBodyStructure()).get(0).bodyStructure();

        assertEquals(-1, body.size());
        assertEquals(-1, body.lines());
        assertEquals("8BIT", body.encoding());
        r.noopStillWorks();
    }

    // many servers: a literal's length counted in characters; the literal is realigned to whole
    // characters, the response reads on, and the NOOP after it proves the stream is still in step
    @Test
    void literalCountedInCharactersIsRealigned() {
        Replay r = Replay.start("various/literal-counted-in-characters");
        List<FetchResponse> got = fetch(r, NumberSet.uids(1, 2), TEXT);

        assertEquals(2, got.size());
        assertEquals("Grüße aus Köln\r\n", text(got.get(0)));
        assertEquals("Tschüß", text(got.get(1)));
        assertEquals(2L, got.get(1).uid());
        r.noopStillWorks();
    }

    // many servers: the raw API takes literals as announced, as imaplib does; the response going on
    // after the leftover's line break is then a protocol error, never a silent misreading
    @Test
    void literalCountedInCharactersFailsCleanlyInTheRawApi() {
        Replay r = Replay.start("various/literal-counted-in-characters");
        r.raw().select("INBOX");

        ImapProtocolException e = r.assertProtocolError("response",
                () -> r.raw().uid("FETCH", "1:2", "(UID BODY.PEEK[TEXT])"));
        assertTrue(e.getMessage().contains("got ')'"), e.getMessage());
    }

    // many servers: an announced length no character count explains is a protocol error in literal
    @Test
    void literalFollowedByMoreTextIsAProtocolError() {
        Replay r = Replay.start("various/literal-shorter-than-sent");
        r.client().select("INBOX");
        ImapProtocolException e = r.assertProtocolError("literal", () -> r.uidFetch(NumberSet.uids(1), TEXT));

        assertTrue(e.getMessage().contains("XYZ)"), e.getMessage());
    }

    // many servers: a line break after a literal, before the rest of the response, is skipped
    @Test
    void blankLineAfterLiteralIsSkipped() {
        Replay r = Replay.start("various/blank-line-after-literal");
        FetchResponse m = fetch(r, NumberSet.uids(1), FetchItems.of().withFlags().withSection(BodySection.text())).get(0);

        assertEquals("hello", text(m));
        assertEquals(List.of("\\Seen"), m.flags());
        r.noopStillWorks();
    }

    // broken servers: a literal announced at 100 GB is spooled in chunks, never allocated, and the
    // connection closing mid-literal is a clean abort (with the spool budget lifted: by default the
    // announcement alone exceeds it, see HostileServerBudgetTest)
    @Test
    void hugeLiteralAnnouncementAbortsAtTheEndOfTheStream() {
        Replay r = Replay.start("various/huge-literal-announcement",
                Imap4Options.defaults().withMaxSpoolBytes(Long.MAX_VALUE));
        r.client().select("INBOX");
        Imap4AbortException e = assertThrows(Imap4AbortException.class, () -> r.uidFetch(NumberSet.uids(1), TEXT));

        assertTrue(e.getMessage().contains("of 99999999999 literal bytes still expected"), e.getMessage());
        r.assertClosed();
    }

    // broken servers: with maxLiteralSize set, the same announcement is refused before any byte is read
    @Test
    void hugeLiteralAnnouncementAboveTheLimitIsAProtocolError() {
        Replay r = Replay.start("various/huge-literal-announcement", Imap4Options.defaults().withMaxLiteralSize(1 << 20));
        r.client().select("INBOX");

        r.assertProtocolError("literal", () -> r.uidFetch(NumberSet.uids(1), TEXT));
    }

    // many servers: unescaped double quotes inside an envelope's quoted strings stay in the text
    @Test
    void unescapedQuotesStayInTheText() {
        Replay r = Replay.start("various/unescaped-quotes");
        Envelope env = fetch(r, NumberSet.uids(4), FetchItems.of().withEnvelope()).get(0).envelope();

        assertEquals("Re: \"quoted\" words", env.subject());
        assertEquals("Joe \"The Man\" Smith", env.from().get(0).name());
        assertEquals("joe@example.com", env.from().get(0).email());
        assertEquals("<q1@example.com>", env.messageId());
        r.noopStillWorks();
    }

    // many servers: quoted flags, a system flag's backslash unescaped inside the quotes
    @Test
    void quotedFlagsAreFlags() {
        Replay r = Replay.start("various/quoted-flags");
        FetchResponse m = fetch(r, NumberSet.uids(4), FetchItems.of().withFlags()).get(0);

        assertEquals(List.of("\\Seen", "$Label1", "\\Flagged"), m.flags());
        assertTrue(m.hasFlag("\\Seen"));
        r.noopStillWorks();
    }

    // many servers: FLAGS NIL is an empty flag list, not a missing one
    @Test
    void nilFlagsAreNoFlags() {
        Replay r = Replay.start("various/nil-flags");
        FetchResponse m = fetch(r, NumberSet.uids(4), FetchItems.of().withFlags()).get(0);

        assertEquals(List.of(), m.flags());
        assertFalse(m.hasFlag("\\Seen"));
        r.noopStillWorks();
    }

    // many servers: "A1 OK" and "A2 NO" with no text after the status word
    @Test
    void taggedResponsesWithoutTextAreComplete() {
        Replay r = Replay.start("various/tagged-without-text");
        r.client().noop();
        Imap4CommandException e = assertThrows(Imap4CommandException.class, () -> r.client().create("Archive"));

        assertEquals("NO", e.status());
        assertNull(e.code());
        assertEquals("", e.text());
        r.noopStillWorks();
    }

    // many servers: "Nov." with a dot, in INTERNALDATE and in the envelope's Date
    @Test
    void monthWithADotIsRead() {
        Replay r = Replay.start("various/dates-with-dots");
        FetchResponse m = fetch(r, NumberSet.uids(4), FetchItems.of().withInternalDate().withEnvelope()).get(0);

        ZoneOffset plusOne = ZoneOffset.ofHours(1);
        assertEquals(ZonedDateTime.of(2026, 11, 26, 10, 0, 0, 0, plusOne), m.internalDate());
        assertEquals(ZonedDateTime.of(2026, 11, 26, 9, 59, 58, 0, plusOne).toInstant(),
                m.envelope().dateTime().toInstant());
        r.noopStillWorks();
    }
}
