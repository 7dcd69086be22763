package dev.imap4.client;

import java.util.List;

/**
 * The server sent something the grammar does not allow. Always fatal for the connection (an abort):
 * reading on would risk taking one response for another. The message says what was expected, what
 * came and where.
 */
public class ImapProtocolException extends Imap4AbortException {
    private static final long serialVersionUID = 1L;

    public ImapProtocolException(String message) {
        super(message);
    }

    public ImapProtocolException(String message, Throwable cause, List<String> recentExchanges) {
        super(message, cause, recentExchanges);
    }
}
