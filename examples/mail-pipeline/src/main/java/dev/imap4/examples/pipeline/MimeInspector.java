package dev.imap4.examples.pipeline;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;

/**
 * Reads the MIME structure of a consumed message (the component converts the body to a
 * {@link MimeMessage} when Jakarta Mail is on the classpath) and leaves what the route decides on
 * in exchange properties:
 * <ul>
 * <li>{@code attachments}: a list of {@link Attachment}, with file names safe to write;</li>
 * <li>{@code senderDomain}: the domain of the first From address, in lower case;</li>
 * <li>{@code contents}: what the message holds, for the log: {@code text}, {@code html} or
 * {@code text+html}, and how many attachments.</li>
 * </ul>
 * A message whose structure cannot be parsed (a multipart without its boundary, for one) raises
 * the parser's {@link MessagingException}, which fails the exchange.
 */
public class MimeInspector {

    /** Nesting deeper than this is not a real message; refusing it bounds the walk. */
    static final int MAX_DEPTH = 20;

    public void inspect(Exchange exchange) throws MessagingException, IOException, InvalidPayloadException {
        MimeMessage message = exchange.getMessage().getMandatoryBody(MimeMessage.class);
        List<Attachment> attachments = new ArrayList<>();
        Set<String> kinds = new HashSet<>();
        walk(message, 0, attachments, kinds, new HashSet<>());
        exchange.setProperty("attachments", attachments);
        exchange.setProperty("senderDomain", senderDomain(message));
        exchange.setProperty("contents", contents(kinds, attachments.size()));
    }

    private static void walk(Part part, int depth, List<Attachment> attachments, Set<String> kinds, Set<String> names)
            throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            throw new MessagingException("MIME parts nested deeper than " + MAX_DEPTH);
        }
        if (part.isMimeType("multipart/*")) {
            // getCount() parses the multipart: a boundary that never appears fails here
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), depth + 1, attachments, kinds, names);
            }
            return;
        }
        String fileName = part.getFileName();
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null) {
            String name = unique(safeFileName(fileName, attachments.size() + 1), names);
            attachments.add(new Attachment(name, baseType(part), part));
        } else if (part.isMimeType("text/plain")) {
            kinds.add("text");
        } else if (part.isMimeType("text/html")) {
            kinds.add("html");
        }
    }

    private static String contents(Set<String> kinds, int attachments) {
        String text = kinds.size() == 2 ? "text+html" : kinds.isEmpty() ? "no text" : kinds.iterator().next();
        return attachments == 0 ? text : text + ", " + attachments + (attachments == 1 ? " attachment" : " attachments");
    }

    private static String baseType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            return "application/octet-stream";
        }
    }

    private static String senderDomain(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
                || address.getAddress() == null) {
            return "";
        }
        String mail = address.getAddress();
        return mail.substring(mail.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * A file name from a mail is untrusted: only its last path segment is kept, anything but
     * letters, digits, dot, dash and underscore becomes '_', leading dots are dropped (no hidden
     * files, no "..") and the length is capped. Encoded-word names (RFC 2047) are decoded first.
     */
    static String safeFileName(String raw, int index) {
        String name = raw == null ? "" : raw;
        try {
            name = MimeUtility.decodeText(name);
        } catch (UnsupportedEncodingException e) {
            // an unknown charset: keep the name as it came
        }
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[^\\p{L}\\p{N}._-]", "_").replaceFirst("^\\.+", "");
        if (name.length() > 100) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, 100 - ext.length()) + ext;
        }
        return name.isEmpty() ? "attachment-" + index + ".bin" : name;
    }

    // two parts of one message with the same name are written side by side, not over each other
    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
        }
        return candidate;
    }
}
