package dev.imap4.examples.core;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An in-process IMAP server (GreenMail) on 127.0.0.1 and a port the system picks, with one account
 * and a few messages in its INBOX, so the example needs no mail account. Plain IMAP is fine here:
 * nothing leaves the machine.
 */
final class DemoMailServer implements AutoCloseable {

    static final String USER = "joe";
    static final String PASSWORD = "demo-" + GreenMailUtil.random(8);

    private final GreenMail greenMail;

    DemoMailServer() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        greenMail.start();
        GreenMailUser joe = greenMail.setUser("joe@example.org", USER, PASSWORD);
        deliver(joe, "ann@example.org", "Minutes of Monday's meeting", "Attached, as promised.");
        deliver(joe, "billing@example.com", "Your invoice 2026-031", "Amount due: 42.00 EUR.");
        deliver(joe, "bob@example.net", "Lunch?", "Thai place at noon?");
    }

    private void deliver(GreenMailUser to, String from, String subject, String body) {
        to.deliver(GreenMailUtil.createTextEmail(to.getEmail(), from, subject, body, greenMail.getImap().getServerSetup()));
    }

    String host() {
        return "127.0.0.1";
    }

    int port() {
        return greenMail.getImap().getPort();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
