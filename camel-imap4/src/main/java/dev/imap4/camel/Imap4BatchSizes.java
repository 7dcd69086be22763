package dev.imap4.camel;

/**
 * How many UIDs each UID FETCH of one poll asks for. The first batch is small, so the route gets its
 * first exchange after a short FETCH instead of a full batch (the next batch is fetched while that
 * one is routed); each batch after it doubles, up to fetchBatchSize. When the bodies are large (above
 * Camel's spool threshold), a batch holds no more of them than half the heap allowance takes, judged
 * by the batch before it: two batches are held at once, and a large body beyond the allowance would
 * go to a temporary file instead of staying on the heap (docs/performance.md, "Batches sized by
 * their bodies").
 */
final class Imap4BatchSizes {

    /** The first batch of a poll, at most. */
    static final int FIRST = 10;

    private final int max;
    private final long allowance;
    private int last;
    private long largeBytesPerMessage;

    /**
     * @param max fetchBatchSize
     * @param allowance bytes of large bodies the poll's batches may keep on the heap together (0: every
     *     large body goes to a file, whatever the batch size)
     */
    Imap4BatchSizes(int max, long allowance) {
        this.max = max;
        this.allowance = allowance;
    }

    /** The size of the next batch. */
    int next() {
        int n = last == 0 ? Math.min(max, FIRST) : (int) Math.min(max, 2L * last);
        if (largeBytesPerMessage > 0 && allowance > 0) {
            n = (int) Math.max(1, Math.min(n, allowance / 2 / largeBytesPerMessage));
        }
        last = n;
        return n;
    }

    /** What a fetched batch held: {@code count} messages with {@code largeBytes} bytes of large bodies. */
    void fetched(int count, long largeBytes) {
        if (count > 0) {
            largeBytesPerMessage = largeBytes / count;
        }
    }
}
