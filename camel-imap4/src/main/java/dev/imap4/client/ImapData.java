package dev.imap4.client;

import java.nio.charset.StandardCharsets;

/**
 * One item of an imaplib-style result list: a line of response text, or a (header, literal) pair
 * when the response carried a literal. imaplib's {@code None} is a {@code null} item.
 */
public sealed interface ImapData permits ImapData.Line, ImapData.Pair {

    /** A response line (without CRLF), as imaplib's bytes item. */
    record Line(byte[] bytes) implements ImapData {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return text();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Line l && java.util.Arrays.equals(bytes, l.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }
    }

    /** The line that announced a literal, and the literal: imaplib's {@code (header, data)} tuple. */
    record Pair(byte[] header, Literal literal) implements ImapData {
        public String headerText() {
            return new String(header, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "(" + headerText() + ", " + literal + ")";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && java.util.Arrays.equals(header, p.header) && literal.equals(p.literal);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(header);
        }
    }

    static Line line(String text) {
        return new Line(text.getBytes(StandardCharsets.UTF_8));
    }
}
