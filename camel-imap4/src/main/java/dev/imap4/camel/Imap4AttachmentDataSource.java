package dev.imap4.camel;

import jakarta.activation.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;

/**
 * An attachment's decoded content for Camel's attachments API: every {@link #getInputStream()} is a
 * new reader of the same stream cache (heap bytes, or a spool file deleted when the exchange is done).
 */
public final class Imap4AttachmentDataSource implements DataSource {

    private final String name;
    private final String contentType;
    private final String part;
    private final StreamCache content;
    private final Exchange owner;

    Imap4AttachmentDataSource(String name, String contentType, String part, StreamCache content, Exchange owner) {
        this.name = name;
        this.contentType = contentType;
        this.part = part;
        this.content = content;
        this.owner = owner;
    }

    /** A new reader of the content, from its first byte. */
    @Override
    public InputStream getInputStream() throws IOException {
        return (InputStream) content.copy(owner);
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        throw new IOException("an attachment of a received message is read-only");
    }

    /** The media type, e.g. application/pdf (with the charset for text). */
    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public String getName() {
        return name;
    }

    /** The decoded size in bytes. */
    public long getSize() {
        return content.length();
    }

    /** The IMAP section number of the part, e.g. 2 or 1.3. */
    public String getPart() {
        return part;
    }

    /** The content as a new stream cache reader, for a message body. */
    StreamCache newReader() throws IOException {
        return content.copy(owner);
    }
}
