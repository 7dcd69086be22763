package dev.imap4.client.types;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One LIST or LSUB response (RFC 3501 §7.2.2, RFC 5258 LIST-EXTENDED).
 *
 * @param attributes the name attributes as sent ({@code \HasNoChildren}, {@code \Sent}, ...)
 * @param delimiter  the hierarchy delimiter, {@code null} for NIL (a flat namespace)
 * @param name       the mailbox name decoded from modified UTF-7 ({@code INBOX} in any case becomes
 *                   {@code INBOX}); the raw name when it is not valid modified UTF-7
 * @param rawName    the name exactly as the server sent it, to use in later commands
 * @param extended   mbox-list-extended data by upper-case tag ({@code CHILDINFO}, {@code OLDNAME}),
 *                   values flattened to strings
 */
public record ListEntry(Set<String> attributes, String delimiter, String name, String rawName,
        Map<String, List<String>> extended) {

    private static final List<String> SPECIAL_USE =
            List.of("\\All", "\\Archive", "\\Drafts", "\\Flagged", "\\Junk", "\\Sent", "\\Trash");

    public ListEntry {
        attributes = Collections.unmodifiableSet(new LinkedHashSet<>(attributes));
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (extended != null) {
            extended.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        extended = Collections.unmodifiableMap(copy);
    }

    /** Whether the attribute is present, compared case-insensitively (servers differ in case). */
    public boolean hasAttribute(String attribute) {
        for (String a : attributes) {
            if (a.equalsIgnoreCase(attribute)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the mailbox can be selected: neither {@code \Noselect} nor {@code \NonExistent}. */
    public boolean isSelectable() {
        return !hasAttribute("\\Noselect") && !hasAttribute("\\NonExistent");
    }

    /** The RFC 6154 special-use attribute ({@code \Sent}, {@code \Trash}, ...), or {@code null}. */
    public String specialUse() {
        for (String s : SPECIAL_USE) {
            if (hasAttribute(s)) {
                return s;
            }
        }
        return null;
    }
}
