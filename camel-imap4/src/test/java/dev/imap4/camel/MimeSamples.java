package dev.imap4.camel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Raw MIME messages for the attachment and text-body tests, written out so each test shows its bytes. */
final class MimeSamples {

    static final String B = "b0undary";

    private MimeSamples() {
    }

    static String b64(byte[] bytes) {
        return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes);
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A multipart/mixed mail with a text/plain part followed by {@code parts} (each a full body part). */
    static String mixed(String subject, String... parts) {
        return mixedWith(B, subject, parts);
    }

    /** As {@link #mixed}, with boundary {@code b} (an encapsulated message needs one of its own). */
    static String mixedWith(String b, String subject, String... parts) {
        String B = b;
        StringBuilder sb = new StringBuilder("From: billing@example.org\r\nTo: joe@example.org\r\nSubject: ")
                .append(subject).append("\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"")
                .append(B).append("\"\r\n\r\npreamble\r\n--").append(B)
                .append("\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nsee attached\r\n");
        for (String p : parts) {
            sb.append("--").append(B).append("\r\n").append(p).append("\r\n");
        }
        return sb.append("--").append(B).append("--\r\n").toString();
    }

    /** A base64 attachment part with the given header fields and content. */
    static String attachment(String type, String disposition, String content) {
        return "Content-Type: " + type + "\r\n" + (disposition == null ? "" : "Content-Disposition: " + disposition + "\r\n")
                + "Content-Transfer-Encoding: base64\r\n\r\n" + b64(content);
    }

    static String pdf(String name, String content) {
        return attachment("application/pdf; name=\"" + name + "\"", "attachment; filename=\"" + name + "\"", content);
    }
}
