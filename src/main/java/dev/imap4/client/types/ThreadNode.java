package dev.imap4.client.types;

import java.util.List;

/**
 * One node of an RFC 5256 thread tree: a message and its replies. A thread-list such as
 * {@code (3 6 (4 23)(44 7 96))} becomes 3 → 6 → {4 → 23, 44 → 7 → 96}; a list starting with nested
 * lists, such as {@code ((3)(5))}, has a dummy parent whose number is 0.
 *
 * @param number   the message number or UID, {@code 0} for a dummy parent
 * @param children the replies, in the server's order
 */
public record ThreadNode(long number, List<ThreadNode> children) {

    public ThreadNode {
        children = List.copyOf(children);
    }

    /** Whether this node stands for no message (a missing parent of its children). */
    public boolean isDummy() {
        return number == 0;
    }
}
