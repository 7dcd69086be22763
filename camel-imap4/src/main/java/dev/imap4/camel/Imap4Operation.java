package dev.imap4.camel;

import java.util.Locale;

/**
 * The commands the producer runs: the {@code command} option, the entries of {@code allowedCommands}
 * and the {@code CamelImap4Command} header all name one. Each is written as its IMAP verb
 * ({@code UID SEARCH}, {@code uid search}, {@code UID+SEARCH} in a URI) or as the constant
 * ({@code UID_SEARCH}, {@code uid-search}). {@link #RAW} stands for an extension verb the producer has
 * no typed operation for, sent as it is with imaplib-encoded arguments (imaplib's xatom): the verb
 * itself is named by the {@code CamelImap4Command} header and allowed with {@code allowedCommands=RAW:VERB}
 * or {@code allowRawCommands=true}.
 */
public enum Imap4Operation {
    SEARCH, UID_SEARCH, SORT, UID_SORT, THREAD, UID_THREAD,
    FETCH, UID_FETCH, STORE, UID_STORE, COPY, UID_COPY, MOVE, UID_MOVE, EXPUNGE, UID_EXPUNGE,
    APPEND, CREATE, DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE, LIST, LSUB, STATUS,
    GETACL, SETACL, DELETEACL, MYRIGHTS, GETQUOTA, GETQUOTAROOT, SETQUOTA, NAMESPACE, CAPABILITY,
    NOOP, CHECK, GETMETADATA, SETMETADATA,
    /**
     * RFC 8437: ends the session's login. Runs only when named in {@code allowedCommands} (or as the
     * endpoint's {@code command}); the connection is closed afterwards, never pooled.
     */
    UNAUTHENTICATE,
    /** An extension verb, named by the {@code CamelImap4Command} header: sent as it is, with imaplib-encoded arguments. */
    RAW;

    /** The verb as sent on the wire, e.g. {@code UID FETCH}. */
    public String verb() {
        return name().replace('_', ' ');
    }

    /** Whether the result is a list of message numbers (SEARCH and SORT, by number or UID). */
    public boolean isSearch() {
        return this == SEARCH || this == UID_SEARCH || this == SORT || this == UID_SORT;
    }

    /** Whether the command needs a selected folder. */
    public boolean needsFolder() {
        return switch (this) {
            case SEARCH, UID_SEARCH, SORT, UID_SORT, THREAD, UID_THREAD, FETCH, UID_FETCH, STORE, UID_STORE, COPY,
                    UID_COPY, MOVE, UID_MOVE, EXPUNGE, UID_EXPUNGE, CHECK -> true;
            default -> false;
        };
    }

    /** The normalised verb of a header or option value: upper case, single spaces. */
    public static String normalise(String verb) {
        if (verb == null || verb.isBlank()) {
            throw new IllegalArgumentException("no IMAP command given: set the CamelImap4Command header"
                    + " or the endpoint's command option");
        }
        return String.join(" ", verb.trim().toUpperCase(Locale.ROOT).split("\\s+"));
    }

    /**
     * The operation for a normalised verb ({@code UID FETCH} or {@code UID_FETCH}); {@link #RAW} for
     * an extension verb, which is then sent as it is.
     */
    public static Imap4Operation of(String normalisedVerb) {
        try {
            return valueOf(normalisedVerb.replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return RAW;
        }
    }

    /**
     * The operation an option value names, in any documented spelling: the verb ({@code UID SEARCH},
     * {@code uid search}) or the constant ({@code UID_SEARCH}, {@code uid-search}, {@code uidSearch}).
     * An extension verb is refused with the explicit form to use instead.
     */
    public static Imap4Operation fromOption(String text) {
        String verb = normalise(text);
        if (verb.equals("RAW")) {
            return RAW;
        }
        Imap4Operation op = of(verb.replace('-', ' '));
        if (op == RAW) {
            // camel case, as Camel accepts for any enum option: uidSearch
            op = of(text.trim().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        }
        if (op == RAW) {
            throw new IllegalArgumentException("IMAP command " + verb + " has no typed operation in the producer;"
                    + " send an extension verb with the CamelImap4Command header set to it and allow it with"
                    + " allowedCommands=RAW:" + verb + " (or allowRawCommands=true)");
        }
        return op;
    }
}
