package dev.imap4.camel;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which commands the producer may run. A command that changes the connection's state (login,
 * TLS, compression, the selected folder, IDLE) is never sent: the producer manages those through
 * the typed client, which keeps its own view of the state in step, and a pooled connection whose
 * state the client no longer knew would serve the next exchange wrongly (a raw {@code SELECT
 * Other} would make the next INBOX search run on Other). Extension verbs (anything the producer
 * has no typed operation for) are sent raw, so they need an explicit opt-in: listed in
 * {@code allowedCommands}, or {@code allowRawCommands=true}. When {@code allowedCommands} (or else
 * the endpoint's {@code command}) is set, only those run.
 */
final class Imap4CommandPolicy {

    /** Verbs whose effect on the connection the producer cannot keep in step with. */
    static final Set<String> STATE_CHANGING = Set.of("LOGIN", "AUTHENTICATE", "LOGOUT", "UNAUTHENTICATE",
            "STARTTLS", "COMPRESS", "ENABLE", "IDLE", "SELECT", "EXAMINE", "CLOSE", "UNSELECT");

    private final Set<String> allowed;
    private final boolean allowRaw;

    Imap4CommandPolicy(Imap4Configuration config) {
        this.allowed = allowList(config);
        this.allowRaw = config.isAllowRawCommands();
        for (String verb : allowed) {
            refuseStateChanging(verb);
            if (Imap4Operation.of(verb) == Imap4Operation.XATOM) {
                requireAtoms(verb);
            }
        }
    }

    /** The configured allow-list; else only the endpoint's command when set; else empty (the defaults). */
    static Set<String> allowList(Imap4Configuration config) {
        Set<String> out = new LinkedHashSet<>();
        if (config.getAllowedCommands() != null && !config.getAllowedCommands().isBlank()) {
            Arrays.stream(config.getAllowedCommands().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(Imap4Operation::normalise).forEach(out::add);
        } else if (config.getCommand() != null && !config.getCommand().isBlank()) {
            out.add(Imap4Operation.normalise(config.getCommand()));
        }
        return out;
    }

    /** Refuses {@code verb} (normalised) with a message that names it and the option to change. */
    void check(String verb) {
        refuseStateChanging(verb);
        if (!allowed.isEmpty()) {
            if (!allowed.contains(verb)) {
                throw new IllegalArgumentException("IMAP command " + verb + " is not allowed on this endpoint;"
                        + " allowed (allowedCommands): " + allowed);
            }
        } else if (Imap4Operation.of(verb) == Imap4Operation.XATOM && !allowRaw) {
            throw new IllegalArgumentException("IMAP command " + verb + " has no typed operation in the producer"
                    + " and would be sent raw; allow it with allowedCommands=" + verb + " or allowRawCommands=true");
        }
        if (Imap4Operation.of(verb) == Imap4Operation.XATOM) {
            requireAtoms(verb);
        }
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
