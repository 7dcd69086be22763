package dev.imap4.client.internal.wire;

import dev.imap4.client.Literal;
import java.io.IOException;

/** Where {@link ImapInput} gets response lines and the literals between them. */
public interface ResponseSource {

    /** The next line without CRLF; {@code null} when the stream ended. */
    byte[] readLine() throws IOException;

    /** The next {@code size} bytes as a literal, held in memory or spooled per the limits. */
    Literal readLiteral(long size) throws IOException;
}
