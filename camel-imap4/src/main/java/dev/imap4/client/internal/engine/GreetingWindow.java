package dev.imap4.client.internal.engine;

import dev.imap4.client.StatusResponse;

/**
 * When a PREAUTH may still be the greeting. Courier-IMAP started without FAM/Gamin sends
 * {@code * OK [ALERT] Filesystem notification initialization error ...} before its greeting
 * {@code * PREAUTH Ready.}. A PREAUTH is only ever a greeting, so one that follows an OK greeting with
 * nothing but untagged OKs in between (at most {@value #MAX_LINES}), before any tagged response, is the
 * greeting. Anything else after the greeting, a STARTTLS upgrade, or the PREAUTH itself closes the window.
 */
final class GreetingWindow {

    /** The most untagged OKs after an OK greeting that a PREAUTH greeting may follow. */
    static final int MAX_LINES = 8;

    /** Untagged OKs read since the OK greeting; -1 when the window is closed. */
    private int lines = -1;

    /** Opens the window after an OK greeting. */
    void open() {
        lines = 0;
    }

    void close() {
        lines = -1;
    }

    boolean isOpen() {
        return lines >= 0;
    }

    /**
     * Notes an untagged response read after the greeting ({@code status} null when it is not a status
     * response); returns true when it is a PREAUTH that is the real greeting.
     *
     * @param taggedSeen whether any command has completed on this connection
     */
    boolean preauthIsGreeting(StatusResponse status, boolean taggedSeen) {
        if (lines < 0) {
            return false;
        }
        if (taggedSeen || status == null || lines >= MAX_LINES
                || !(status.status().equals("OK") || status.status().equals("PREAUTH"))) {
            close();
            return false;
        }
        lines++;
        if (status.status().equals("PREAUTH")) {
            close();
            return true;
        }
        return false;
    }
}
