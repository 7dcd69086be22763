package dev.imap4.examples.kamelets;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs routes/archive.camel.yaml (kamelet:imap4-source to kamelet:imap4-sink) with Camel Main.
 * Without IMAP_HOST it starts a demo IMAP server on 127.0.0.1 with six unread messages, waits until
 * each is in Archive, prints what went where and exits 0 (1 when a message is missing or came
 * twice). With IMAP_HOST, IMAP_USERNAME and IMAP_PASSWORD set it archives that mailbox's unread
 * mail until stopped with Ctrl+C.
 */
public final class ArchiveApp {

    private static final Logger LOG = LoggerFactory.getLogger("kamelets");
    private static final int DEMO_MESSAGES = 6;

    private ArchiveApp() {
    }

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        String host = System.getenv("IMAP_HOST");
        GreenMail demo = null;
        GreenMailUser user = null;
        if (host == null || host.isBlank()) {
            // loopback only, so plain IMAP is acceptable here and nowhere else
            demo = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
            demo.start();
            String password = "demo&pass+w0rd";
            user = demo.setUser("joe@example.org", "joe", password);
            demo.getManagers().getImapHostManager().createMailbox(user, "Archive");
            for (int i = 1; i <= DEMO_MESSAGES; i++) {
                user.deliver(GreenMailUtil.createTextEmail("joe@example.org", "ann@example.org",
                        "Weekly report " + i, "Report number " + i + ".\r\n", demo.getImap().getServerSetup()));
            }
            p.setProperty("imap.host", "127.0.0.1");
            p.setProperty("imap.port", String.valueOf(demo.getImap().getPort()));
            p.setProperty("imap.security", "PLAIN");
            p.setProperty("imap.username", "joe");
            p.setProperty("imap.password", password);
            LOG.info("Demo IMAP server on 127.0.0.1:{}, {} unread messages in INBOX", demo.getImap().getPort(),
                    DEMO_MESSAGES);
        } else {
            p.setProperty("imap.host", host);
            p.setProperty("imap.port", env("IMAP_PORT", "993"));
            p.setProperty("imap.security", env("IMAP_SECURITY", "SSL"));
            p.setProperty("imap.username", env("IMAP_USERNAME", ""));
            p.setProperty("imap.password", env("IMAP_PASSWORD", ""));
        }
        p.setProperty("imap.archive", env("IMAP_ARCHIVE", "Archive"));

        Main main = new Main();
        main.setInitialProperties(p);
        main.configure().withRoutesIncludePattern("classpath:routes/*.camel.yaml");
        if (demo == null) {
            main.run(args);
            return;
        }
        int status;
        try {
            main.start();
            status = awaitArchive(demo, user);
        } finally {
            main.stop();
            demo.stop();
        }
        System.exit(status);
    }

    /** Waits up to a minute for every message in Archive, then a few more polls; 0 when each came once. */
    private static int awaitArchive(GreenMail demo, GreenMailUser user) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (folder(demo, user, "Archive").getMessageCount() < DEMO_MESSAGES && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(3000); // three more polls of the source: nothing may be archived twice
        List<String> archived = new ArrayList<>();
        for (StoredMessage m : folder(demo, user, "Archive").getMessages()) {
            archived.add(m.getMimeMessage().getSubject() + (m.getFlags().contains("$Archived") ? "" : " (no $Archived)"));
        }
        long unseen = folder(demo, user, "INBOX").getMessages().stream()
                .filter(m -> !m.getFlags().contains(jakarta.mail.Flags.Flag.SEEN)).count();
        System.out.printf("Kamelets summary: kamelet:imap4-source -> kamelet:imap4-sink, YAML route%n");
        System.out.printf("  %d of %d messages archived, %d distinct, %d left unread in INBOX%n", archived.size(),
                DEMO_MESSAGES, new HashSet<>(archived).size(), unseen);
        archived.forEach(s -> System.out.printf("    Archive  %s%n", s));
        boolean ok = archived.size() == DEMO_MESSAGES && new HashSet<>(archived).size() == DEMO_MESSAGES && unseen == 0
                && archived.stream().noneMatch(s -> s.endsWith("(no $Archived)"));
        System.out.println(ok ? "  every message archived exactly once" : "  FAILED: expected each message once");
        return ok ? 0 : 1;
    }

    private static MailFolder folder(GreenMail demo, GreenMailUser user, String name) throws Exception {
        return demo.getManagers().getImapHostManager().getFolder(user, name);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
