package dev.imap4.client.internal.parse;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.internal.wire.BytesResponseSource;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.Locale;
import java.util.function.Function;

/** Test helpers: inputs positioned as the engine leaves them, and protocol-error assertions. */
final class Wire {

    private Wire() {
    }

    /** The input over {@code wire}, first line loaded. */
    static ImapInput in(String wire) {
        return BytesResponseSource.input(wire);
    }

    /**
     * The input positioned right after the response name of an untagged response, as the engine hands
     * it to a parser: {@code * [number SP] NAME}.
     */
    static ImapInput after(String wire, String name) {
        ImapInput in = in(wire);
        in.expect('*', "test");
        in.sp();
        if (in.peekDigit()) {
            in.number();
            in.sp();
        }
        String got = in.atom();
        if (!got.toUpperCase(Locale.ROOT).equals(name)) {
            throw new AssertionError("expected response " + name + ", got " + got);
        }
        return in;
    }

    /** Asserts the parser fails with a protocol error naming {@code rule}; returns it. */
    static ImapProtocolException fails(ImapInput in, Function<ImapInput, ?> parser, String rule) {
        ImapProtocolException e = assertThrows(ImapProtocolException.class, () -> parser.apply(in));
        assertTrue(e.getMessage().contains("in " + rule + ":"), "message names " + rule + ": " + e.getMessage());
        return e;
    }

    /** Asserts the whole line was consumed (trailing spaces allowed, as the engine's crlf allows). */
    static void consumed(ImapInput in) {
        in.crlf();
    }
}
