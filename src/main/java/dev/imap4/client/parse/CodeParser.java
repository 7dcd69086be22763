package dev.imap4.client.parse;

import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.types.AppendUid;
import dev.imap4.client.types.CopyUid;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.wire.BytesResponseSource;
import dev.imap4.client.wire.ImapInput;
import java.util.List;

/**
 * The data of response codes ({@code [CODE data]} in resp-text-code, RFC 3501 §7.1), as
 * {@link dev.imap4.client.StatusResponse#codeData()} holds it.
 */
public final class CodeParser {

    private CodeParser() {
    }

    /**
     * RFC 4315 §3 COPYUID: {@code nz-number SP uid-set SP uid-set}, source and destination of equal size.
     * Exchange sends the UID validity with both sets empty ({@code [COPYUID 1234  ]}): no mapping is
     * reported, so the result is {@code null}, as when a server sends no COPYUID at all.
     */
    public static CopyUid copyUid(String codeData) {
        ImapInput in = input(codeData, "COPYUID");
        long validity = in.nzNumber();
        if (in.atLineEnd()) {
            return null;
        }
        in.sp();
        NumberSet source = uidSet(in);
        in.sp();
        NumberSet destination = uidSet(in);
        in.crlf();
        long from = Lex.count(source);
        long to = Lex.count(destination);
        if (from != to) {
            throw new ImapProtocolException("in resp-code-copy: expected as many destination as source UIDs, got "
                    + from + " source and " + to + " destination UIDs in: " + codeData);
        }
        return new CopyUid(validity, source, destination);
    }

    /** RFC 4315 §3 APPENDUID: {@code nz-number SP append-uid} (a set after MULTIAPPEND). */
    public static AppendUid appendUid(String codeData) {
        ImapInput in = input(codeData, "APPENDUID");
        long validity = in.nzNumber();
        in.sp();
        NumberSet uids = uidSet(in);
        in.crlf();
        return new AppendUid(validity, uids);
    }

    /** RFC 7162 §3.1.3 MODIFIED: the sequence-set (UIDs after UID STORE) that failed UNCHANGEDSINCE. */
    public static NumberSet modified(String codeData, boolean uid) {
        ImapInput in = input(codeData, "MODIFIED");
        NumberSet set = Lex.sequenceSet(in, "resp-text-code", uid);
        in.crlf();
        return set;
    }

    /** RFC 3501 §7.1 PERMANENTFLAGS: {@code "(" [flag-perm *(SP flag-perm)] ")"}, {@code \*} included. */
    public static List<String> permanentFlags(String codeData) {
        ImapInput in = input(codeData, "PERMANENTFLAGS");
        if (!in.peekIs('(')) {
            throw in.error("flag-perm", "'('");
        }
        List<String> out = FlagListParser.parse(in, "flag-perm");
        in.crlf();
        return out;
    }

    /** A numeric code's data (UIDNEXT, UIDVALIDITY, UNSEEN, HIGHESTMODSEQ, APPENDLIMIT...): one number. */
    public static long number(String codeData) {
        ImapInput in = input(codeData, "resp-text-code");
        long n = in.number();
        in.crlf();
        return n;
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

    private static ImapInput input(String codeData, String code) {
        if (codeData == null) {
            throw new ImapProtocolException("in resp-text-code: expected data after " + code + ", got none");
        }
        if (codeData.indexOf('\r') >= 0 || codeData.indexOf('\n') >= 0) {
            throw new ImapProtocolException("in resp-text-code: expected one line of data after " + code
                    + ", got a line break");
        }
        return BytesResponseSource.input(codeData.trim());
    }
}
