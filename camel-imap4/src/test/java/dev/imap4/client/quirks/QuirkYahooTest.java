package dev.imap4.client.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.StoreMode;
import dev.imap4.client.ImapState;
import dev.imap4.client.types.Address;
import dev.imap4.client.types.Envelope;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.NumberSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Yahoo's quirks, replayed through the engine and the typed API. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class QuirkYahooTest {

    /** Yahoo refuses command lines longer than about 1000 bytes. */
    private static final int YAHOO_LINE_LIMIT = 1000;

    private static final NumberSet SCATTERED = NumberSet.uids(LongStream.range(0, 400).map(i -> 100_001 + 2 * i)
            .boxed().toList());

    // Yahoo: "()" where NIL belongs, for address lists and for body parameters
    @Test
    void emptyParenthesesReadAsNil() {
        Replay r = Replay.start("yahoo/empty-list-for-nil");
        r.client().select("INBOX");
        FetchResponse m = r.uidFetch(NumberSet.uids(10), FetchItems.of().withEnvelope().withBodyStructure()).get(0);

        Envelope env = m.envelope();
        assertEquals("ann@example.com", env.from().get(0).email());
        assertEquals(List.of(), env.sender());
        assertEquals(List.of(), env.replyTo());
        assertEquals("joe@example.com", env.to().get(0).email());
        assertEquals(List.of(), env.cc());
        assertEquals(Map.of(), m.bodyStructure().params());
        r.noopStillWorks();
    }

    // Yahoo: stray spaces inside an address and between the addresses of a list
    @Test
    void straySpacesInAddressListsAreSkipped() {
        Replay r = Replay.start("yahoo/stray-spaces-in-addresses");
        r.client().select("INBOX");
        Envelope env = r.uidFetch(NumberSet.uids(10), FetchItems.of().withEnvelope()).get(0).envelope();

        assertEquals(List.of(new Address("Ann", null, "ann", "example.com"), new Address("Bob", null, "bob",
                "example.com")), env.from());
        assertEquals("joe@example.com", env.to().get(0).email());
        assertEquals("<a2@example.com>", env.messageId());
        r.noopStillWorks();
    }

    // Yahoo: NO [UNAVAILABLE] on SELECT; the typed API reports the code, the connection stays usable
    @Test
    void unavailableIsACommandErrorWithItsCode() {
        Replay r = Replay.start("yahoo/no-unavailable");
        Imap4CommandException e = assertThrows(Imap4CommandException.class, () -> r.client().select("INBOX"));

        assertEquals("NO", e.status());
        assertEquals("UNAVAILABLE", e.code());
        assertEquals(ImapState.AUTH, r.client().state());
        r.noopStillWorks();
    }

    // Yahoo: NO [SERVERBUG] on UID FETCH
    @Test
    void serverBugIsACommandErrorWithItsCode() {
        Replay r = Replay.start("yahoo/no-serverbug");
        r.client().select("INBOX");
        Imap4CommandException e = assertThrows(Imap4CommandException.class,
                () -> r.uidFetch(NumberSet.uids(10), FetchItems.of().withFlags()));

        assertEquals("SERVERBUG", e.code());
        assertEquals("UID FETCH", e.verb());
        assertEquals(ImapState.SELECTED, r.client().state());
        r.noopStillWorks();
    }

    // Yahoo: a long UID set is fetched in several commands, each line under 1000 bytes
    @Test
    void longUidSetIsFetchedInCommandsUnderTheLineLimit() {
        Replay r = Replay.start("yahoo/long-uid-set-fetch");
        r.client().select("INBOX");
        List<FetchResponse> got = r.uidFetch(SCATTERED, FetchItems.of().withFlags());

        assertEquals(List.of(100_001L, 100_257L, 100_513L, 100_769L), got.stream().map(FetchResponse::uid).toList());
        assertSplit(r, " UID FETCH ", 4);
        r.noopStillWorks();
    }

    // Yahoo: the same split for UID STORE
    @Test
    void longUidSetIsStoredInCommandsUnderTheLineLimit() {
        Replay r = Replay.start("yahoo/long-uid-set-store");
        r.client().select("INBOX");
        r.client().uidStore(SCATTERED, StoreMode.ADD, true, List.of("\\Seen"));

        assertSplit(r, " UID STORE ", 4);
        r.noopStillWorks();
    }

    /** The commands with {@code verb} cover exactly {@link #SCATTERED}, in {@code count} lines under the limit. */
    private static void assertSplit(Replay r, String verb, int count) {
        List<Long> covered = new ArrayList<>();
        List<String> lines = r.sent().stream().filter(l -> l.contains(verb)).toList();
        for (String line : lines) {
            assertTrue(line.getBytes(StandardCharsets.US_ASCII).length + 2 < YAHOO_LINE_LIMIT,
                    "line of " + line.length() + " bytes");
            String set = line.substring(line.indexOf(verb) + verb.length()).split(" ")[0];
            covered.addAll(NumberSet.parse(set, true).toList());
        }
        assertEquals(count, lines.size());
        assertEquals(SCATTERED.toList(), covered);
    }
}
