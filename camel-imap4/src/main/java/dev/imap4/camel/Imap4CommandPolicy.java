package dev.imap4.camel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which commands the producer may run. A command that changes the connection's state (login,
 * TLS, compression, the selected folder, IDLE) is never sent: the producer manages those through
 * the typed client, which keeps its own view of the state in step, and a pooled connection whose
 * state the client no longer knew would serve the next exchange wrongly (a raw {@code SELECT
 * Other} would make the next INBOX search run on Other). Extension verbs (anything the producer
 * has no typed operation for, {@link Imap4Operation#RAW}) are sent raw, so they need an explicit
 * opt-in: listed in {@code allowedCommands} as {@code RAW:VERB}, or {@code allowRawCommands=true}
 * when {@code allowedCommands} is unset. When {@code allowedCommands} (or else the endpoint's
 * {@code command}) is set, only those operations run; {@code command=RAW} allows no typed operation.
 * {@link Imap4Operation#UNAUTHENTICATE} ends the connection's login, so it runs only when named
 * explicitly (in {@code allowedCommands} or as {@code command}), never as part of the default
 * "every typed operation"; the producer closes that connection afterwards instead of pooling it.
 */
final class Imap4CommandPolicy {

    /** Verbs whose effect on the connection the producer cannot keep in step with. */
    static final Set<String> STATE_CHANGING = Set.of("LOGIN", "AUTHENTICATE", "LOGOUT", "STARTTLS", "COMPRESS", "ENABLE", "IDLE", "SELECT", "EXAMINE", "CLOSE", "UNSELECT");

    private static final String RAW_PREFIX = "RAW:";

    /** Whether only the listed operations and raw verbs may run (allowedCommands or command is set). */
    private final boolean restricted;
    private final Set<Imap4Operation> operations = EnumSet.noneOf(Imap4Operation.class);
    private final Set<String> rawVerbs = new LinkedHashSet<>();
    /** Whether allowRawCommands applies: not when allowedCommands or a typed command narrows the endpoint. */
    private final boolean rawFlagApplies;
    private final boolean anyRaw;

    Imap4CommandPolicy(Imap4Configuration config) {
        String list = config.getAllowedCommands();
        boolean listed = list != null && !list.isBlank();
        this.rawFlagApplies = !listed && (config.getCommand() == null || config.getCommand() == Imap4Operation.RAW);
        this.anyRaw = config.isAllowRawCommands() && rawFlagApplies;
        if (listed) {
            for (String entry : list.split(",")) {
                if (!entry.isBlank()) {
                    allow(entry.trim());
                }
            }
        } else if (config.getCommand() != null && config.getCommand() != Imap4Operation.RAW) {
            operations.add(config.getCommand());
        }
        this.restricted = listed || config.getCommand() != null;
    }

    // an entry of allowedCommands: an operation in any spelling of the command option, or RAW:VERB
    private void allow(String entry) {
        if (entry.regionMatches(true, 0, RAW_PREFIX, 0, RAW_PREFIX.length())) {
            String verb = Imap4Operation.normalise(entry.substring(RAW_PREFIX.length()));
            refuseStateChanging(verb);
            if (Imap4Operation.of(verb) != Imap4Operation.RAW || verb.equals("RAW")) {
                throw new IllegalArgumentException("allowedCommands entry " + entry + " names a typed operation;"
                        + " list it as " + verb + " without RAW:");
            }
            requireAtoms(verb);
            rawVerbs.add(verb);
            return;
        }
        String verb = Imap4Operation.normalise(entry);
        refuseStateChanging(verb);
        if (verb.equals("RAW")) {
            throw new IllegalArgumentException("allowedCommands entry RAW must name the extension verb it allows,"
                    + " e.g. RAW:XLIST");
        }
        operations.add(Imap4Operation.fromOption(entry));
    }

    /**
     * Refuses the command {@code verb} (normalised), whose operation is {@code op}, with a message that
     * names it and the option to change.
     */
    void check(Imap4Operation op, String verb) {
        refuseStateChanging(verb);
        if (op == Imap4Operation.RAW) {
            requireAtoms(verb);
            if (rawVerbs.contains(verb) || anyRaw) {
                return;
            }
            throw new IllegalArgumentException("IMAP command " + verb + " has no typed operation in the producer"
                    + " and would be sent raw; allow it with allowedCommands=RAW:" + verb
                    + (rawFlagApplies ? " or allowRawCommands=true" : ""));
        }
        if (op == Imap4Operation.UNAUTHENTICATE && !operations.contains(op)) {
            throw new IllegalArgumentException("IMAP command UNAUTHENTICATE ends the connection's login and runs only"
                    + " when named on the endpoint: allowedCommands=UNAUTHENTICATE (or command=UNAUTHENTICATE);"
                    + " the producer then closes that connection instead of pooling it");
        }
        if (restricted && !operations.contains(op)) {
            throw new IllegalArgumentException("IMAP command " + verb + " is not allowed on this endpoint;"
                    + " allowed (allowedCommands or command): " + allowed());
        }
    }

    /** The allowed commands as written in allowedCommands, for messages. */
    private List<String> allowed() {
        List<String> out = new ArrayList<>();
        operations.forEach(o -> out.add(o.verb()));
        rawVerbs.forEach(v -> out.add(RAW_PREFIX + v));
        return out;
    }

    private static void refuseStateChanging(String verb) {
        for (String word : verb.split(" ")) {
            if (STATE_CHANGING.contains(word)) {
                String how = word.equals("SELECT") || word.equals("EXAMINE") || word.equals("CLOSE")
                        || word.equals("UNSELECT")
                        ? "choose the folder with the folder option or the CamelImap4Folder header"
                        : "the producer logs in, secures and closes its connections itself";
                throw new IllegalArgumentException("IMAP command " + verb + " changes the connection's state and"
                        + " is never run by the producer, not even when listed in allowedCommands or with"
                        + " allowRawCommands: " + how);
            }
        }
    }

    // an extension verb is one or two atoms (e.g. XPING, UID XFOO): nothing else can follow the tag
    private static void requireAtoms(String verb) {
        String[] words = verb.split(" ");
        if (words.length > 2 || words.length == 2 && !words[0].equals("UID")) {
            throw new IllegalArgumentException("IMAP command " + verb + " is not a command name; put arguments"
                    + " in CamelImap4Arguments");
        }
        for (String w : words) {
            if (!w.matches("[A-Z][A-Z0-9._-]*")) {
                throw new IllegalArgumentException("IMAP command " + verb + " is not a command name (letters,"
                        + " digits, '.', '_' or '-')");
            }
        }
    }
}
