package dev.imap4.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The JVM's peak heap use over a stretch of a test, from the heap memory pools' peak usage. The sum
 * of the pools' peaks bounds the true peak from above (pools may peak at different moments).
 */
public final class HeapPeak {

    private HeapPeak() {
    }

    /** Starts a measurement: collects garbage and resets every heap pool's peak to its current use. */
    public static void reset() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid()) {
                p.resetPeakUsage();
            }
        }
    }

    /** The peak heap use since {@link #reset()}, in bytes. */
    public static long peakUsedBytes() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid()) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** The heap now in use after a collection, in bytes: the live data. */
    public static long liveBytes() {
        System.gc();
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    /** The maximum heap (-Xmx), in bytes. */
    public static long maxBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    public static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
