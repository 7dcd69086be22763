package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Imap4BatchSizesTest {

    private static final long MIB = 1024 * 1024;

    private static List<Integer> sizes(Imap4BatchSizes s, int batches, long largeBytesPerMessage) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            int n = s.next();
            out.add(n);
            s.fetched(n, n * largeBytesPerMessage);
        }
        return out;
    }

    @Test
    void smallBodiesStartAtTenAndDoubleUpToFetchBatchSize() {
        assertEquals(List.of(10, 20, 40, 80, 100, 100), sizes(new Imap4BatchSizes(100, 16 * MIB), 6, 0));
        assertEquals(List.of(10, 20, 40, 80, 160, 320, 500, 500), sizes(new Imap4BatchSizes(500, 16 * MIB), 8, 0));
    }

    @Test
    void aFetchBatchSizeBelowTheFirstIsKept() {
        assertEquals(List.of(3, 3, 3), sizes(new Imap4BatchSizes(3, 16 * MIB), 3, 0));
        assertEquals(List.of(1, 1), sizes(new Imap4BatchSizes(1, 16 * MIB), 2, MIB));
    }

    @Test
    void largeBodiesHoldABatchToHalfTheAllowance() {
        // 1 MiB bodies, 16 MiB allowance: eight a batch after the first (which had the whole allowance)
        assertEquals(List.of(10, 8, 8, 8), sizes(new Imap4BatchSizes(100, 16 * MIB), 4, MIB));
        // bodies larger than half the allowance: one at a time
        assertEquals(List.of(10, 1, 1), sizes(new Imap4BatchSizes(100, 16 * MIB), 3, 20 * MIB));
    }

    @Test
    void aBatchOfSmallBodiesAfterLargeOnesGrowsAgain() {
        Imap4BatchSizes s = new Imap4BatchSizes(100, 16 * MIB);
        assertEquals(10, s.next());
        s.fetched(10, 10 * MIB);
        assertEquals(8, s.next());
        s.fetched(8, 0);
        assertEquals(16, s.next());
        s.fetched(16, 0);
        assertEquals(32, s.next());
    }

    @Test
    void withoutAnAllowanceEveryLargeBodyGoesToAFileAndBatchesAreNotHeldBack() {
        assertEquals(List.of(10, 20, 40, 80, 100), sizes(new Imap4BatchSizes(100, 0), 5, MIB));
    }
}
