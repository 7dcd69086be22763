package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Imap4BatchSizesTest {

    private static final long MIB = 1024 * 1024;
    private static final long MS = 1_000_000;

    /** {@code batches} batches of bodies of {@code bodyBytes}, each message routed in {@code routeNanos}. */
    private static List<Integer> sizes(Imap4BatchSizes s, int batches, long bodyBytes, long routeNanos) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            int n = s.next();
            out.add(n);
            s.fetched(n, n * bodyBytes);
            s.routed(n, n * routeNanos);
        }
        return out;
    }

    @Test
    void smallBodiesStartAtTenAndDoubleUpToFetchBatchSize() {
        assertEquals(List.of(10, 20, 40, 80, 100, 100), sizes(new Imap4BatchSizes(100, 16 * MIB), 6, 4000, 10_000));
        assertEquals(List.of(10, 20, 40, 80, 160, 320, 640, 1000, 1000),
                sizes(new Imap4BatchSizes(1000, 16 * MIB), 9, 4000, 10_000));
    }

    @Test
    void aFetchBatchSizeBelowTheFirstIsKept() {
        assertEquals(List.of(3, 3, 3), sizes(new Imap4BatchSizes(3, 16 * MIB), 3, 4000, 10_000));
        assertEquals(List.of(1, 1), sizes(new Imap4BatchSizes(1, 16 * MIB), 2, MIB, 10_000));
    }

    @Test
    void largeBodiesHoldABatchToHalfTheAllowance() {
        // 1 MiB bodies, 16 MiB allowance: eight a batch after the first (which had the whole allowance)
        assertEquals(List.of(10, 8, 8, 8), sizes(new Imap4BatchSizes(1000, 16 * MIB), 4, MIB, 10_000));
        // a larger allowance, larger batches
        assertEquals(List.of(10, 20, 32, 32), sizes(new Imap4BatchSizes(1000, 64 * MIB), 4, MIB, 10_000));
        // bodies larger than half the allowance: one at a time
        assertEquals(List.of(10, 1, 1), sizes(new Imap4BatchSizes(1000, 16 * MIB), 3, 20 * MIB, 10_000));
    }

    @Test
    void smallBodiesAreBoundedInBytesToo() {
        // 100 KiB bodies (below the spool threshold, always on the heap): 8 MiB a batch, 81 of them
        assertEquals(List.of(10, 20, 40, 80, 81, 81), sizes(new Imap4BatchSizes(1000, 16 * MIB), 6, 100 * 1024, 10_000));
        // without an allowance for large bodies the bound on a batch's bytes still holds
        assertEquals(List.of(10, 8, 8), sizes(new Imap4BatchSizes(1000, 0), 3, MIB, 10_000));
    }

    @Test
    void aSlowRouteKeepsABatchToAboutASecond() {
        // 50 ms per exchange: 20 a batch
        assertEquals(List.of(10, 20, 20, 20), sizes(new Imap4BatchSizes(1000, 16 * MIB), 4, 4000, 50 * MS));
        // 3 s per exchange: one at a time
        assertEquals(List.of(10, 1, 1), sizes(new Imap4BatchSizes(1000, 16 * MIB), 3, 4000, 3000 * MS));
    }

    @Test
    void aBatchAfterLargeOrSlowOnesGrowsAgain() {
        Imap4BatchSizes s = new Imap4BatchSizes(1000, 16 * MIB);
        assertEquals(10, s.next());
        s.fetched(10, 10 * MIB);
        s.routed(10, 10 * MS);
        assertEquals(8, s.next());
        s.fetched(8, 8 * 4000);
        assertEquals(16, s.next());
        s.fetched(16, 16 * 4000);
        s.routed(16, 16 * 500 * MS);
        assertEquals(2, s.next());
        s.routed(2, 2 * MS);
        assertEquals(4, s.next());
    }

    @Test
    void fetchBatchSizeIsCappedSoTwoBatchesOfSmallBodiesStayWithinAQuarterOfTheHeap() {
        long threshold = 128 * 1024;
        assertEquals(1000, Imap4MessageMapper.batchSizeCap(1000, 6L << 30, threshold));
        // 256 MiB heap: two batches of 256 bodies of 128 KiB are 64 MiB
        assertEquals(256, Imap4MessageMapper.batchSizeCap(1000, 256 * MIB, threshold));
        assertEquals(100, Imap4MessageMapper.batchSizeCap(100, 256 * MIB, threshold));
        // a tiny heap, or a spool threshold set very high: still the first batch's 10 at a time
        assertEquals(10, Imap4MessageMapper.batchSizeCap(1000, MIB, threshold));
        assertEquals(10, Imap4MessageMapper.batchSizeCap(1000, 6L << 30, 1L << 40));
        assertEquals(3, Imap4MessageMapper.batchSizeCap(3, MIB, threshold));
    }
}
