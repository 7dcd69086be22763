package dev.imap4.client;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The server's capability list (RFC 3501 §7.2.1), compared case-insensitively. */
public record Capabilities(Set<String> names) {

    public static final Capabilities NONE = new Capabilities(Set.of());

    public Capabilities {
        names = Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }

    /** From the words of a CAPABILITY response or response code; trailing spaces are tolerated (iCloud). */
    public static Capabilities parse(String words) {
        Set<String> set = new LinkedHashSet<>();
        if (words != null) {
            for (String w : words.trim().split("\\s+")) {
                if (!w.isEmpty()) {
                    set.add(w.toUpperCase(Locale.ROOT));
                }
            }
        }
        return new Capabilities(set);
    }

    public boolean has(String name) {
        return names.contains(name.toUpperCase(Locale.ROOT));
    }

    /**
     * RFC 7889 {@code APPENDLIMIT=n}: the largest message in bytes the server accepts in any
     * mailbox; {@code null} when not advertised, or advertised bare (the limit is then per mailbox,
     * asked with STATUS APPENDLIMIT). A value that is not a number counts as not advertised.
     */
    public Long appendLimit() {
        for (String n : names) {
            if (n.startsWith("APPENDLIMIT=")) {
                try {
                    long limit = Long.parseLong(n.substring("APPENDLIMIT=".length()));
                    return limit >= 0 ? limit : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The SASL mechanisms listed as {@code AUTH=...}. */
    public Set<String> authMechanisms() {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            if (n.startsWith("AUTH=")) {
                out.add(n.substring(5));
            }
        }
        return out;
    }

    /** imaplib's PROTOCOL_VERSION: the newest of IMAP4rev2, IMAP4rev1 and IMAP4 offered, or null. */
    public String protocolVersion() {
        for (String v : new String[] {"IMAP4REV2", "IMAP4REV1", "IMAP4"}) {
            if (names.contains(v)) {
                return v.equals("IMAP4") ? "IMAP4" : "IMAP4rev" + v.charAt(v.length() - 1);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return String.join(" ", names);
    }
}
