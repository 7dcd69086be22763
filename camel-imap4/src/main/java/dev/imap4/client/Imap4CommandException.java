package dev.imap4.client;

/**
 * A typed-API command answered NO or BAD. The connection is still usable. The response code (for
 * example {@code TRYCREATE}, {@code OVERQUOTA}, {@code AUTHENTICATIONFAILED}, {@code UNAVAILABLE})
 * tells callers what to do next.
 */
public class Imap4CommandException extends Imap4Exception {
    private static final long serialVersionUID = 1L;

    private final String verb;
    private final String status;
    private final String code;
    private final String text;

    public Imap4CommandException(String verb, StatusResponse tagged) {
        super(verb + " failed: " + tagged.status() + " " + tagged.rawText());
        this.verb = verb;
        this.status = tagged.status();
        this.code = tagged.code();
        this.text = tagged.text();
    }

    /** The command that failed, e.g. {@code UID MOVE}. */
    public String verb() {
        return verb;
    }

    /** NO or BAD. */
    public String status() {
        return status;
    }

    /** The response code in upper case, or {@code null}. */
    public String code() {
        return code;
    }

    public String text() {
        return text;
    }

    /** Throws for anything but OK. */
    public static StatusResponse requireOk(String verb, StatusResponse tagged) {
        if (!tagged.isOk()) {
            throw new Imap4CommandException(verb, tagged);
        }
        return tagged;
    }
}
