package dev.imap4.client.internal.engine;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4BudgetExceededException;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.Literal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one connection holds from its server, in bytes, against two limits: heap (lines and
 * in-memory literals of the running command, untagged data kept for the raw API, typed results
 * being built) and disk (spooled literals the connection still owns). Exceeding either throws an
 * {@link Imap4AbortException} naming the budget, its limit and the amounts; the engine then closes
 * the connection, which deletes every spool file it still owns.
 *
 * <p>Charges are made once per line or literal, never per byte. Bytes read during a command are
 * held in the command's scope until they are handed over: to the caller when the command completes
 * (or, for a streaming fetch, when each message has been delivered), or to the unsolicited-data
 * listeners, after which only what the untagged store keeps stays charged (the store charges it
 * itself). Spooled literals are charged to the disk budget while the connection owns them; a
 * literal handed to the caller leaves the budget (and stays in the JVM-exit cleanup set until it is
 * closed or released).
 */
public final class ConnectionBudget implements Literal.SpoolOwner {

    /** Heap charged per line or literal on top of its bytes, for the objects parsed from it. */
    public static final int ITEM_OVERHEAD = 256;

    private final long heapLimit;
    private final long diskLimit;
    private final AtomicLong heap = new AtomicLong();
    private final AtomicLong disk = new AtomicLong();
    /** By file: literals compare by content, so they cannot be keys. */
    private final Map<Path, Literal> owned = new ConcurrentHashMap<>();
    // the running command's scope: touched by the engine's thread only
    private long scopeHeap;
    private final List<Literal> scopeLiterals = new ArrayList<>();

    public ConnectionBudget(long heapLimit, long diskLimit) {
        this.heapLimit = heapLimit;
        this.diskLimit = diskLimit;
    }

    public static ConnectionBudget of(Imap4Options options) {
        return new ConnectionBudget(options.maxHeldBytes(), options.maxSpoolBytes());
    }

    public long heapLimit() {
        return heapLimit;
    }

    public long diskLimit() {
        return diskLimit;
    }

    /** Heap bytes charged now. */
    public long heapHeld() {
        return heap.get();
    }

    /** Spooled bytes this connection owns now. */
    public long diskHeld() {
        return disk.get();
    }

    /** Spool files this connection owns now. */
    public int ownedSpoolFiles() {
        return owned.size();
    }

    // ---- heap ----

    /** Charges {@code bytes} of heap for {@code what} (e.g. "line of 12 bytes read"), or throws. */
    public void chargeHeap(long bytes, String what) {
        long now = heap.addAndGet(bytes);
        if (now > heapLimit) {
            heap.addAndGet(-bytes);
            throw exceeded("heap", "maxHeldBytes", heapLimit, now - bytes, what);
        }
    }

    /** As {@link #chargeHeap(long, String)}, building the description only when the budget is exceeded. */
    public void chargeHeap(long bytes, java.util.function.Supplier<String> what) {
        long now = heap.addAndGet(bytes);
        if (now > heapLimit) {
            heap.addAndGet(-bytes);
            throw exceeded("heap", "maxHeldBytes", heapLimit, now - bytes, what.get());
        }
    }

    /** Charges heap that is already bounded elsewhere (one line), without a check. */
    public void chargeHeapUnchecked(long bytes) {
        heap.addAndGet(bytes);
    }

    public void creditHeap(long bytes) {
        heap.addAndGet(-bytes);
    }

    /** Charges heap to the running command's scope: released by {@link #handOver()} or {@link #releaseTo}. */
    void chargeScoped(long bytes, String what) {
        chargeHeap(bytes, what);
        scopeHeap += bytes;
    }

    /** Charges a line just read to the scope (the message is built only when the budget is exceeded). */
    void chargeLine(int length) {
        long bytes = length + ITEM_OVERHEAD;
        long now = heap.addAndGet(bytes);
        if (now > heapLimit) {
            heap.addAndGet(-bytes);
            throw exceeded("heap", "maxHeldBytes", heapLimit, now - bytes, "line of " + length + " bytes read");
        }
        scopeHeap += bytes;
    }

    /** Charges an in-memory literal to the scope before its buffer is allocated. */
    void chargeLiteral(long size) {
        long bytes = size + ITEM_OVERHEAD;
        long now = heap.addAndGet(bytes);
        if (now > heapLimit) {
            heap.addAndGet(-bytes);
            throw exceeded("heap", "maxHeldBytes", heapLimit, now - bytes, "literal of " + size + " bytes announced");
        }
        scopeHeap += bytes;
    }

    long heapMark() {
        return scopeHeap;
    }

    int literalMark() {
        return scopeLiterals.size();
    }

    /**
     * Ends the scope of what was read since the marks: a response given to the listeners. Its heap
     * is released; its spooled literals stay owned by the connection (the store keeps them).
     */
    void releaseTo(long heapMark, int literalMark) {
        if (scopeHeap > heapMark) {
            creditHeap(scopeHeap - heapMark);
            scopeHeap = heapMark;
        }
        while (scopeLiterals.size() > literalMark) {
            scopeLiterals.remove(scopeLiterals.size() - 1);
        }
    }

    /** Everything in the scope goes to the caller: heap released, spooled literals no longer owned. */
    void handOver() {
        creditHeap(scopeHeap);
        scopeHeap = 0;
        for (Literal l : scopeLiterals) {
            detach(l);
        }
        scopeLiterals.clear();
    }

    // ---- disk ----

    /** Reserves disk for a literal about to be spooled, or throws. */
    void reserveDisk(long size) {
        long now = disk.addAndGet(size);
        if (now > diskLimit) {
            disk.addAndGet(-size);
            throw exceeded("spool", "maxSpoolBytes", diskLimit, now - size, "literal of " + size + " bytes announced");
        }
    }

    /** Returns a reservation whose file could not be written. */
    void cancelDisk(long size) {
        disk.addAndGet(-size);
    }

    /** A spooled literal the connection owns (its disk already reserved), in the running scope. */
    Literal spooled(Path file, long size) {
        Literal l = Literal.spooled(file, size, this);
        SpoolFiles.add(file);
        owned.put(file, l);
        scopeLiterals.add(l);
        return l;
    }

    /** Whether the connection still owns {@code l}'s spool file (it was not handed over, closed or released). */
    public boolean owns(Literal l) {
        return l.isSpooled() && owned.get(l.file()) == l;
    }

    /** The literal goes to the caller: the connection no longer deletes it or counts it. */
    public void detach(Literal l) {
        if (l.isSpooled() && owned.remove(l.file(), l)) {
            disk.addAndGet(-l.size());
        }
    }

    @Override
    public void gone(Literal l) {
        SpoolFiles.remove(l.file());
        detach(l);
    }

    /** The connection is closing (on any thread): deletes every spool file it still owns. */
    void closeAll() {
        for (Literal l : owned.values()) {
            l.close();
        }
    }

    private static Imap4AbortException exceeded(String budget, String option, long limit, long held, String what) {
        return new Imap4BudgetExceededException(budget + " budget of " + limit + " bytes (" + option + ") exceeded: "
                + held + " bytes held, " + what);
    }
}
