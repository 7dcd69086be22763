package dev.imap4.client.command;

import dev.imap4.client.wire.CommandWriter;

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

    /**
     * Splits an argument string on spaces outside double quotes and parentheses, so
     * {@code UNSEEN FROM "Ann Lee" (OR SEEN FLAGGED)} gives four arguments. Unbalanced quotes or
     * parentheses are refused.
     */
    public static java.util.List<String> split(String args) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (quoted) {
                cur.append(c);
                if (c == '\\' && i + 1 < args.length()) {
                    cur.append(args.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (c == ' ' && depth == 0) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                throw new dev.imap4.client.Imap4Exception("unbalanced ')' in arguments: " + args);
            }
            cur.append(c);
        }
        if (quoted || depth != 0) {
            throw new dev.imap4.client.Imap4Exception("unbalanced quotes or parentheses in arguments: " + args);
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
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
