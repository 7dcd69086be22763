package dev.imap4.client.engine;

import dev.imap4.client.StatusResponse;
import dev.imap4.client.wire.ImapInput;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** RFC 3501 resp-text after a status word: {@code ["[" resp-text-code "]" SP] text}. */
public final class StatusParser {

    private StatusParser() {
    }

    /**
     * A response name or status word, upper case. '[' is an ATOM-CHAR, but no name holds one: Exchange
     * glues the response code to the status word ({@code OK[READ-WRITE]}), so the name ends before it.
     */
    public static String responseName(ImapInput in) {
        int start = in.position();
        String atom = in.atom();
        int bracket = atom.indexOf('[');
        if (bracket > 0) {
            in.reset(start + bracket);
            atom = atom.substring(0, bracket);
        }
        return atom.toUpperCase(Locale.ROOT);
    }

    public static boolean isStatus(String name) {
        return switch (name) {
            case "OK", "NO", "BAD", "BYE", "PREAUTH" -> true;
            default -> false;
        };
    }

    /** Parses the rest of the line; tolerates a missing text (several servers send none). */
    public static StatusResponse parse(String tag, String status, ImapInput in) {
        in.maybeSp();
        byte[] raw = in.restOfLine();
        String code = null;
        String codeData = null;
        if (in.maybe('[')) {
            code = codeName(in).toUpperCase(Locale.ROOT);
            if (in.maybeSp()) {
                codeData = codeData(in);
            }
            in.expect(']', "resp-text-code");
            in.maybeSp();
        }
        String text = in.text();
        return new StatusResponse(tag, status, code, codeData, text, raw);
    }

    private static String codeName(ImapInput in) {
        StringBuilder sb = new StringBuilder();
        while (!in.atLineEnd() && in.peek() != ' ' && in.peek() != ']') {
            sb.append((char) in.peek());
            in.reset(in.position() + 1);
        }
        if (sb.length() == 0) {
            throw in.error("resp-text-code", "a response code name");
        }
        return sb.toString();
    }

    /** The code's data up to the closing bracket; parenthesised lists may hold ']' (Gmail flags). */
    private static String codeData(ImapInput in) {
        int start = in.position();
        byte[] rest = in.restOfLine();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < rest.length; i++) {
            byte b = rest[i];
            if (quoted) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    quoted = false;
                }
                continue;
            }
            if (b == '"') {
                quoted = true;
            } else if (b == '(') {
                depth++;
            } else if (b == ')') {
                depth = Math.max(0, depth - 1);
            } else if (b == ']' && depth == 0) {
                in.reset(start + i);
                return new String(rest, 0, i, StandardCharsets.UTF_8).stripTrailing();
            }
        }
        throw in.error("resp-text-code", "']' closing the response code");
    }
}
