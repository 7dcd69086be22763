package dev.imap4.client.live;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4Options;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Shared set-up for the GreenMail suites: one in-process server per test class on a free port, a
 * fresh account per test (so tests never see each other's mail), messages delivered straight into
 * the store (no SMTP round trip), and connections that are shut down after each test.
 *
 * <pre>
 * &#64;RegisterExtension static final GreenMailExtension MAIL = LiveMail.imapServer();
 * &#64;RegisterExtension final LiveMail live = new LiveMail(MAIL);
 * </pre>
 */
final class LiveMail implements AfterEachCallback {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    /** A GreenMail user; {@code login} and {@code password} are what LOGIN takes. */
    record Account(String login, String password, String email, GreenMailUser user) {
    }

    private final GreenMailExtension mail;
    private final List<Imap4> connections = new ArrayList<>();

    LiveMail(GreenMailExtension mail) {
        this.mail = mail;
    }

    /** IMAP only, on a port the OS picks, kept for the whole class. */
    static GreenMailExtension imapServer() {
        return new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort()).withPerMethodLifecycle(false);
    }

    /** A new account with an empty INBOX. */
    Account account() {
        int n = ACCOUNTS.incrementAndGet();
        String login = "user" + n;
        String email = login + "@example.org";
        String password = "pw-" + n + "-" + GreenMailUtil.random(8);
        try {
            return new Account(login, password, email, mail.getUserManager().createUser(email, login, password));
        } catch (UserException e) {
            throw new IllegalStateException("cannot create GreenMail user " + login, e);
        }
    }

    /** Delivers a text/plain message into the account's INBOX. */
    void deliver(Account to, String from, String subject, String body) {
        to.user().deliver(GreenMailUtil.createTextEmail(to.email(), from, subject, body, mail.getImap().getServerSetup()));
    }

    /** Delivers a message given as RFC 5322 text (CRLF line ends) into the account's INBOX. */
    void deliverRaw(Account to, String message) {
        to.user().deliver(GreenMailUtil.newMimeMessage(message));
    }

    /** Delivers {@code subjects.length} messages, from ann@example.org, with these subjects in order. */
    void deliverSubjects(Account to, String... subjects) {
        for (String subject : subjects) {
            deliver(to, "ann@example.org", subject, "about " + subject);
        }
    }

    int port() {
        return mail.getImap().getPort();
    }

    /** A connection in NONAUTH state; reads time out after ten seconds so that no test can hang. */
    Imap4 connect() {
        Imap4 m = new Imap4("127.0.0.1", port(), Imap4Options.defaults().withReadTimeout(Duration.ofSeconds(10)));
        connections.add(m);
        return m;
    }

    /** A connection logged in as {@code account} (AUTH state). */
    Imap4 login(Account account) {
        Imap4 m = connect();
        m.login(account.login(), account.password());
        return m;
    }

    /** A connection with the account's INBOX selected (SELECTED state). */
    Imap4 selectInbox(Account account) {
        Imap4 m = login(account);
        m.select();
        return m;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (Imap4 m : connections) {
            m.shutdown();
        }
        connections.clear();
    }
}
