package dev.imap4.client.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4Exception;
import dev.imap4.client.internal.wire.CommandWriter;
import dev.imap4.client.internal.wire.CommandWriter.LiteralMode;
import dev.imap4.client.internal.wire.CommandWriter.Segment;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.SearchKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How each typed search key reaches the wire (RFC 3501 §6.4.4, RFC 5032, RFC 7162). */
class SearchKeyEncodingTest {

    private static String wire(SearchKey key) throws IOException {
        return wire(false, null, key, false, LiteralMode.NON_SYNCHRONIZING);
    }

    private static String wire(boolean uid, String sort, SearchKey key, boolean extended, LiteralMode mode)
            throws IOException {
        SearchCommand cmd = new SearchCommand(uid, sort, key, extended);
        CommandWriter w = new CommandWriter(mode).begin("A1", cmd.verb());
        cmd.arguments(w);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Segment s : w.finish()) {
            out.write(s.bytes());
            if (s.hasLiteral()) {
                CommandWriter.copyLiteral(s, out);
            }
        }
        String line = out.toString(StandardCharsets.UTF_8);
        assertTrue(line.startsWith("A1 ") && line.endsWith("\r\n"), line);
        return line.substring(3, line.length() - 2);
    }

    @Test
    void flagKeysAreAtoms() throws IOException {
        assertEquals("SEARCH ALL", wire(SearchKey.ALL));
        assertEquals("SEARCH UNSEEN", wire(SearchKey.UNSEEN));
        assertEquals("SEARCH SEEN", wire(SearchKey.flag("\\Seen")));
        assertEquals("SEARCH UNFLAGGED", wire(SearchKey.unflag("\\flagged")));
        assertEquals("SEARCH OLD", wire(SearchKey.unflag("\\Recent")));
        assertEquals("SEARCH KEYWORD $Invoice", wire(SearchKey.flag("$Invoice")));
        assertEquals("SEARCH UNKEYWORD $Failed", wire(SearchKey.unflag("$Failed")));
        assertEquals("SEARCH KEYWORD Junk", wire(SearchKey.keyword("Junk")));
        assertEquals("SEARCH UNKEYWORD Junk", wire(SearchKey.unkeyword("Junk")));
    }

    @Test
    void textKeysAlwaysQuoteTheirValue() throws IOException {
        assertEquals("SEARCH FROM \"ann@example.org\"", wire(SearchKey.from("ann@example.org")));
        assertEquals("SEARCH TO \"b\"", wire(SearchKey.to("b")));
        assertEquals("SEARCH CC \"c\"", wire(SearchKey.cc("c")));
        assertEquals("SEARCH BCC \"d\"", wire(SearchKey.bcc("d")));
        assertEquals("SEARCH SUBJECT \"Re: \\\"hi\\\" \\\\ there\"", wire(SearchKey.subject("Re: \"hi\" \\ there")));
        assertEquals("SEARCH BODY \"NIL\"", wire(SearchKey.body("NIL")));
        assertEquals("SEARCH TEXT \"\"", wire(SearchKey.text("")));
        assertEquals("SEARCH HEADER List-Id \"<dev.example.org>\"", wire(SearchKey.header("List-Id", "<dev.example.org>")));
        assertEquals("SEARCH HEADER X-Spam \"\"", wire(SearchKey.header("X-Spam", "")));
    }

    @Test
    void datesAreRfc3501DatesAndIntervalsAreSeconds() throws IOException {
        LocalDate d = LocalDate.of(2026, 3, 7);
        assertEquals("SEARCH SINCE 7-Mar-2026", wire(SearchKey.since(d)));
        assertEquals("SEARCH BEFORE 7-Mar-2026", wire(SearchKey.before(d)));
        assertEquals("SEARCH ON 17-Dec-2026", wire(SearchKey.on(LocalDate.of(2026, 12, 17))));
        assertEquals("SEARCH SENTSINCE 7-Mar-2026", wire(SearchKey.sentSince(d)));
        assertEquals("SEARCH SENTBEFORE 7-Mar-2026", wire(SearchKey.sentBefore(d)));
        assertEquals("SEARCH SENTON 1-Jan-0999", wire(SearchKey.sentOn(LocalDate.of(999, 1, 1))));
        assertEquals("SEARCH YOUNGER 604800", wire(SearchKey.younger(Duration.ofDays(7))));
        assertEquals("SEARCH OLDER 90", wire(SearchKey.older(Duration.ofSeconds(90, 999_000_000))));
        assertThrows(IllegalArgumentException.class, () -> SearchKey.younger(Duration.ofMillis(500)));
        assertThrows(IllegalArgumentException.class, () -> SearchKey.since(LocalDate.of(10000, 1, 1)));
    }

    @Test
    void sizeNumbersAndModSeq() throws IOException {
        assertEquals("SEARCH LARGER 100000", wire(SearchKey.larger(100_000)));
        assertEquals("SEARCH SMALLER 0", wire(SearchKey.smaller(0)));
        assertEquals("SEARCH UID 4:6,9", wire(SearchKey.numbers(NumberSet.uids(4, 5, 6, 9))));
        assertEquals("SEARCH UID 101:*", wire(SearchKey.uids(NumberSet.uidRange(101, NumberSet.STAR))));
        assertEquals("SEARCH 1:3", wire(SearchKey.seqs(NumberSet.seqRange(1, 3))));
        assertEquals("SEARCH MODSEQ 715194045007", wire(SearchKey.modSeq(715194045007L)));
        assertThrows(IllegalArgumentException.class, () -> SearchKey.numbers(NumberSet.uids(List.of())));
        assertThrows(IllegalArgumentException.class, () -> SearchKey.larger(-1));
    }

    @Test
    void andOrNotNestWithParenthesesOnlyWhereNeeded() throws IOException {
        assertEquals("SEARCH UNSEEN FROM \"a\"", wire(SearchKey.and(SearchKey.UNSEEN, SearchKey.from("a"))));
        assertEquals("SEARCH OR SEEN FLAGGED", wire(SearchKey.or(SearchKey.SEEN, SearchKey.FLAGGED)));
        assertEquals("SEARCH NOT (SEEN FLAGGED)", wire(SearchKey.not(SearchKey.and(SearchKey.SEEN, SearchKey.FLAGGED))));
        assertEquals("SEARCH OR (UNSEEN FROM \"a\") NOT SUBJECT \"b\"",
                wire(SearchKey.or(SearchKey.and(SearchKey.UNSEEN, SearchKey.from("a")), SearchKey.not(SearchKey.subject("b")))));
        assertEquals("SEARCH NOT SEEN", wire(SearchKey.not(SearchKey.and(SearchKey.SEEN))));
        // at the top level and inside a list, keys side by side already mean AND: no parentheses
        assertEquals("SEARCH ALL SEEN OR DRAFT DELETED", wire(SearchKey.and(SearchKey.ALL,
                SearchKey.and(SearchKey.SEEN, SearchKey.and(SearchKey.or(SearchKey.DRAFT, SearchKey.DELETED))))));
        assertEquals("SEARCH NOT (SEEN OR DRAFT DELETED)", wire(SearchKey.not(SearchKey.and(SearchKey.SEEN,
                SearchKey.and(SearchKey.or(SearchKey.DRAFT, SearchKey.DELETED))))));
        assertEquals("SEARCH OR (UNSEEN FROM x) SEEN",
                wire(SearchKey.or(SearchKey.program(List.of("UNSEEN", "FROM", "x")), SearchKey.SEEN)));
        assertEquals("SEARCH UNSEEN FROM \"Ann Lee\" LARGER 5",
                wire(SearchKey.and(SearchKey.program(List.of("UNSEEN", "FROM", "Ann Lee")), SearchKey.larger(5))));
    }

    @Test
    void crLfTravelsInsideALiteralAndNeverEndsTheCommand() throws IOException {
        String line = wire(SearchKey.subject("x\r\nA2 DELETE INBOX"));
        assertEquals("SEARCH SUBJECT {18+}\r\nx\r\nA2 DELETE INBOX", line);
        assertEquals("SEARCH HEADER X-A {3}\r\na\rb",
                wire(false, null, SearchKey.header("X-A", "a\rb"), false, LiteralMode.SYNCHRONIZING));
        assertEquals("SEARCH OR (FROM {3+}\r\na\nb) SEEN",
                wire(SearchKey.or(SearchKey.program(List.of("FROM", "a\nb")), SearchKey.SEEN)));
    }

    @Test
    void nonAsciiAsksForUtf8AndGoesAsALiteral() throws IOException {
        assertEquals("SEARCH CHARSET UTF-8 SUBJECT {7+}\r\nGrüße",
                wire(SearchKey.subject("Grüße")));
        assertEquals("UID SEARCH RETURN (ALL) CHARSET UTF-8 NOT FROM {5+}\r\nJosé",
                wire(true, null, SearchKey.not(SearchKey.from("José")), true, LiteralMode.NON_SYNCHRONIZING));
        assertEquals("UID SORT (ARRIVAL) UTF-8 HEADER X-Name {2+}\r\nñ UNSEEN",
                wire(true, "ARRIVAL", SearchKey.and(SearchKey.header("X-Name", "ñ"), SearchKey.UNSEEN), false,
                        LiteralMode.NON_SYNCHRONIZING));
        assertEquals("UID SORT (REVERSE DATE) UTF-8 ALL",
                wire(true, "(REVERSE DATE)", SearchKey.ALL, false, LiteralMode.NON_SYNCHRONIZING));
    }

    @Test
    void valuesThatCannotBeSentAreRefusedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> SearchKey.subject("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> SearchKey.program(List.of("FROM", "a\0")));
        assertThrows(IllegalArgumentException.class, () -> SearchKey.header("X A", "v"));
        assertThrows(IllegalArgumentException.class, () -> SearchKey.header("X:A", "v"));
        assertThrows(IllegalArgumentException.class, () -> SearchKey.header("X\r\nA", "v"));
        assertThrows(IllegalArgumentException.class, () -> SearchKey.keyword("$A B"));
        assertThrows(IllegalArgumentException.class, () -> SearchKey.keyword("$A)"));
        assertThrows(IllegalArgumentException.class, () -> SearchKey.keyword("\\Seen"));
        assertThrows(IllegalArgumentException.class, () -> SearchKey.unflag("x\r\nA2 LOGOUT"));
        assertThrows(IllegalArgumentException.class, () -> new SearchKey.Flag("ALL\r\nA2 LOGOUT"));
        assertThrows(IllegalArgumentException.class, () -> new SearchKey.Text("X-FROM", "a"));
        assertThrows(IllegalArgumentException.class, () -> SearchKey.and(List.of()));
        assertThrows(NullPointerException.class, () -> SearchKey.from(null));
    }

    @Test
    void aProgramArgumentWithCrLfCannotBeSentRaw() {
        // an enclosed argument is sent as it is, so a CR or LF inside it is refused, never written
        SearchCommand cmd = new SearchCommand(false, null, SearchKey.program(List.of("(FROM a\r\nA2 LOGOUT)")), false);
        CommandWriter w = new CommandWriter(LiteralMode.NON_SYNCHRONIZING).begin("A1", cmd.verb());
        assertThrows(Imap4Exception.class, () -> cmd.arguments(w));
    }

    @Test
    void extensionKeysNameTheCapabilityTheyNeed() {
        assertEquals(Set.of(), SearchCommand.capabilitiesNeeded(SearchKey.and(SearchKey.UNSEEN, SearchKey.since(LocalDate.now()))));
        assertEquals(Set.of("WITHIN"), SearchCommand.capabilitiesNeeded(
                SearchKey.or(SearchKey.SEEN, SearchKey.not(SearchKey.older(Duration.ofHours(1))))));
        assertEquals(Set.of("WITHIN", "CONDSTORE"), SearchCommand.capabilitiesNeeded(
                SearchKey.and(SearchKey.younger(Duration.ofHours(1)), SearchKey.modSeq(3))));
    }
}
