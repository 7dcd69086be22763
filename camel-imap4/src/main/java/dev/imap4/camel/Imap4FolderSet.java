package dev.imap4.camel;

import dev.imap4.client.ImapClient;
import dev.imap4.client.types.ListEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The folder option of a consumer that watches several folders: a comma-separated list of names
 * and LIST patterns (RFC 3501 §6.3.8: {@code *} matches across hierarchy levels, {@code %} within
 * one), for example {@code INBOX,Support/*}. Patterns are resolved with LIST at every poll, so a
 * folder created later is picked up; folders that cannot be selected (\Noselect, \NonExistent) are
 * left out.
 */
final class Imap4FolderSet {

    private final List<String> parts;

    Imap4FolderSet(String spec) {
        List<String> p = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            String t = part.trim();
            if (t.isEmpty()) {
                throw new IllegalArgumentException("folder '" + spec + "' has an empty name in its list");
            }
            p.add(t);
        }
        this.parts = List.copyOf(p);
    }

    /** Whether {@code folder} names several folders (a list or a pattern) rather than one. */
    static boolean isSeveral(String folder) {
        return folder != null && (folder.indexOf(',') >= 0 || isPattern(folder));
    }

    private static boolean isPattern(String name) {
        return name.indexOf('*') >= 0 || name.indexOf('%') >= 0;
    }

    /** The folders named now, in the order given, each once; patterns through LIST on {@code client}. */
    List<String> resolve(ImapClient client) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : parts) {
            if (!isPattern(part)) {
                out.add(part);
                continue;
            }
            for (ListEntry e : client.list("", part)) {
                if (e.attributes().stream().map(a -> a.toLowerCase(Locale.ROOT))
                        .noneMatch(a -> a.equals("\\noselect") || a.equals("\\nonexistent"))) {
                    out.add(e.name());
                }
            }
        }
        return List.copyOf(out);
    }
}
