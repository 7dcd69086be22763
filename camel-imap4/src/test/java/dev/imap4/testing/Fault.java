package dev.imap4.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a {@link FaultProxy} does to one connection: nothing, or one fault that fires at a byte
 * offset or when a text passes in one direction, optionally on a slowed link. Immutable; each
 * connection gets its own {@link Watch} to follow its streams.
 */
public final class Fault {

    /** Which way bytes flow through the proxy. */
    public enum Direction { TO_SERVER, TO_CLIENT }

    /** What the proxy does with the byte on which a fault fires. */
    enum Action {
        /** Forward it. */
        PASS,
        /** Forward it changed (see {@link Watch#replacement()}). */
        REPLACE,
        /** Drop it and close both sides. */
        CUT,
        /** Drop it and forward nothing more in this direction until the connection ends. */
        STALL,
        /** Drop it, send {@code * BYE} to the client and close both sides. */
        BYE
    }

    private enum Kind { NONE, CUT, STALL, BYE, CORRUPT, TRUNCATE_LITERAL }

    private final Kind kind;
    private final Direction direction;
    private final long offset;
    private final byte[] text;
    private final byte replacement;
    private final int chunkBytes;
    private final long chunkDelayMillis;

    private Fault(Kind kind, Direction direction, long offset, byte[] text, byte replacement, int chunkBytes,
            long chunkDelayMillis) {
        this.kind = kind;
        this.direction = direction;
        this.offset = offset;
        this.text = text;
        this.replacement = replacement;
        this.chunkBytes = chunkBytes;
        this.chunkDelayMillis = chunkDelayMillis;
    }

    private static Fault of(Kind kind, Direction d, long offset, String text, byte replacement) {
        byte[] t = text == null ? null : text.getBytes(StandardCharsets.ISO_8859_1);
        return new Fault(kind, d, offset, t, replacement, 0, 0);
    }

    /** A clean connection. */
    public static Fault none() {
        return of(Kind.NONE, Direction.TO_CLIENT, -1, null, (byte) 0);
    }

    /** Closes both sides after {@code bytes} bytes have passed in {@code d}. */
    public static Fault cutAfter(Direction d, long bytes) {
        return of(Kind.CUT, d, bytes, null, (byte) 0);
    }

    /** Closes both sides when {@code text} passes in {@code d} (all but its last byte get through). */
    public static Fault cutOn(Direction d, String text) {
        return of(Kind.CUT, d, -1, text, (byte) 0);
    }

    /** Stops forwarding in {@code d} after {@code bytes} bytes; the connection stays open. */
    public static Fault stallAfter(Direction d, long bytes) {
        return of(Kind.STALL, d, bytes, null, (byte) 0);
    }

    /** Stops forwarding in {@code d} when {@code text} passes (all but its last byte get through). */
    public static Fault stallOn(Direction d, String text) {
        return of(Kind.STALL, d, -1, text, (byte) 0);
    }

    /** When the client sends {@code text}, the client gets {@code * BYE} instead of an answer, then both close. */
    public static Fault byeOn(String text) {
        return of(Kind.BYE, Direction.TO_SERVER, -1, text, (byte) 0);
    }

    /** Replaces the last byte of the first {@code text} passing in {@code d} with {@code replacement}. */
    public static Fault corruptOn(Direction d, String text, char replacement) {
        return of(Kind.CORRUPT, d, -1, text, (byte) replacement);
    }

    /** Flips the bits of the byte at {@code offset} in {@code d}. */
    public static Fault corruptAt(Direction d, long offset) {
        return of(Kind.CORRUPT, d, offset, null, (byte) 0);
    }

    /** Closes both sides after {@code keep} bytes of the first literal the server announces ({@code {n}} CRLF). */
    public static Fault truncateLiteral(long keep) {
        return of(Kind.TRUNCATE_LITERAL, Direction.TO_CLIENT, keep, null, (byte) 0);
    }

    /** The same fault on a link that forwards {@code chunkBytes} at a time, pausing between chunks. */
    public Fault slowLink(int chunkBytes, long delayMillis) {
        return new Fault(kind, direction, offset, text, replacement, chunkBytes, delayMillis);
    }

    int chunkBytes() {
        return chunkBytes;
    }

    long chunkDelayMillis() {
        return chunkDelayMillis;
    }

    @Override
    public String toString() {
        return kind == Kind.NONE ? "none" : kind + " " + direction + (text != null ? " on '"
                + new String(text, StandardCharsets.ISO_8859_1) + "'" : " at " + offset);
    }

    /** A fresh follower of one connection's streams. */
    Watch watch() {
        return new Watch();
    }

    /** Follows both streams of one connection and says what to do with each byte. */
    final class Watch {
        private final long[] count = new long[2];
        private final byte[][] window = {new byte[text == null ? 0 : text.length],
            new byte[text == null ? 0 : text.length]};
        private boolean fired;
        private int literalState;
        private boolean inLiteral;
        private long literalSeen;

        /** The action for the next byte {@code b} in {@code d}. */
        synchronized Action next(Direction d, byte b) {
            long at = count[d.ordinal()]++;
            boolean hit = !fired && d == direction && kind != Kind.NONE && triggers(d, at, b);
            if (!hit) {
                return Action.PASS;
            }
            fired = true;
            return switch (kind) {
                case CUT, TRUNCATE_LITERAL -> Action.CUT;
                case STALL -> Action.STALL;
                case BYE -> Action.BYE;
                case CORRUPT -> Action.REPLACE;
                case NONE -> Action.PASS;
            };
        }

        byte replacement(byte original) {
            return text != null ? replacement : (byte) ~original;
        }

        private boolean triggers(Direction d, long at, byte b) {
            if (kind == Kind.TRUNCATE_LITERAL) {
                return literal(b);
            }
            if (text == null) {
                return at == offset;
            }
            byte[] w = window[d.ordinal()];
            System.arraycopy(w, 1, w, 0, w.length - 1);
            w[w.length - 1] = b;
            return at + 1 >= w.length && Arrays.equals(w, text);
        }

        /** Finds "{digits}" CR LF (a literal announcement), then counts bytes up to {@code offset}. */
        private boolean literal(byte b) {
            if (inLiteral) {
                return literalSeen++ == offset;
            }
            boolean digit = b >= '0' && b <= '9';
            literalState = switch (literalState) {
                case 1 -> digit ? 2 : b == '{' ? 1 : 0;
                case 2 -> digit ? 2 : b == '}' ? 3 : b == '{' ? 1 : 0;
                case 3 -> b == '\r' ? 4 : b == '{' ? 1 : 0;
                case 4 -> {
                    inLiteral = b == '\n';
                    yield b == '{' ? 1 : 0;
                }
                default -> b == '{' ? 1 : 0;
            };
            return false;
        }
    }
}
