package dev.imap4.client;

import java.nio.charset.StandardCharsets;

/**
 * A status response (RFC 3501 §7.1): OK, NO, BAD, PREAUTH or BYE, tagged or untagged, with its
 * optional bracketed response code.
 *
 * @param tag      the tag, or {@code null} when untagged
 * @param status   OK, NO, BAD, PREAUTH or BYE
 * @param code     the response code name in upper case (e.g. {@code UIDVALIDITY}), or {@code null}
 * @param codeData the text after the code name inside the brackets, or {@code null}
 * @param text     the human-readable text after the code
 * @param raw      the bytes after the status word, as imaplib returns them
 * @param typedCode the code's data parsed by its grammar, for the codes the client uses
 *                 ({@link ResponseCode#NONE} for the others)
 */
public record StatusResponse(String tag, String status, String code, String codeData, String text, byte[] raw,
        ResponseCode typedCode) {

    /** A status response whose code, if any, carries no typed data. */
    public StatusResponse(String tag, String status, String code, String codeData, String text, byte[] raw) {
        this(tag, status, code, codeData, text, raw, ResponseCode.NONE);
    }

    public boolean isOk() {
        return "OK".equals(status);
    }

    public String rawText() {
        return new String(raw, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return (tag == null ? "*" : tag) + " " + status + " " + rawText();
    }
}
