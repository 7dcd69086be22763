package dev.imap4.testing;

import java.util.List;
import java.util.Random;

/**
 * Random strings made of the pieces that break command lines: CR, LF, NUL, quotes, backslashes,
 * braces and literal announcements, list and wildcard characters, a second command, NIL, 8-bit and
 * astral characters. Deterministic for a seed, so a failure can be replayed.
 */
public final class HostileStrings {

    private static final List<String> PIECES = List.of(
            "\r", "\n", "\r\n", "\0", "\"", "\\", "{", "}", "{5}", "{0}", "{3+}", "~{2}", "*", "%", "(", ")",
            "[", "]", " ", "+", "A1 DELETE INBOX", "NIL", "é", "日本", "\uD83D\uDE00", "\uD800", "\t", "\u007f",
            "&", "&-", "-", "/", ".", "a", "Z", "0", "9", "INBOX", "\\Seen", "BODY[]", "1:*");

    private final Random random;

    public HostileStrings(long seed) {
        this.random = new Random(seed);
    }

    /** The next value: up to eight pieces, sometimes wrapped in parentheses or quotes as a whole. */
    public String next() {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(9);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return switch (random.nextInt(6)) {
            case 0 -> "(" + sb + ")";
            case 1 -> "\"" + sb + "\"";
            default -> sb.toString();
        };
    }

    /** A value that is never empty (for arguments that must not be). */
    public String nextNonEmpty() {
        String s = next();
        return s.isEmpty() ? "x" : s;
    }

    public boolean nextBoolean() {
        return random.nextBoolean();
    }
}
