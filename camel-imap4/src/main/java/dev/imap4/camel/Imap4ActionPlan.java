package dev.imap4.camel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The server actions a set of outcomes calls for, grouped so that N messages cost one command per
 * action and folder. Each step is dropped once done, so a plan cut short by a broken connection
 * resumes on the next poll where it stopped (if UIDVALIDITY is still the same) instead of leaving
 * processed messages unseen.
 */
final class Imap4ActionPlan {

    final long uidValidity;
    final Map<String, List<Long>> copies = new LinkedHashMap<>();
    final List<Long> seen = new ArrayList<>();
    final List<Long> flagged = new ArrayList<>();
    final List<Long> deleted = new ArrayList<>();
    final Map<String, List<Long>> moves = new LinkedHashMap<>();

    Imap4ActionPlan(long uidValidity) {
        this.uidValidity = uidValidity;
    }

    static void add(Map<String, List<Long>> byFolder, String folder, long uid) {
        byFolder.computeIfAbsent(folder, f -> new ArrayList<>()).add(uid);
    }

    /** Runs {@code step} for each folder, forgetting each one as soon as it is done. */
    static void drain(Map<String, List<Long>> byFolder, BiConsumer<String, List<Long>> step) {
        for (Iterator<Map.Entry<String, List<Long>>> it = byFolder.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, List<Long>> e = it.next();
            step.accept(e.getKey(), e.getValue());
            it.remove();
        }
    }
}
