package dev.imap4.camel;

import dev.imap4.client.types.BodyStructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which parts of a message are attachments, under which names, and which of them the route wants:
 * camel-mail's rules (decodeFilename, generateMissingAttachmentNames, inline parts with a name) plus
 * the selection options (attachmentContentTypes, attachmentNamePattern, attachmentMaxSize). The same
 * rules judge a part seen in a BODYSTRUCTURE (fetchContent=PARTS) and one read from the raw message,
 * so both fetch modes map the same attachments.
 */
final class Imap4AttachmentRules {

    static final String NEVER = "never";
    static final String UUID_NAMES = "uuid";
    static final String UUID_PREFIX = "uuidPrefix";
    static final String UUID_SUFFIX = "uuidSuffix";

    private final boolean decodeFilename;
    private final boolean generateNames;
    private final boolean inline;
    private final List<String> contentTypes;
    private final Pattern namePattern;
    private final long maxSize;
    private final String duplicates;
    private final boolean failOnDuplicate;

    private Imap4AttachmentRules(Imap4Configuration c) {
        decodeFilename = c.isDecodeFilename();
        generateNames = choice("generateMissingAttachmentNames", c.getGenerateMissingAttachmentNames(),
                NEVER, UUID_NAMES).equals(UUID_NAMES);
        inline = c.isInlineAttachments();
        contentTypes = types(c.getAttachmentContentTypes());
        namePattern = pattern(c.getAttachmentNamePattern());
        if (c.getAttachmentMaxSize() < 0) {
            throw new IllegalArgumentException("attachmentMaxSize must not be negative (0 for no limit)");
        }
        maxSize = c.getAttachmentMaxSize();
        duplicates = choice("handleDuplicateAttachmentNames", c.getHandleDuplicateAttachmentNames(), NEVER,
                UUID_PREFIX, UUID_SUFFIX);
        failOnDuplicate = c.isFailOnDuplicateFileAttachment();
    }

    /** The rules of {@code c}; an option with a value it does not know is refused here, at start. */
    static Imap4AttachmentRules of(Imap4Configuration c) {
        return new Imap4AttachmentRules(c);
    }

