package dev.imap4.client.fuzz;

import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.ModifiedUtf7;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.Capabilities;
import dev.imap4.client.internal.engine.StatusParser;
import dev.imap4.client.internal.parse.AclParser;
import dev.imap4.client.internal.parse.EnabledParser;
import dev.imap4.client.internal.parse.FetchParser;
import dev.imap4.client.internal.parse.IdParser;
import dev.imap4.client.internal.parse.ListParser;
import dev.imap4.client.internal.parse.MailboxStatusParser;
import dev.imap4.client.internal.parse.NamespaceParser;
import dev.imap4.client.internal.parse.QuotaParser;
import dev.imap4.client.internal.parse.SearchParser;
import dev.imap4.client.internal.parse.ThreadParser;
import dev.imap4.client.internal.parse.VanishedParser;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.ThreadNode;
import dev.imap4.client.internal.wire.BytesResponseSource;
import dev.imap4.client.internal.wire.ImapInput;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The response path without the engine: bytes read line by line with {@link ImapInput}, each
 * response handed to the parser the engine would use for its name, as the engine positions it
 * (right after the name). Protocol errors are expected and skipped to the next line; running out
 * of bytes inside a literal ends the input. Anything else escapes as a bug.
 */
final class ResponseParsing {

    static final int MAX_DEPTH = 6;

    private ResponseParsing() {
    }

    static void parseAll(byte[] data) {
        ImapInput in = new ImapInput(new BytesResponseSource(data), MAX_DEPTH);
        try {
            while (in.nextLine()) {
                try {
                    one(in);
                } catch (ImapProtocolException expected) {
                    // the grammar refused this response; the next line starts afresh
                }
            }
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof EOFException)) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void one(ImapInput in) {
        if (in.maybe('+')) {
            in.text();
            return;
        }
        if (!in.maybe('*')) {
            String tag = in.atom();
            in.sp();
            codes(StatusParser.parse(tag, StatusParser.responseName(in), in));
            return;
        }
        in.sp();
        long number = in.peekDigit() ? in.number() : -1;
        if (number >= 0) {
            in.sp();
        }
        String name = StatusParser.responseName(in);
        if (number >= 0) {
            if (name.equals("FETCH")) {
                try (FetchResponse r = FetchParser.parse(number, in)) {
                    Verdict.fetch(r, FuzzedSession.LIMITS.withMaxNestingDepth(MAX_DEPTH)
                            .withLiteralMemoryThreshold(Integer.MAX_VALUE));
                }
            } else {
                in.text();
                return;
            }
        } else {
            named(name, in);
        }
        in.crlf();
    }

    private static void named(String name, ImapInput in) {
        switch (name) {
            case "OK", "NO", "BAD", "BYE", "PREAUTH" -> codes(StatusParser.parse(null, name, in));
            case "CAPABILITY" -> Capabilities.parse(in.text()).protocolVersion();
            case "LIST", "LSUB", "XLIST" -> ModifiedUtf7.decode(ModifiedUtf7.encode(ListParser.parse(in).name()));
            case "SEARCH" -> SearchParser.parseSearch(in, true);
            case "SORT" -> SearchParser.parseSort(in, true);
            case "ESEARCH" -> SearchParser.parseEsearch(in);
            case "STATUS" -> MailboxStatusParser.parse(in).uidNext();
            case "NAMESPACE" -> NamespaceParser.parse(in);
            case "QUOTA" -> QuotaParser.parseQuota(in);
            case "QUOTAROOT" -> QuotaParser.parseQuotaRoot(in);
            case "ACL" -> AclParser.parseAcl(in);
            case "LISTRIGHTS" -> AclParser.parseListRights(in);
            case "MYRIGHTS" -> AclParser.parseMyRights(in);
            case "THREAD" -> threads(ThreadParser.parse(in));
            case "ENABLED" -> EnabledParser.parse(in);
            case "ID" -> IdParser.parse(in);
            case "VANISHED" -> VanishedParser.parse(in);
            default -> in.text();
        }
    }

    /** Response codes whose data the client parses (SELECT, APPEND, COPY/MOVE, CAPABILITY). */
    private static void codes(StatusResponse st) {
        if (st.code() == null) {
            return;
        }
        String data = st.codeData();
        switch (st.code()) {
            case "COPYUID" -> st.typedCode().copyUid();
            case "APPENDUID" -> st.typedCode().appendUid();
            case "MODIFIED" -> st.typedCode().modified(true);
            case "PERMANENTFLAGS" -> st.typedCode().permanentFlags();
            case "UIDNEXT", "UIDVALIDITY", "UNSEEN", "HIGHESTMODSEQ" -> st.typedCode().number();
            case "CAPABILITY" -> Capabilities.parse(data == null ? "" : data);
            default -> {
            }
        }
    }

    private static void threads(List<ThreadNode> roots) {
        Deque<ThreadNode> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            ThreadNode n = todo.pop();
            n.isDummy();
            todo.addAll(n.children());
        }
        roots.forEach(ThreadNode::toString);
    }
}
