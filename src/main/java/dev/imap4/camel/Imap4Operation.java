package dev.imap4.camel;

import java.util.Locale;

/**
 * The commands the producer runs, by name. Anything else is sent as an extension verb (imaplib's
 * xatom) and answered with the raw untagged responses.
 */
public enum Imap4Operation {
    SEARCH, UID_SEARCH, SORT, UID_SORT, THREAD, UID_THREAD,
    FETCH, UID_FETCH, STORE, UID_STORE, COPY, UID_COPY, MOVE, UID_MOVE, EXPUNGE, UID_EXPUNGE,
    APPEND, CREATE, DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE, LIST, LSUB, STATUS,
    GETACL, SETACL, DELETEACL, MYRIGHTS, GETQUOTA, GETQUOTAROOT, SETQUOTA, NAMESPACE, CAPABILITY,
    NOOP, CHECK,
    /** Any other verb: sent as it is, with imaplib-encoded arguments. */
    XATOM;

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

    /** The operation for a normalised verb; XATOM for extension verbs. */
    public static Imap4Operation of(String normalisedVerb) {
        try {
            return valueOf(normalisedVerb.replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return XATOM;
        }
    }
}
