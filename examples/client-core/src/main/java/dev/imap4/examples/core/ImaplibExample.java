package dev.imap4.examples.core;

import dev.imap4.client.Imap4;
import dev.imap4.client.ImapData;
import dev.imap4.client.ImapResult;
import java.nio.charset.StandardCharsets;

/**
 * The "IMAP4 Example" of Python's imaplib documentation, line by line: log in, select INBOX,
 * search for every message, fetch and print each one, log out. Each Python line is quoted above
 * its Java counterpart.
 */
final class ImaplibExample {

    private ImaplibExample() {
    }

    static void run(String host, int port, String user, String password) {
        // M = imaplib.IMAP4()            (imaplib connects to localhost:143; the demo server listens elsewhere)
        Imap4 m = new Imap4(host, port);
        // M.login(getpass.getuser(), getpass.getpass())
        m.login(user, password);
        // M.select()
        m.select();
        // typ, data = M.search(None, 'ALL')
        ImapResult found = m.search(null, "ALL");
        // for num in data[0].split():
        for (String num : split(found.firstText())) {
            // typ, data = M.fetch(num, '(RFC822)')
            ImapResult fetched = m.fetch(num, "(RFC822)");
            // print 'Message %s\n%s\n' % (num, data[0][1])
            ImapData.Pair message = (ImapData.Pair) fetched.data().get(0);
            System.out.printf("Message %s%n%s%n%n", num, new String(message.literal().bytes(), StandardCharsets.UTF_8));
        }
        // M.logout()
        m.logout();
    }

    /** Python's {@code bytes.split()}: words separated by whitespace, none for an empty line. */
    private static String[] split(String line) {
        return line == null || line.isBlank() ? new String[0] : line.trim().split("\\s+");
    }
}
