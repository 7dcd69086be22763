package dev.imap4.examples.cookbook;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.imap4.client.Imap4;
import dev.imap4.client.ImapClient;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * An in-process IMAP server (GreenMail) on 127.0.0.1 and a port the system picks, seeded through
 * the client core: an INBOX with old and recent mail, a small folder tree and a storage quota.
 * Plain IMAP is fine here: nothing leaves the machine.
 */
final class DemoMailServer implements AutoCloseable {

    static final String USER = "joe";

    private final String password = "demo-" + GreenMailUtil.random(8);
    private final GreenMail greenMail;

    DemoMailServer() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        greenMail.start();
        greenMail.setUser("joe@example.org", USER, password);
        seed();
    }

    private void seed() {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        try (ImapClient c = new Imap4("127.0.0.1", port()).client()) {
            c.login(USER, password);
            put(c, "INBOX", now.minusDays(95), "ann@example.org", "Kick-off notes");
            put(c, "INBOX", now.minusDays(64), "billing@example.com", "Your invoice 2026-017");
            put(c, "INBOX", now.minusDays(41), "bob@example.net", "Photos from the trip");
            put(c, "INBOX", now.minusDays(3), "billing@example.com", "Your invoice 2026-031");
            put(c, "INBOX", now.minusDays(1), "ann@example.org", "Agenda for Thursday");
            String sep = c.list("", "INBOX").get(0).delimiter();
            for (String folder : List.of("Projects", "Projects" + sep + "Alpha", "Projects" + sep + "Beta")) {
                c.create(folder);
            }
            put(c, "Projects" + sep + "Alpha", now.minusDays(20), "ann@example.org", "Alpha: requirements");
            put(c, "Projects" + sep + "Alpha", now.minusDays(10), "bob@example.net", "Alpha: first draft");
            put(c, "Projects" + sep + "Beta", now.minusDays(5), "ann@example.org", "Beta: budget");
            c.extensions().setQuota("", Map.of("STORAGE", 10_240L));
        }
    }

    private static void put(ImapClient c, String folder, ZonedDateTime received, String from, String subject) {
        String message = "From: " + from + "\r\nTo: joe@example.org\r\nSubject: " + subject
                + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + subject + ".\r\n";
        c.append(folder, List.of(), received, message.getBytes(StandardCharsets.UTF_8));
    }

    int port() {
        return greenMail.getImap().getPort();
    }

    String password() {
        return password;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
