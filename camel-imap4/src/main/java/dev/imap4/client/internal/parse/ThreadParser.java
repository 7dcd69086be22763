package dev.imap4.client.internal.parse;

import dev.imap4.client.types.ThreadNode;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.ArrayList;
import java.util.List;

/** RFC 5256 §4 THREAD response data: {@code *(thread-list)} as a forest of {@link ThreadNode}s. */
public final class ThreadParser {

    private ThreadParser() {
    }

    /** Reads {@code [SP 1*thread-list]} to the end of the line: {@code in} stands right after the word THREAD. */
    public static List<ThreadNode> parse(ImapInput in) {
        List<ThreadNode> roots = new ArrayList<>();
        while (true) {
            in.maybeSp();
            if (!in.peekIs('(')) {
                return roots;
            }
            roots.add(threadList(in));
        }
    }

    // thread-list = "(" (thread-members / thread-nested) ")"
    // thread-members = nz-number *(SP nz-number) [SP thread-nested]; thread-nested = 2*thread-list
    private static ThreadNode threadList(ImapInput in) {
        in.listStart("thread-list");
        List<Long> members = new ArrayList<>();
        List<ThreadNode> nested = new ArrayList<>();
        in.maybeSp();
        while (in.peekDigit()) {
            members.add(in.nzNumber());
            in.maybeSp();
        }
        while (in.peekIs('(')) {
            nested.add(threadList(in));
            in.maybeSp();
        }
        if (!in.listEnd()) {
            throw in.error("thread-list", "a message number, '(' or ')'");
        }
        if (members.isEmpty()) {
            if (nested.isEmpty()) {
                throw in.error("thread-list", "at least one message in the thread");
            }
            return new ThreadNode(0, nested);
        }
        ThreadNode node = new ThreadNode(members.get(members.size() - 1), nested);
        for (int i = members.size() - 2; i >= 0; i--) {
            node = new ThreadNode(members.get(i), List.of(node));
        }
        return node;
    }
}
