package dev.imap4.client.internal.wire;

import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.Literal;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Recovery for a literal inside a list that the response cannot go on after. In a list, a literal is
 * always followed by SP or ')'. When something else follows, the server made one of two mistakes seen
 * across many servers:
 * <ul>
 * <li>it counted the literal's characters instead of its UTF-8 bytes, so the literal's last bytes are
 * still to come: the literal is extended to the announced number of characters (a byte 10xxxxxx
 * continues a character, a line break counts as its two characters CR and LF);</li>
 * <li>it sent a line break after the literal before the rest of the response: blank lines are skipped.</li>
 * </ul>
 * Either way the response must then go on with SP or ')'; if not, the literal cannot be placed and
 * the failure is an {@link ImapProtocolException} "in literal", so the stream is never misread
 * silently. A correct server never gets here, so nothing it sends is reinterpreted.
 */
final class LiteralRealignment {

    private LiteralRealignment() {
    }

    /**
     * @param in        positioned at the start of the line that followed the literal
     * @param read      the literal as announced
     * @param announced the announced size
     * @return the realigned literal; {@code in} is left at the SP or ')' after it
     */
    static Literal realign(ImapInput in, Literal read, long announced) {
        if (read.isSpooled()) {
            throw in.error("literal", "a space or ')' after the " + announced + " bytes announced");
        }
        byte[] head = read.bytes();
        long need = announced - characters(head);
        long maxExtra = 4 * need + 3;
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        int last = head.length == 0 ? -1 : head[head.length - 1];
        try {
            while (true) {
                byte[] line = in.lineBytes();
                int pos = in.position();
                while (pos < line.length && (need > 0 || isContinuation(line[pos]))) {
                    need -= isContinuation(line[pos]) ? 0 : 1;
                    last = line[pos];
                    tail.write(line[pos++]);
                }
                in.reset(pos);
                if (pos < line.length || need <= 0) {
                    break;
                }
                // the line break is part of the literal: CR LF, or just LF when the CR ended what was read
                if (last == '\r') {
                    tail.write('\n');
                    need--;
                } else {
                    tail.write('\r');
                    tail.write('\n');
                    need -= 2;
                }
                last = '\n';
                if (tail.size() > maxExtra) {
                    break;
                }
                nextLine(in);
            }
            if (need < 0 || tail.size() > maxExtra) {
                throw in.error("literal", "the " + announced + " characters announced to end between characters");
            }
            while (in.atLineEnd()) {
                nextLine(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!in.peekIs(' ') && !in.peekIs(')')) {
            throw in.error("literal", "a space or ')' after the " + announced + " bytes announced (a server"
                    + " counting characters instead of bytes sends more than it announces)");
        }
        if (tail.size() == 0) {
            return read;
        }
        byte[] all = new byte[head.length + tail.size()];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail.toByteArray(), 0, all, head.length, tail.size());
        return Literal.of(all);
    }

    private static void nextLine(ImapInput in) throws IOException {
        if (!in.nextLine()) {
            throw new EOFException("connection closed in the middle of a response, after a literal");
        }
    }

    /** Characters in possibly invalid UTF-8: every byte but continuation bytes starts one. */
    private static long characters(byte[] b) {
        long n = 0;
        for (byte x : b) {
            n += isContinuation(x) ? 0 : 1;
        }
        return n;
    }

    private static boolean isContinuation(int b) {
        return (b & 0xC0) == 0x80;
    }
}
