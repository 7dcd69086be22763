package dev.imap4.client.internal.command;

import dev.imap4.client.internal.wire.CommandWriter;

/**
 * imaplib's argument rule: a string already in parentheses or double quotes is sent as it is
 * (after checking it holds no CR, LF or NUL); a string with characters an atom cannot hold is
 * quoted, or sent as a literal when quoting cannot carry it; anything else is sent as an atom.
 */
public final class ImapArgs {

    private ImapArgs() {
    }

    public static void write(CommandWriter w, String arg) {
        if (isEnclosed(arg)) {
            w.raw(arg);
        } else if (needsQuoting(arg)) {
            w.string(arg);
        } else {
            w.raw(arg);
        }
    }

    /** imaplib: {@code (arg[0], arg[-1]) in (('(', ')'), ('"', '"'))}. */
    static boolean isEnclosed(String arg) {
        if (arg.length() < 2) {
            return false;
        }
        char first = arg.charAt(0);
        char last = arg.charAt(arg.length() - 1);
        return (first == '(' && last == ')') || (first == '"' && last == '"' && isWellQuoted(arg));
    }

    /** A quoted string whose inner quotes and backslashes are escaped; otherwise it gets re-quoted. */
    private static boolean isWellQuoted(String arg) {
        for (int i = 1; i < arg.length() - 1; i++) {
            char c = arg.charAt(i);
            if (c == '\\') {
                i++;
                if (i >= arg.length() - 1) {
                    return false;
                }
            } else if (c == '"') {
                return false;
            }
        }
        return true;
    }

    /**
     * imaplib's {@code mustquote}: anything but letters, digits and {@code !#$%&'*+,.:;<=>?^_`|~-}
     * (plus {@code []/@} so that {@code BODY[TEXT]} and addresses stay atoms), or the empty string.
     */
    static boolean needsQuoting(String arg) {
        if (arg.isEmpty()) {
            return true;
        }
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+,.:;<=>?^_`|~-[]/@".indexOf(c) >= 0;
            if (!plain) {
                return true;
            }
        }
        return false;
    }
}
