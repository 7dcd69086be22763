package dev.imap4.client.internal.parse;

import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.ResponseCode;
import dev.imap4.client.types.AppendUid;
import dev.imap4.client.types.CopyUid;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.List;

/**
 * The data of the response codes the client uses ({@code [CODE data]} in resp-text-code, RFC 3501
 * §7.1), read from the response itself into a {@link ResponseCode}.
 */
public final class CodeParser {

    private CodeParser() {
    }

    /**
     * Reads the data of code {@code name}, which starts at {@code in}'s position and ends before the
     * ']' at {@code end}. Never throws: data that breaks its grammar becomes {@link ResponseCode#malformed}
     * (thrown when the data is asked for). {@code in} is left anywhere before {@code end}; the caller
     * goes on from {@code end}. Codes the client does not use give {@link ResponseCode#NONE}.
     */
    public static ResponseCode parse(String name, ImapInput in, int end) {
        try {
            ResponseCode code = switch (name) {
                case "UIDNEXT", "UIDVALIDITY", "UNSEEN", "HIGHESTMODSEQ" -> ResponseCode.ofNumber(name, in.number());
                case "PERMANENTFLAGS" -> ResponseCode.ofFlags(name, permanentFlags(in));
                case "APPENDUID" -> ResponseCode.ofAppendUid(appendUid(in, end));
                case "COPYUID" -> ResponseCode.ofCopyUid(copyUid(in, end));
                case "MODIFIED" -> ResponseCode.ofModified(Lex.sequenceSet(in, "resp-text-code", true));
                default -> null;
            };
            if (code == null) {
                return ResponseCode.NONE;
            }
            dataEnd(in, end);
            return code;
        } catch (ImapProtocolException e) {
            return ResponseCode.malformed(name, e);
        }
    }

    /**
     * RFC 4315 §3 COPYUID: {@code nz-number SP uid-set SP uid-set}, source and destination of equal size.
     * Exchange sends the UID validity with both sets empty ({@code [COPYUID 1234  ]}): no mapping is
     * reported, so the result is {@code null}, as when a server sends no COPYUID at all.
     */
    private static CopyUid copyUid(ImapInput in, int end) {
        long validity = in.nzNumber();
        int afterValidity = in.position();
        in.maybeSp();
        if (in.position() == end) {
            return null;
        }
        in.reset(afterValidity);
        in.sp();
        int start = in.position();
        NumberSet source = uidSet(in);
        in.sp();
        NumberSet destination = uidSet(in);
        long from = Lex.count(source);
        long to = Lex.count(destination);
        if (from != to) {
            in.reset(start);
            throw in.error("resp-code-copy", "as many destination as source UIDs (" + from + " source, " + to
                    + " destination)");
        }
        return new CopyUid(validity, source, destination);
    }

    /** RFC 4315 §3 APPENDUID: {@code nz-number SP append-uid} (a set after MULTIAPPEND). */
    private static AppendUid appendUid(ImapInput in, int end) {
        long validity = in.nzNumber();
        in.sp();
        return new AppendUid(validity, uidSet(in));
    }

    /** RFC 3501 §7.1 PERMANENTFLAGS: {@code "(" [flag-perm *(SP flag-perm)] ")"}, {@code \*} included. */
    private static List<String> permanentFlags(ImapInput in) {
        if (!in.peekIs('(')) {
            throw in.error("flag-perm", "'('");
        }
        return FlagListParser.parse(in, "flag-perm");
    }

    /** Only spaces may stand between the data and the ']' that closes the code. */
    private static void dataEnd(ImapInput in, int end) {
        in.maybeSp();
        if (in.position() != end) {
            throw in.error("resp-text-code", "']' closing the response code");
        }
    }

    private static NumberSet uidSet(ImapInput in) {
        int start = in.position();
        NumberSet set = Lex.sequenceSet(in, "uid-set", true);
        long n = Lex.count(set);
        if (n < 0 || n > Lex.MAX_EXPANDED) {
            in.reset(start);
            throw in.error("uid-set", "at most " + Lex.MAX_EXPANDED + " UIDs without '*'");
        }
        return set;
    }
}
