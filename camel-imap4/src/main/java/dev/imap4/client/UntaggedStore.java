package dev.imap4.client;

import dev.imap4.client.internal.engine.ConnectionBudget;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * imaplib's {@code untagged_responses}: the data of untagged responses and response codes, kept by
 * name until {@code response()} or a command's result takes it. Bounded, because the server picks
 * both the names and how much arrives:
 * <ul>
 * <li>in bytes: when the data kept exceeds {@code maxUnsolicitedBytes} (lines and literal sizes,
 * in memory or spooled), the oldest entries kept before the running command are dropped, oldest
 * first. The running command's own data is never dropped (its answer may be among it); the
 * connection's budgets bound it.</li>
 * <li>in items: at most {@value #MAX_PER_NAME} items per name (the oldest goes) and
 * {@value #MAX_NAMES} names (the one kept longest goes).</li>
 * </ul>
 * What is kept is charged to the connection's heap budget (spooled literals stay on its disk
 * budget) until taken or dropped. Whatever is dropped has its literals closed, so no spool file
 * outlives the data that referred to it; what is taken goes to the caller with its spool files.
 * Drops are counted ({@link #evictions()}) and logged at WARN on the first and every
 * {@value #LOG_EVERY}th.
 */
final class UntaggedStore {

    static final int MAX_PER_NAME = 10_000;
    static final int MAX_NAMES = 1_000;
    static final long LOG_EVERY = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(UntaggedStore.class);

    /** One kept item: when (command number, arrival order), and what it costs. */
    private static final class Entry {
        final ImapData item;
        final int command;
        final long bytes;
        final long heap;
        boolean gone;

        Entry(ImapData item, int command, long bytes, long heap) {
            this.item = item;
            this.command = command;
            this.bytes = bytes;
            this.heap = heap;
        }
    }

    private final Map<String, ArrayDeque<Entry>> kept = new LinkedHashMap<>();
    /** Every entry in arrival order; entries taken by name stay here marked gone until purged. */
    private final ArrayDeque<Entry> order = new ArrayDeque<>();
    private final BiConsumer<String, ImapData> onKeep;
    private int goneInOrder;
    private long bytes;
    private long evictions;
    private ConnectionBudget budget;
    private IntSupplier currentCommand = () -> 0;
    private long maxBytes = Long.MAX_VALUE;

    /** @param onKeep told of every item kept (for the trace) */
    UntaggedStore(BiConsumer<String, ImapData> onKeep) {
        this.onKeep = onKeep;
    }

    /** Binds the store to a connection: its budget, its command counter and the byte bound. */
    synchronized void attach(ConnectionBudget budget, IntSupplier currentCommand, long maxBytes) {
        this.budget = budget;
        this.currentCommand = currentCommand;
        this.maxBytes = maxBytes;
    }

    /** Keeps the data of an untagged response under its name, and its response code's data under the code. */
    void collect(UntaggedResponse r) {
        for (ImapData d : r.data()) {
            keep(r.name(), d, true);
        }
        StatusResponse st = r.status();
        if (st != null && st.code() != null && !st.status().equals("BYE")) {
            keep(st.code(), codeData(st), true);
        }
    }

    /**
     * imaplib keeps {@code b''} for a code without data (READ-ONLY, TRYCREATE), so that its presence
     * shows. Used for the tagged response's code, after the command: at most one line, so it is
     * charged without a check (it cannot abort a connection that has already completed its command).
     */
    void keepCode(StatusResponse st) {
        keep(st.code(), codeData(st), false);
    }

    private static ImapData codeData(StatusResponse st) {
        return ImapData.line(st.codeData() == null ? "" : st.codeData());
    }

    private synchronized void keep(String name, ImapData item, boolean checked) {
        long size = wireSize(item);
        long heap = heapSize(item);
        if (budget != null) {
            if (checked) {
                budget.chargeHeap(heap, () -> "untagged " + name + " data of " + size + " bytes kept");
            } else {
                budget.chargeHeapUnchecked(heap);
            }
        }
        if (!kept.containsKey(name) && kept.size() >= MAX_NAMES) {
            Iterator<ArrayDeque<Entry>> eldest = kept.values().iterator();
            eldest.next().forEach(e -> drop(e, true));
            eldest.remove();
        }
        ArrayDeque<Entry> list = kept.computeIfAbsent(name, k -> new ArrayDeque<>());
        if (list.size() >= MAX_PER_NAME) {
            drop(list.removeFirst(), true);
        }
        Entry e = new Entry(item, currentCommand.getAsInt(), size, heap);
        list.addLast(e);
        order.addLast(e);
        bytes += size;
        onKeep.accept(name, item);
        evictOlder();
        purgeIfStale();
    }

    /** As a command starts: drops entries of earlier commands while the bytes kept exceed the bound. */
    synchronized void trim() {
        evictOlder();
        purgeIfStale();
    }

    /** Drops entries of earlier commands, oldest first, until the bytes kept are within the bound. */
    private void evictOlder() {
        int now = currentCommand.getAsInt();
        while (bytes > maxBytes && !order.isEmpty()) {
            Entry head = order.peekFirst();
            if (head.gone) {
                order.removeFirst();
                goneInOrder--;
                continue;
            }
            if (head.command >= now) {
                return; // only the running command's data is left
            }
            for (Iterator<ArrayDeque<Entry>> it = kept.values().iterator(); it.hasNext();) {
                ArrayDeque<Entry> list = it.next();
                if (list.peekFirst() == head) {
                    list.removeFirst();
                    if (list.isEmpty()) {
                        it.remove();
                    }
                    break;
                }
            }
            drop(head, true); // marks it gone: the next round takes it off the order
        }
    }

    /** Takes the data kept for {@code name}; null when there is none. The caller owns its literals. */
    synchronized List<ImapData> remove(String name) {
        ArrayDeque<Entry> list = kept.remove(name);
        if (list == null) {
            return null;
        }
        List<ImapData> out = new ArrayList<>(list.size());
        for (Entry e : list) {
            out.add(e.item);
            forget(e);
            if (budget != null && e.item instanceof ImapData.Pair p) {
                budget.detach(p.literal());
            }
        }
        purgeIfStale();
        return out;
    }

    synchronized List<ImapData> get(String name) {
        ArrayDeque<Entry> list = kept.get(name);
        if (list == null) {
            return null;
        }
        List<ImapData> out = new ArrayList<>(list.size());
        list.forEach(e -> out.add(e.item));
        return out;
    }

    synchronized boolean contains(String name) {
        return kept.containsKey(name);
    }

    /** Drops the data kept for {@code names}, closing its literals (imaplib drops OK/NO/BAD before each command). */
    synchronized void drop(String... names) {
        for (String n : names) {
            ArrayDeque<Entry> dropped = kept.remove(n);
            if (dropped != null) {
                dropped.forEach(e -> drop(e, false));
            }
        }
        purgeIfStale();
    }

    /** Drops everything, closing literals: nothing can read them any more. */
    synchronized void clear() {
        kept.values().forEach(l -> l.forEach(e -> drop(e, false)));
        kept.clear();
        order.clear();
        goneInOrder = 0;
    }

    /** Entries dropped to keep within the byte bound since the store was made. */
    synchronized long evictions() {
        return evictions;
    }

    /** Bytes of data kept now (lines and literal sizes). */
    synchronized long bytes() {
        return bytes;
    }

    private void drop(Entry e, boolean evicted) {
        forget(e);
        // a literal raw() already handed to its caller is the caller's to close
        if (e.item instanceof ImapData.Pair p && (budget == null || !p.literal().isSpooled()
                || budget.owns(p.literal()))) {
            p.literal().close();
        }
        if (evicted) {
            evictions++;
            if (evictions == 1 || evictions % LOG_EVERY == 0) {
                LOG.warn("untagged data kept for the raw API exceeded its bounds ({} bytes, maxUnsolicitedBytes;"
                        + " {} items per name; {} names): dropped the oldest, {} entries so far on this connection",
                        maxBytes, MAX_PER_NAME, MAX_NAMES, evictions);
            }
        }
    }

    private void forget(Entry e) {
        if (!e.gone) {
            e.gone = true;
            goneInOrder++;
            bytes -= e.bytes;
            if (budget != null) {
                budget.creditHeap(e.heap);
            }
        }
    }

    /** Rebuilds the arrival order once it holds more taken entries than live ones. */
    private void purgeIfStale() {
        if (goneInOrder > 64 && goneInOrder > order.size() / 2) {
            order.removeIf(e -> e.gone);
            goneInOrder = 0;
        }
    }

    private static long wireSize(ImapData item) {
        if (item instanceof ImapData.Pair p) {
            return p.header().length + p.literal().size();
        }
        return item == null ? 0 : ((ImapData.Line) item).bytes().length;
    }

    private static long heapSize(ImapData item) {
        if (item instanceof ImapData.Pair p) {
            return p.header().length + ConnectionBudget.ITEM_OVERHEAD
                    + (p.literal().isSpooled() ? 0 : p.literal().size() + ConnectionBudget.ITEM_OVERHEAD);
        }
        return (item == null ? 0 : ((ImapData.Line) item).bytes().length) + ConnectionBudget.ITEM_OVERHEAD;
    }
}
