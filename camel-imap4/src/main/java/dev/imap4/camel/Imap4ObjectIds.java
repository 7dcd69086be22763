package dev.imap4.camel;

import dev.imap4.client.types.FetchResponse;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 8474 object ids on consumed messages: the EMAILID and THREADID headers, and the idempotent
 * key of idempotentKey=EMAILID. A value that breaks the objectid grammar is left out with a
 * warning; that message is then keyed by folder/UIDVALIDITY/UID.
 */
final class Imap4ObjectIds {

    private static final Logger LOG = LoggerFactory.getLogger(Imap4ObjectIds.class);

    private Imap4ObjectIds() {
    }

    static void copy(FetchResponse r, Message m) {
        try {
            String emailId = r.emailId();
            if (emailId != null) {
                m.setHeader(Imap4Constants.EMAIL_ID, emailId);
            }
            String threadId = r.threadId();
            if (threadId != null) {
                m.setHeader(Imap4Constants.THREAD_ID, threadId);
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring the object ids of message UID {}: {}", r.uid(), e.getMessage());
        }
    }

    /** The idempotent key for {@code m}: {@code EMAILID/<id>}, or null when it has no EMAILID. */
    static String key(Message m) {
        String id = m.getHeader(Imap4Constants.EMAIL_ID, String.class);
        return id == null ? null : "EMAILID/" + id;
    }
}
