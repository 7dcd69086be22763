package dev.imap4.client.internal.command;

import dev.imap4.client.Imap4Exception;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Looks at a message's header (RFC 5322 §2.1: up to the first empty line) without holding it: the
 * content is streamed through a small buffer, so the memory used does not grow with the header.
 */
final class MessageHeader {

    private MessageHeader() {
    }

    /**
     * Whether the header of the {@code size} bytes {@code content} yields holds a byte above 0x7f
     * (RFC 6532 UTF-8 header fields). Reads up to the empty line that ends the header (CRLF CRLF,
     * or LF LF from a message with bare line ends), or the whole message when it has no body.
     */
    static boolean has8bit(Supplier<InputStream> content, long size) {
        byte[] buf = new byte[8192];
        long left = size;
        Scan scan = new Scan();
        try (InputStream in = content.get()) {
            while (left > 0 && !scan.ended()) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    return false; // a short message is reported when the literal is sent
                }
                left -= n;
                if (scan.eightBit(buf, 0, n)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new Imap4Exception("could not read the message to append: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new Imap4Exception("could not read the message to append: " + e.getCause().getMessage(), e);
        }
    }

    /** A header read in pieces (a CATENATE message's TEXT parts): where it ends is remembered across them. */
    static final class Scan {
        // as if a line had just ended: a message that starts with an empty line has an empty header
        private int last = '\n';
        private int beforeLast = '\r';
        private int beforeThat = -1;
        private boolean ended;

        /** Whether the empty line that ends the header was seen. */
        boolean ended() {
            return ended;
        }

        /** Whether {@code n} bytes from {@code off} hold a byte above 0x7f before the header ends. */
        boolean eightBit(byte[] bytes, int off, int n) {
            boolean found = false;
            for (int i = off; i < off + n && !ended; i++) {
                int b = bytes[i] & 0xff;
                if (b >= 0x80) {
                    found = true;
                } else if (b == '\n' && (last == '\n' || (last == '\r' && beforeLast == '\n' && beforeThat == '\r'))) {
                    ended = true;
                }
                beforeThat = beforeLast;
                beforeLast = last;
                last = b;
            }
            return found;
        }
    }
}
