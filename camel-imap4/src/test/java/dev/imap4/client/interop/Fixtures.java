package dev.imap4.client.interop;

import dev.imap4.client.Imap4;
import dev.imap4.client.ImapClient;
import dev.imap4.client.ImapState;
import dev.imap4.client.types.ListEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Test messages and folder names shared by the integration tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** A folder name no other test (or earlier run) uses: {@code it-<label>-<random>}. */
    static String folder(String label) {
        return "it-" + label + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    /** A plain text message with CRLF line ends, dated 26 Nov 2025 at {@code hour}:00 UTC. */
    static byte[] message(String subject, String messageId, String inReplyTo, int hour) {
        StringBuilder sb = new StringBuilder()
                .append("From: \"Ann Example\" <ann@example.org>\r\n")
                .append("To: \"Joe Example\" <joe@example.org>\r\n")
                .append("Subject: ").append(subject).append("\r\n")
                .append(String.format("Date: Wed, 26 Nov 2025 %02d:00:00 +0000\r\n", hour))
                .append("Message-ID: <").append(messageId).append(">\r\n");
        if (inReplyTo != null) {
            sb.append("In-Reply-To: <").append(inReplyTo).append(">\r\n")
                    .append("References: <").append(inReplyTo).append(">\r\n");
        }
        sb.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
                .append("Body of ").append(subject).append(".\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] message(String subject) {
        return message(subject, subject.replace(' ', '.') + "@example.org", null, 10);
    }

    /** A multipart/mixed message: a text part and a small base64 attachment. */
    static byte[] multipart(String subject) {
        return ("From: ann@example.org\r\nTo: joe@example.org\r\nSubject: " + subject + "\r\n"
                + "Date: Wed, 26 Nov 2025 11:00:00 +0000\r\nMessage-ID: <mp." + subject.replace(' ', '.')
                + "@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nSee attached.\r\n"
                + "--b1\r\nContent-Type: application/pdf; name=\"r.pdf\"\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"r.pdf\"\r\n\r\nJVBERi0xLjQKJcfsj6IK\r\n--b1--\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Deletes every folder (children first) whose name starts with {@code prefix}; errors ignored. */
    static void deleteFolders(ImapClient c, String prefix) {
        List<ListEntry> all = new ArrayList<>(c.list("", prefix + "*"));
        all.sort(Comparator.comparing((ListEntry e) -> e.name().length()).reversed());
        for (ListEntry e : all) {
            try {
                c.delete(e.name());
            } catch (RuntimeException ignored) {
                // already gone, or a parent that went with its children
            }
        }
    }

    /** Logs out, whatever state the connection is in. */
    static void quietly(Imap4 m) {
        if (m != null) {
            try {
                m.logout();
            } catch (RuntimeException ignored) {
                // the test already failed or the server closed the connection
            }
        }
    }

    /**
     * Cleans up after a test without hiding its failure: leaves the selected mailbox, deletes the
     * folders and logs out, ignoring errors (the connection may be what the test broke).
     */
    static void drop(ImapClient c, String... folders) {
        try {
            if (c.isConnected() && c.state() == ImapState.SELECTED) {
                c.closeMailbox();
            }
            for (String f : folders) {
                c.delete(f);
            }
        } catch (RuntimeException ignored) {
            // best effort: the test's own failure, if any, is what matters
        }
        quietly(c);
    }

    static void quietly(ImapClient c) {
        if (c != null) {
            c.close();
        }
    }
}