    private static String choice(String option, String value, String... allowed) {
        String v = value == null || value.isBlank() ? NEVER : value.trim();
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v)) {
                return a;
            }
        }
        throw new IllegalArgumentException(option + " must be one of " + String.join(", ", allowed) + ", got '"
                + value + "'");
    }

    private static List<String> types(String list) {
        List<String> out = new ArrayList<>();
        if (list != null) {
            for (String t : list.split(",")) {
                String type = t.trim().toLowerCase(Locale.ROOT);
                if (type.isEmpty()) {
                    continue;
                }
                if (!type.matches("[a-z0-9!#$&^_.+-]+/(\\*|[a-z0-9!#$&^_.+-]+)")) {
                    throw new IllegalArgumentException("attachmentContentTypes holds type/subtype or type/*"
                            + " entries separated by commas, got '" + t.trim() + "'");
                }
                out.add(type);
            }
        }
        return List.copyOf(out);
    }

    private static Pattern pattern(String regex) {
        if (regex == null || regex.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("attachmentNamePattern is not a regular expression: "
                    + e.getDescription() + " in '" + regex + "'", e);
        }
    }

    /**
     * The attachment name of {@code part}, or {@code null} when it is not an attachment. As camel-mail:
     * the file name (RFC 2231 always decoded, RFC 2047 when decodeFilename), CR/LF/TAB replaced by
     * '_'; a random UUID for a part whose disposition is attachment or inline and has no name when
     * generateMissingAttachmentNames=uuid; then without directories and trimmed. Further, any other
     * control character becomes '_' and the names "." and ".." become "_", so the name is always a
     * plain file name. Multiparts are never attachments; inline parts only with inlineAttachments.
     */
    String nameOf(BodyStructure part) {
        if (part.isMultipart()) {
            return null;
        }
        String disposition = part.dispositionType();
        if ("inline".equals(disposition) && !inline) {
            return null;
        }
        String name = filename(part);
        if ((name == null || name.isEmpty()) && generateNames
                && ("attachment".equals(disposition) || "inline".equals(disposition))) {
            name = UUID.randomUUID().toString();
        }
        if (name == null) {
            return null;
        }
        name = safe(name);
        return name.isEmpty() ? null : name;
    }

    private String filename(BodyStructure part) {
        String decoded = part.filename();
        if (decoded == null || decodeFilename) {
            return decoded;
        }
        // decodeFilename=false: RFC 2047 encoded-words stay as sent; only a plain parameter can hold them
        String plain = plain(part.disposition() == null ? Map.of() : part.disposition().params(), "filename");
        if (plain == null && (part.disposition() == null
                || MimeParamsView.absent(part.disposition().params(), "filename"))) {
            plain = plain(part.params(), "name");
        }
        return plain != null && plain.contains("=?") ? plain : decoded;
    }

    private static String plain(Map<String, String> params, String name) {
        return MimeParamsView.absent(params, name) ? null : params.get(name);
    }

    /** A file name that names no directory and holds no control character. */
    static String safe(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '_' : c);
        }
        String s = sb.toString();
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(slash + 1).trim();
        return s.equals(".") || s.equals("..") ? "_" : s;
    }

    /** Whether the route wants the attachment {@code name} of {@code part}, by type and name. */
    boolean wanted(BodyStructure part, String name) {
        if (!contentTypes.isEmpty()) {
            String type = part.mimeType();
            boolean match = false;
            for (String t : contentTypes) {
                match |= t.endsWith("/*") ? type.startsWith(t.substring(0, t.length() - 1)) : type.equals(t);
            }
            if (!match) {
                return false;
            }
        }
        return namePattern == null || namePattern.matcher(name).matches();
    }

    /** The most decoded bytes of one attachment; 0 for no limit. */
    long maxSize() {
        return maxSize;
    }

    /**
     * Whether the BODYSTRUCTURE already shows the part to be above attachmentMaxSize once decoded: its
     * encoded size, taken at 72% for base64 (76-character lines decode to 73%) and a third for
     * quoted-printable, is a lower bound of its decoded size.
     */
    boolean tooLarge(BodyStructure part) {
        if (maxSize <= 0 || part.size() < 0) {
            return false;
        }
        long size = part.size();
        long decoded = switch (part.encoding() == null ? "" : part.encoding()) {
            case "BASE64" -> size / 100 * 72;
            case "QUOTED-PRINTABLE" -> size / 3;
            default -> size;
        };
        return decoded > maxSize;
    }

    /** Whether {@code part} is a text the textBody option can take: text/plain or text/html, not an attachment. */
    static boolean isText(BodyStructure part, String attachmentName) {
        return attachmentName == null && part.type().equals("text")
                && (part.subtype().equals("plain") || part.subtype().equals("html"))
                && !"attachment".equals(part.dispositionType());
    }

    /** A new register of the names taken in one message. */
    Names names() {
        return new Names();
    }

    /** The names taken in one message, with camel-mail's handling of duplicates. */
    final class Names {
        private final Map<String, Object> taken = new java.util.LinkedHashMap<>();

        /**
         * The name to store the next attachment {@code name} under, or {@code null} to drop it
         * (handleDuplicateAttachmentNames=never); throws with failOnDuplicateFileAttachment. With
         * uuidPrefix / uuidSuffix the attachment already holding the name is renamed too.
         */
        String claim(String name) throws Imap4MimeException {
            if (!taken.containsKey(name)) {
                return name;
            }
            if (duplicates.equals(NEVER)) {
                if (failOnDuplicate) {
                    throw new Imap4MimeException("Duplicate file attachment: " + name);
                }
                return null;
            }
            Object earlier = taken.remove(name);
            taken.put(unique(name), earlier);
            return unique(name);
        }

        private String unique(String name) {
            String id = UUID.randomUUID().toString();
            if (duplicates.equals(UUID_PREFIX)) {
                return id + "_" + name;
            }
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) + "_" + id + name.substring(dot) : name + "_" + id;
        }

        void put(String name, Object attachment) {
            taken.put(name, attachment);
        }

        /** The attachments by final name, in the order they were found. */
        Map<String, Object> all() {
            return taken;
        }
    }

    /** Reads a parameter map for what {@code BodyStructure.filename()} decoded from. */
    private static final class MimeParamsView {
        // RFC 2231: name*, name*0, name*0* take precedence over the plain name
        static boolean absent(Map<String, String> params, String name) {
            return params.containsKey(name + "*") || params.containsKey(name + "*0")
                    || params.containsKey(name + "*0*") || !params.containsKey(name);
        }
    }
}
