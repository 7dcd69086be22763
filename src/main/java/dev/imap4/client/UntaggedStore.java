package dev.imap4.client;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * imaplib's {@code untagged_responses}: the data of untagged responses and response codes, kept by
 * name until {@code response()} or a command's result takes it. Bounded, because the server picks
 * both the names and how much arrives: at most {@value #MAX_PER_NAME} items per name (the oldest
 * goes) and {@value #MAX_NAMES} names (the one kept longest goes). Whatever is dropped has its
 * literals closed, so no spool file outlives the data that referred to it.
 */
final class UntaggedStore {

    static final int MAX_PER_NAME = 10_000;
    static final int MAX_NAMES = 1_000;

    private final Map<String, List<ImapData>> kept = new LinkedHashMap<>();
    private final BiConsumer<String, ImapData> onKeep;

    /** @param onKeep told of every item kept (for the trace) */
    UntaggedStore(BiConsumer<String, ImapData> onKeep) {
        this.onKeep = onKeep;
    }

    /** Keeps the data of an untagged response under its name, and its response code's data under the code. */
    void collect(UntaggedResponse r) {
        for (ImapData d : r.data()) {
            keep(r.name(), d);
        }
        StatusResponse st = r.status();
        if (st != null && st.code() != null && !st.status().equals("BYE")) {
            keepCode(st);
        }
    }

    /** imaplib keeps {@code b''} for a code without data (READ-ONLY, TRYCREATE), so that its presence shows. */
    void keepCode(StatusResponse st) {
        keep(st.code(), ImapData.line(st.codeData() == null ? "" : st.codeData()));
    }

    synchronized void keep(String name, ImapData item) {
        if (!kept.containsKey(name) && kept.size() >= MAX_NAMES) {
            Iterator<List<ImapData>> eldest = kept.values().iterator();
            eldest.next().forEach(UntaggedStore::release);
            eldest.remove();
        }
        List<ImapData> list = kept.computeIfAbsent(name, k -> new ArrayList<>());
        if (list.size() >= MAX_PER_NAME) {
            release(list.remove(0));
        }
        list.add(item);
        onKeep.accept(name, item);
    }

    /** Takes the data kept for {@code name}; null when there is none. */
    synchronized List<ImapData> remove(String name) {
        return kept.remove(name);
    }

    synchronized List<ImapData> get(String name) {
        return kept.get(name);
    }

    synchronized boolean contains(String name) {
        return kept.containsKey(name);
    }

    /** Drops the data kept for {@code names}, closing its literals (imaplib drops OK/NO/BAD before each command). */
    synchronized void drop(String... names) {
        for (String n : names) {
            List<ImapData> dropped = kept.remove(n);
            if (dropped != null) {
                dropped.forEach(UntaggedStore::release);
            }
        }
    }

    /** Drops everything, closing literals: nothing can read them any more. */
    synchronized void clear() {
        kept.values().forEach(l -> l.forEach(UntaggedStore::release));
        kept.clear();
    }

    private static void release(ImapData item) {
        if (item instanceof ImapData.Pair p) {
            p.literal().close();
        }
    }
}
