package dev.imap4.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The injection checks catch what they are there for: smuggled lines, bad framing, mangled values. */
class InjectionProbeTest {

    private static InjectionProbe probe() {
        return new InjectionProbe("PREAUTH", "IMAP4rev1");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void wellFramedCommandsPass() {
        InjectionProbe p = probe();
        assertFalse(p.attempt("create", "a b", () -> p.client().create("a b")));
        assertTrue(p.attempt("refused", null, () -> p.client().create("")));
        assertFalse(p.attempt("append", "x\r\ny", () -> p.imap().append("x\r\ny", null, null, ascii("M"))));
        assertEquals(2, p.server().commands().size());
    }

    @Test
    void aSmuggledSecondLineIsCaughtByItsTag() {
        InjectionProbe p = probe();
        String tag = p.imap().tagPrefix() + "1";
        AssertionError e = assertThrows(AssertionError.class, () -> p.attempt("raw", null,
                () -> p.imap().send(ascii(tag + " NOOP\r\nA1 DELETE INBOX\r\n"))));
        assertTrue(e.getMessage().contains("A1 DELETE INBOX"), e.getMessage());
    }

    @Test
    void aBareLineFeedIsAViolation() {
        InjectionProbe p = probe();
        p.imap().send(ascii(p.imap().tagPrefix() + "1 NOOP\n"));
        AssertionError e = assertThrows(AssertionError.class, () -> p.verifySoFar("bare LF"));
        assertTrue(e.getMessage().contains("bare LF"), e.getMessage());
    }

    @Test
    void literalBytesBeforeTheGoAheadAreAViolation() {
        InjectionProbe p = probe();
        p.imap().send(ascii(p.imap().tagPrefix() + "1 APPEND INBOX {3}\r\nabc\r\n"));
        AssertionError e = assertThrows(AssertionError.class, () -> p.verifySoFar("eager literal"));
        assertTrue(e.getMessage().contains("before the go-ahead"), e.getMessage());
    }

    @Test
    void aCommandLeftUnfinishedIsAViolation() {
        InjectionProbe p = probe();
        p.imap().send(ascii(p.imap().tagPrefix() + "1 NOOP"));
        assertThrows(AssertionError.class, () -> p.verifySoFar("unfinished"));
    }

    @Test
    void aValueThatDidNotArriveWholeIsCaught() {
        InjectionProbe p = probe();
        AssertionError e = assertThrows(AssertionError.class,
                () -> p.attempt("create", "other name", () -> p.client().create("a name")));
        assertTrue(e.getMessage().contains("did not arrive whole"), e.getMessage());
    }
}
