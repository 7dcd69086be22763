package dev.imap4.camel;

import dev.imap4.client.ImapData;
import dev.imap4.client.UntaggedResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The untagged responses one producer command provoked, for {@code CamelImap4UntaggedResponses}:
 * the newest ones, at most {@code maxCount} of them and about {@code maxBytes} of server data. When
 * a new response would go over either bound the oldest go first, and {@link #dropped()} counts
 * them, so a server that answers one command with millions of responses costs a bounded amount of
 * memory. A single response larger than {@code maxBytes} is not kept at all.
 */
final class Imap4UntaggedCollector implements Consumer<UntaggedResponse> {

    /** What one kept response costs besides its bytes: the record, its list and the deque slot. */
    static final long OVERHEAD_BYTES = 64;

    private final int maxCount;
    private final long maxBytes;
    private final Deque<UntaggedResponse> kept = new ArrayDeque<>();
    private final Deque<Long> sizes = new ArrayDeque<>();
    private long bytes;
    private long dropped;

    Imap4UntaggedCollector(int maxCount, long maxBytes) {
        this.maxCount = maxCount;
        this.maxBytes = maxBytes;
    }

    @Override
    public void accept(UntaggedResponse r) {
        long size = size(r);
        if (maxCount == 0 || size > maxBytes) {
            dropped++;
            return;
        }
        while (!kept.isEmpty() && (kept.size() >= maxCount || bytes + size > maxBytes)) {
            kept.removeFirst();
            bytes -= sizes.removeFirst();
            dropped++;
        }
        kept.addLast(r);
        sizes.addLast(size);
        bytes += size;
    }

    /** The responses kept, oldest first. */
    List<UntaggedResponse> responses() {
        return List.copyOf(kept);
    }

    /** How many responses were left out. */
    long dropped() {
        return dropped;
    }

    /** The bytes of server data a response holds, plus a fixed overhead. */
    static long size(UntaggedResponse r) {
        long size = OVERHEAD_BYTES + r.name().length();
        for (ImapData d : r.data()) {
            if (d instanceof ImapData.Line line) {
                size += line.bytes().length;
            } else if (d instanceof ImapData.Pair pair) {
                size += pair.header().length + pair.literal().size();
            }
        }
        if (r.status() != null && r.status().raw() != null) {
            size += r.status().raw().length;
        }
        return size;
    }
}
