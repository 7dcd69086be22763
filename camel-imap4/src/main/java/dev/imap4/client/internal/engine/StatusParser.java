package dev.imap4.client.internal.engine;

import dev.imap4.client.ResponseCode;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.parse.CodeParser;
import dev.imap4.client.internal.wire.ImapInput;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

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
        ResponseCode typed = ResponseCode.NONE;
        if (in.maybe('[')) {
            code = codeName(in).toUpperCase(Locale.ROOT);
            if (in.maybeSp()) {
                int start = in.position();
                codeData = codeData(in);
                int end = in.position();
                in.reset(start);
                typed = CodeParser.parse(code, in, end);
                in.reset(end);
            } else {
                typed = ResponseCode.withoutData(code);
            }
            in.expect(']', "resp-text-code");
            in.maybeSp();
        } else {
            code = codeAfterCommandName(in);
        }
        String text = in.text();
        return new StatusResponse(tag, status, code, codeData, text, raw, typed);
    }

    /** The most words of a command name that may stand before a response code (UID COPY, UID MOVE...). */
    private static final int MAX_NAME_WORDS = 3;

    /**
     * RFC 3501 §7.1 puts the response code first in resp-text. GNU Mailutils imap4d puts the command name
     * before it: {@code NO UID COPY [TRYCREATE] failed}. A code is taken from there only when the words
     * before it are letters alone (a command name, never a mailbox or other echoed text), at most
     * {@value #MAX_NAME_WORDS} of them, and it is one of {@link #CODES_AFTER_NAME}: codes without data
     * that report an outcome, never one that changes what the client believes about the server
     * (CAPABILITY) or maps messages (COPYUID). The text is kept whole. Returns null, with {@code in}
     * where it was, when there is no such code.
     */
    private static String codeAfterCommandName(ImapInput in) {
        int start = in.position();
        try {
            for (int words = 0; words < MAX_NAME_WORDS && isLetter(in.peek()); words++) {
                while (isLetter(in.peek())) {
                    in.skip();
                }
                if (!in.maybe(' ')) {
                    return null;
                }
                if (in.maybe('[')) {
                    if (in.peekIs(']') || in.peekIs(' ')) {
                        return null;
                    }
                    String name = codeName(in).toUpperCase(Locale.ROOT);
                    return in.peekIs(']') && CODES_AFTER_NAME.contains(name) ? name : null;
                }
            }
            return null;
        } finally {
            in.reset(start);
        }
    }

    private static boolean isLetter(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** Data-less codes that report an outcome: RFC 3501 §7.1, RFC 5530, RFC 4469, RFC 5465. */
    private static final Set<String> CODES_AFTER_NAME = Set.of("ALERT", "PARSE", "TRYCREATE", "READ-ONLY",
            "READ-WRITE", "UNAVAILABLE", "AUTHENTICATIONFAILED", "AUTHORIZATIONFAILED", "EXPIRED",
            "PRIVACYREQUIRED", "CONTACTADMIN", "NOPERM", "INUSE", "EXPUNGEISSUED", "CORRUPTION", "SERVERBUG",
            "CLIENTBUG", "CANNOT", "LIMIT", "OVERQUOTA", "ALREADYEXISTS", "NONEXISTENT", "NOTSAVED",
            "UNKNOWN-CTE");

    /**
     * Whether {@code in} stands at a complete response code of a name in the IANA registry of IMAP
     * response codes ({@code [UIDNEXT 51]}), left where it was. Exchange sends such a code on a line of
     * its own, with no {@code * OK} in front; only a registered name makes that line a status response.
     */
    public static boolean registeredCodeAhead(ImapInput in) {
        int start = in.position();
        try {
            if (!in.maybe('[')) {
                return false;
            }
            String name = codeName(in).toUpperCase(Locale.ROOT);
            if (!REGISTERED_CODES.contains(name)) {
                return false;
            }
            if (in.maybeSp()) {
                codeData(in);
            }
            return in.peekIs(']');
        } catch (RuntimeException e) {
            return false;
        } finally {
            in.reset(start);
        }
    }

    /** The IANA "IMAP Response Codes" registry. */
    private static final Set<String> REGISTERED_CODES = Set.of("ALERT", "ALREADYEXISTS", "APPENDUID",
            "AUTHENTICATIONFAILED", "AUTHORIZATIONFAILED", "BADCHARSET", "BADCOMPARATOR", "BADEVENT", "BADURL",
            "CANNOT", "CAPABILITY", "CLIENTBUG", "CLOSED", "COMPRESSIONACTIVE", "CONTACTADMIN", "COPYUID",
            "CORRUPTION", "EXPIRED", "EXPUNGEISSUED", "HASCHILDREN", "HIGHESTMODSEQ", "INUSE", "LIMIT",
            "MAILBOXID", "METADATA", "MODIFIED", "NOMODSEQ", "NONEXISTENT", "NOPERM", "NOTIFICATIONOVERFLOW",
            "NOTSAVED", "NOUPDATE", "OVERQUOTA", "PARSE", "PERMANENTFLAGS", "PRIVACYREQUIRED", "READ-ONLY",
            "READ-WRITE", "SERVERBUG", "TOOBIG", "TRYCREATE", "UIDNEXT", "UIDNOTSTICKY", "UIDVALIDITY",
            "UNAVAILABLE", "UNKNOWN-CTE", "UNSEEN", "URLMECH", "USEATTR", "ANNOTATE", "ANNOTATIONS",
            "DOWNGRADED", "INPROGRESS");

    private static String codeName(ImapInput in) {
        StringBuilder sb = new StringBuilder();
        while (!in.atLineEnd() && in.peek() != ' ' && in.peek() != ']') {
            sb.append((char) in.peek());
            in.skip();
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
