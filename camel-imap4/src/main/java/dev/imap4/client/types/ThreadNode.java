package dev.imap4.client.types;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One node of an RFC 5256 thread tree: a message and its replies. A thread-list such as
 * {@code (3 6 (4 23)(44 7 96))} becomes 3 → 6 → {4 → 23, 44 → 7 → 96}; a list starting with nested
 * lists, such as {@code ((3)(5))}, has a dummy parent whose number is 0.
 *
 * <p>A long chain of replies is a deep tree, so {@code equals}, {@code hashCode} and
 * {@code toString} work without recursion.
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

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ThreadNode other)) {
            return false;
        }
        Deque<ThreadNode[]> pairs = new ArrayDeque<>();
        pairs.push(new ThreadNode[] {this, other});
        while (!pairs.isEmpty()) {
            ThreadNode[] p = pairs.pop();
            if (p[0] == p[1]) {
                continue;
            }
            if (p[0].number != p[1].number || p[0].children.size() != p[1].children.size()) {
                return false;
            }
            for (int i = 0; i < p[0].children.size(); i++) {
                pairs.push(new ThreadNode[] {p[0].children.get(i), p[1].children.get(i)});
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        Deque<ThreadNode> todo = new ArrayDeque<>();
        todo.push(this);
        while (!todo.isEmpty()) {
            ThreadNode n = todo.pop();
            h = 31 * h + Long.hashCode(n.number);
            h = 31 * h + n.children.size();
            for (int i = n.children.size() - 1; i >= 0; i--) {
                todo.push(n.children.get(i));
            }
        }
        return h;
    }

    /** The RFC 5256 thread-list form, e.g. {@code (3 6 (4 23)(44 7 96))}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        // each entry is a String to append, or a node to write as a whole list (true) or as list content (false)
        Deque<Object> work = new ArrayDeque<>();
        work.push(new Object[] {this, true});
        while (!work.isEmpty()) {
            Object w = work.pop();
            if (w instanceof String s) {
                sb.append(s);
                continue;
            }
            ThreadNode n = (ThreadNode) ((Object[]) w)[0];
            if ((Boolean) ((Object[]) w)[1]) {
                work.push(")");
                work.push(new Object[] {n, false});
                work.push("(");
                continue;
            }
            if (!n.isDummy()) {
                sb.append(n.number);
            }
            if (n.children.size() == 1 && !n.isDummy()) {
                work.push(new Object[] {n.children.get(0), false});
                work.push(" ");
            } else {
                for (int i = n.children.size() - 1; i >= 0; i--) {
                    work.push(new Object[] {n.children.get(i), true});
                }
                if (!n.isDummy() && !n.children.isEmpty()) {
                    work.push(" ");
                }
            }
        }
        return sb.toString();
    }
}
