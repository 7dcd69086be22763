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
        // as if a line had just ended: a message that starts with an empty line has an empty header
        int last = '\n';
        int beforeLast = '\r';
        int beforeThat = -1;
        try (InputStream in = content.get()) {
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    return false; // a short message is reported when the literal is sent
                }
                left -= n;
                for (int i = 0; i < n; i++) {
                    int b = buf[i] & 0xff;
                    if (b >= 0x80) {
                        return true;
                    }
                    if (b == '\n' && (last == '\n' || (last == '\r' && beforeLast == '\n'
                            && beforeThat == '\r'))) {
                        return false;
                    }
                    beforeThat = beforeLast;
                    beforeLast = last;
                    last = b;
                }
            }
            return false;
        } catch (IOException e) {
            throw new Imap4Exception("could not read the message to append: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new Imap4Exception("could not read the message to append: " + e.getCause().getMessage(), e);
        }
    }
}
