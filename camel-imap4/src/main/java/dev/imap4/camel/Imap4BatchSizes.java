package dev.imap4.camel;

/**
 * How many UIDs each UID FETCH of one poll asks for. The first batch is small, so the route gets its
 * first exchange after a short FETCH instead of a full batch (the next batch is fetched while that
 * one is routed); each batch after it doubles, up to fetchBatchSize. Two bounds hold a batch back,
 * both judged by the batches before it: its bodies take at most half the heap allowance (at least
 * {@link #MIN_BATCH_BYTES}), since two batches are held at once and a large body beyond the allowance
 * would go to a temporary file instead of staying on the heap; and it takes about
 * {@link #ROUTING_NANOS} to route, so a slow route still has its outcomes applied (one UID STORE per
 * batch) every second or two, whatever fetchBatchSize is (docs/performance.md, "Cold: where the CPU
 * goes, and batches sized by their bodies and their route").
 */
final class Imap4BatchSizes {

    /** The first batch of a poll, at most. */
    static final int FIRST = 10;

    /** Body bytes a batch may hold even when the heap allowance is smaller (or 0). */
    static final long MIN_BATCH_BYTES = 8L << 20;

    /** About how long routing one batch may take. */
    static final long ROUTING_NANOS = 1_000_000_000L;

    private final int max;
    private final long batchBytes;
    private int last;
    private long bytesPerMessage;
    private long nanosPerMessage;

    /**
     * @param max fetchBatchSize
     * @param allowance bytes of large bodies the poll's two batches in hand may keep on the heap together
     */
    Imap4BatchSizes(int max, long allowance) {
        this.max = max;
        this.batchBytes = Math.max(allowance / 2, MIN_BATCH_BYTES);
    }

    /** The size of the next batch. */
    int next() {
        long n = last == 0 ? Math.min(max, FIRST) : Math.min(max, 2L * last);
        if (bytesPerMessage > 0) {
            n = Math.min(n, batchBytes / bytesPerMessage);
        }
        if (nanosPerMessage > 0) {
            n = Math.min(n, ROUTING_NANOS / nanosPerMessage);
        }
        last = (int) Math.max(1, n);
        return last;
    }

    /** A fetched batch: {@code count} messages whose bodies took {@code bytes}. */
    void fetched(int count, long bytes) {
        if (count > 0) {
            bytesPerMessage = bytes / count;
        }
    }

    /** A routed batch: {@code count} exchanges in {@code nanos}. */
    void routed(int count, long nanos) {
        if (count > 0) {
            nanosPerMessage = nanos / count;
        }
    }
}
