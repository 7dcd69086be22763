package dev.imap4.client.internal.parse;

import static dev.imap4.client.internal.parse.Wire.after;
import static dev.imap4.client.internal.parse.Wire.consumed;
import static dev.imap4.client.internal.parse.Wire.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.types.ThreadNode;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadParserTest {

    private static List<ThreadNode> thread(String wire) {
        ImapInput in = after(wire, "THREAD");
        List<ThreadNode> t = ThreadParser.parse(in);
        consumed(in);
        return t;
    }

    private static ThreadNode n(long number, ThreadNode... children) {
        return new ThreadNode(number, List.of(children));
    }

    @Test
    void rfc5256Example() {
        List<ThreadNode> t = thread("* THREAD (2)(3 6 (4 23)(44 7 96))");
        assertEquals(List.of(n(2), n(3, n(6, n(4, n(23)), n(44, n(7, n(96)))))), t);
    }

    @Test
    void nestedListsWithoutParentGetADummy() {
        List<ThreadNode> t = thread("* THREAD ((3)(5))");
        assertEquals(List.of(n(0, n(3), n(5))), t);
        assertTrue(t.get(0).isDummy());
    }

    @Test
    void emptyThreadResponse() {
        assertEquals(List.of(), thread("* THREAD"));
    }

    @Test
    void straySpacesBetweenLists() {
        assertEquals(List.of(n(1), n(2, n(3))), thread("* THREAD (1) ( 2 3 )"));
    }

    @Test
    void toStringIsTheWireForm() {
        assertEquals("(3 6 (4 23)(44 7 96))", thread("* THREAD (3 6 (4 23)(44 7 96))").get(0).toString());
        assertEquals("((3)(5))", thread("* THREAD ((3)(5))").get(0).toString());
    }

    @Test
    void longReplyChainNeedsNoRecursion() {
        StringBuilder sb = new StringBuilder("* THREAD (");
        for (int i = 1; i <= 200_000; i++) {
            sb.append(i).append(' ');
        }
        String wire = sb.append(")").toString();
        ThreadNode a = thread(wire).get(0);
        ThreadNode b = thread(wire).get(0);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertTrue(a.toString().startsWith("(1 2 3 "));
        assertTrue(a.toString().endsWith(" 199999 200000)"));
    }

    @Test
    void differentTreesAreNotEqual() {
        assertNotEquals(thread("* THREAD (1 (2)(3))").get(0), thread("* THREAD (1 (2)(4))").get(0));
        assertNotEquals(thread("* THREAD (1 2)").get(0), thread("* THREAD (1 (2)(3))").get(0));
    }

    @Test
    void junkNamesThreadList() {
        fails(after("* THREAD (3 x)", "THREAD"), ThreadParser::parse, "thread-list");
    }

    @Test
    void emptyListNamesThreadList() {
        fails(after("* THREAD ()", "THREAD"), ThreadParser::parse, "thread-list");
    }

    @Test
    void nestingBombFailsCleanly() {
        fails(after("* THREAD " + "(".repeat(10_000), "THREAD"), ThreadParser::parse, "thread-list");
    }
}
