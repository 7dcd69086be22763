package dev.imap4.camel;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;

/**
 * Converts a consumed message body to a Jakarta Mail {@link MimeMessage}. Loaded only when Jakarta
 * Mail (API and an implementation such as Angus Mail) is on the classpath; otherwise Camel skips
 * these converters. A body spooled to a file is parsed through a {@link SharedFileInputStream}, so
 * the message content stays on disk.
 */
@Converter(generateLoader = true, ignoreOnLoadError = true)
public final class Imap4MimeConverters {

    private static final class Holder {
        static final Session SESSION = Session.getInstance(new Properties());
    }

    private Imap4MimeConverters() {
    }

    @Converter
    public static MimeMessage toMimeMessage(Imap4SpooledBody body, Exchange exchange) throws MessagingException, IOException {
        SharedFileInputStream in = new SharedFileInputStream(body.file().toFile());
        body.closeWithFile(in);
        return new MimeMessage(Holder.SESSION, in);
    }

    /** Parses an independent copy of the cache, so the body itself keeps its position (and its mark). */
    @Converter
    public static MimeMessage toMimeMessage(StreamCache body, Exchange exchange) throws MessagingException, IOException {
        if (exchange == null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            body.reset();
            body.writeTo(bytes);
            body.reset();
            return new MimeMessage(Holder.SESSION, new ByteArrayInputStream(bytes.toByteArray()));
        }
        StreamCache copy = body.copy(exchange);
        if (copy instanceof InputStream in) {
            copy.reset();
            return new MimeMessage(Holder.SESSION, in);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        copy.reset();
        copy.writeTo(bytes);
        return new MimeMessage(Holder.SESSION, new ByteArrayInputStream(bytes.toByteArray()));
    }
}
