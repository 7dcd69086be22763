package dev.imap4.client.internal.engine;

import dev.imap4.client.ImapState;
import static dev.imap4.client.ImapState.AUTH;
import static dev.imap4.client.ImapState.LOGOUT;
import static dev.imap4.client.ImapState.NONAUTH;
import static dev.imap4.client.ImapState.SELECTED;

import dev.imap4.client.Imap4Exception;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The states each command is allowed in: imaplib's {@code Commands} table, plus the extension
 * verbs this client speaks. A verb not listed (an extension sent through xatom) is allowed in any
 * state, as imaplib allows it in the current one.
 */
public final class CommandTable {

    private static final Set<ImapState> ANY = EnumSet.allOf(ImapState.class);
    private static final Set<ImapState> AUTHED = EnumSet.of(AUTH, SELECTED);
    private static final Set<ImapState> SEL = EnumSet.of(SELECTED);

    private static final Map<String, Set<ImapState>> STATES = Map.ofEntries(
            Map.entry("APPEND", AUTHED),
            Map.entry("AUTHENTICATE", EnumSet.of(NONAUTH)),
            Map.entry("CAPABILITY", ANY),
            Map.entry("CHECK", SEL),
            Map.entry("CLOSE", SEL),
            Map.entry("COMPRESS", AUTHED),
            Map.entry("COPY", SEL),
            Map.entry("CREATE", AUTHED),
            Map.entry("DELETE", AUTHED),
            Map.entry("DELETEACL", AUTHED),
            Map.entry("ENABLE", EnumSet.of(AUTH)),
            Map.entry("EXAMINE", AUTHED),
            Map.entry("EXPUNGE", SEL),
            Map.entry("FETCH", SEL),
            Map.entry("GETACL", AUTHED),
            Map.entry("GETMETADATA", AUTHED),
            Map.entry("GETQUOTA", AUTHED),
            Map.entry("GETQUOTAROOT", AUTHED),
            Map.entry("ID", ANY),
            Map.entry("IDLE", AUTHED),
            Map.entry("LIST", AUTHED),
            Map.entry("LISTRIGHTS", AUTHED),
            Map.entry("LOGIN", EnumSet.of(NONAUTH)),
            Map.entry("LOGOUT", ANY),
            Map.entry("LSUB", AUTHED),
            Map.entry("MOVE", SEL),
            Map.entry("MYRIGHTS", AUTHED),
            Map.entry("NAMESPACE", AUTHED),
            Map.entry("NOOP", ANY),
            Map.entry("NOTIFY", AUTHED),
            Map.entry("PARTIAL", SEL),
            Map.entry("PROXYAUTH", EnumSet.of(AUTH)),
            Map.entry("RENAME", AUTHED),
            Map.entry("SEARCH", SEL),
            Map.entry("SELECT", AUTHED),
            Map.entry("SETACL", AUTHED),
            Map.entry("SETMETADATA", AUTHED),
            Map.entry("SETQUOTA", AUTHED),
            Map.entry("SORT", SEL),
            Map.entry("STARTTLS", EnumSet.of(NONAUTH)),
            Map.entry("STATUS", AUTHED),
            Map.entry("STORE", SEL),
            Map.entry("SUBSCRIBE", AUTHED),
            Map.entry("THREAD", SEL),
            Map.entry("UID", SEL),
            Map.entry("UNAUTHENTICATE", AUTHED),
            Map.entry("UNSELECT", SEL),
            Map.entry("UNSUBSCRIBE", AUTHED),
            Map.entry("XLIST", AUTHED));

    private CommandTable() {
    }

    /** Whether {@code verb} (its first word) is a command this table knows. */
    public static boolean isKnown(String verb) {
        return STATES.containsKey(firstWord(verb));
    }

    /** The states {@code verb} is allowed in; every state for verbs the table does not know. */
    public static Set<ImapState> allowedStates(String verb) {
        return STATES.getOrDefault(firstWord(verb), ANY);
    }

    /** Throws imaplib's error when {@code verb} may not be sent in {@code state}. */
    public static void check(String verb, ImapState state) {
        Set<ImapState> allowed = allowedStates(verb);
        if (!allowed.contains(state)) {
            throw new Imap4Exception("command " + firstWord(verb) + " illegal in state " + state
                    + ", only allowed in states " + allowed);
        }
    }

    private static String firstWord(String verb) {
        int sp = verb.indexOf(' ');
        return (sp < 0 ? verb : verb.substring(0, sp)).toUpperCase(Locale.ROOT);
    }
}
