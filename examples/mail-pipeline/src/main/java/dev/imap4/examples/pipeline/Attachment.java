package dev.imap4.examples.pipeline;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;

/**
 * One attachment of a consumed message: a file name that is safe to write (see
 * {@link MimeInspector#safeFileName}), its MIME type and the part it comes from. The content is
 * decoded while it is read, from wherever the message body is kept (memory or a spool file).
 */
public record Attachment(String fileName, String contentType, Part part) {

    /** The decoded content, read as it is written out. */
    public InputStream open() throws IOException, MessagingException {
        return part.getInputStream();
    }
}
