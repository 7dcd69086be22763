package dev.imap4.client.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.imap4.client.Imap4Exception;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.StoreMode;
import dev.imap4.client.types.StoreResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Gmail's X-GM-EXT-1 typed: message and thread ids, labels, and X-GM-RAW search. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class QuirkGmailExtensionsTest {

    // Gmail: ids are unsigned 64-bit, labels mix flags, quoted flags and modified UTF-7 names
    @Test
    void idsLabelsAndRawSearchAreTyped() {
        Replay r = Replay.start("gmail/x-gm-typed");
        r.client().select("INBOX");
        List<FetchResponse> got = new ArrayList<>();
        r.client().uidFetch(NumberSet.uidRange(7, 8), FetchItems.of().withGmail(), got::add);

        FetchResponse first = got.get(0);
        assertEquals(-1L, first.gmailMessageId(), "2^64-1 read as an unsigned long");
        assertEquals("18446744073709551615", Long.toUnsignedString(first.gmailMessageId()));
        assertEquals(1731902234567890123L, first.gmailThreadId());
        assertEquals(List.of("\\Inbox", "\\Important", "Été", "Receipts"), first.gmailLabels());
        assertEquals(List.of(), got.get(1).gmailLabels());

        assertEquals(List.of(7L, 8L), r.client().extensions().gmailSearch("has:attachment subject:\"Q3 report\"").numbers());
        assertEquals(List.of(7L), r.client().extensions().gmailSearch("label:été").numbers());
        assertThrows(IllegalArgumentException.class, () -> r.client().extensions().gmailSearch(" "));
        assertThrows(Imap4Exception.class, () -> r.client().extensions().gmailSearch("a\r\nA1 LOGOUT"));
        r.noopStillWorks();
    }

    // Gmail offers UTF8=ACCEPT, which the typed client enables: labels are UTF-8 then, and one that
    // reads like modified UTF-7 keeps its name (decoding it would turn "&AOQ-" into "ä")
    @Test
    void withUtf8AcceptLabelsAreReadAsUtf8() {
        Replay r = Replay.start("gmail/x-gm-labels-utf8");
        r.client().select("INBOX");
        List<FetchResponse> got = new ArrayList<>();
        r.client().uidFetch(NumberSet.uids(7), FetchItems.of().withGmail(), got::add);

        assertEquals(List.of("\\Inbox", "Été", "&AOQ-", "R&D", "Käse"), got.get(0).gmailLabels());
        StoreResult stored = r.client().uidStore(NumberSet.uids(7), StoreMode.ADD, false, List.of("\\Seen"));
        assertEquals(List.of("Été", "&AOQ-"), stored.updates().get(0).gmailLabels(), "a STORE's FETCH too");
        r.noopStillWorks();
    }
}
