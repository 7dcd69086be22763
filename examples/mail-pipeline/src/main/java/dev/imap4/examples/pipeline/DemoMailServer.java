package dev.imap4.examples.pipeline;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.imap4.client.Imap4;
import dev.imap4.client.ImapClient;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * An in-process IMAP server (GreenMail) on 127.0.0.1 and a port the system picks, with one account
 * whose INBOX holds the {@link DemoMailbox}, appended through the client core. Plain IMAP is
 * acceptable here only because nothing leaves the machine.
 */
public final class DemoMailServer implements AutoCloseable {

    public static final String USER = "joe";

    private final String password = "demo-" + GreenMailUtil.random(12);
    private final DemoMailbox mailbox = new DemoMailbox();
    private final GreenMail greenMail;

    public DemoMailServer() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        greenMail.start();
        greenMail.setUser(DemoMailbox.ACCOUNT, USER, password);
        try (ImapClient c = login()) {
            for (DemoMailbox.Message m : mailbox.messages()) {
                c.append("INBOX", m.seen() ? List.of("\\Seen") : List.of(), m.received(), m.content());
            }
        }
    }

    /** A new session as the demo user. */
    public ImapClient login() {
        ImapClient c = new Imap4("127.0.0.1", port()).client();
        c.login(USER, password);
        return c;
    }

    /** Delivers one more message, as if it had just arrived. */
    public void deliverNewMessage(String subject) {
        String message = "From: Ann <ann@example.org>\r\nTo: Joe <" + DemoMailbox.ACCOUNT + ">\r\n"
                + "Subject: " + subject + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Sent while the pipeline was watching.\r\n";
        try (ImapClient c = login()) {
            c.append("INBOX", List.of(), ZonedDateTime.now(ZoneOffset.UTC), message.getBytes(StandardCharsets.UTF_8));
        }
    }

    public int port() {
        return greenMail.getImap().getPort();
    }

    public String password() {
        return password;
    }

    /** How many messages the server holds, and how many of them are unread. */
    public String describe() {
        return mailbox.messages().size() + " messages in INBOX, " + mailbox.unseen() + " unread";
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
