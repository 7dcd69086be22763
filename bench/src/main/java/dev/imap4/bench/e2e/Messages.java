package dev.imap4.bench.e2e;

import dev.imap4.client.Imap4;
import dev.imap4.client.ImapClient;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** New messages for the poll, IDLE and producer cases, appended over a connection of their own. */
final class Messages {

    private Messages() {
    }

    static byte[] message(String tag, int n, int size) {
        StringBuilder b = new StringBuilder(size + 256);
        b.append("From: Bench Sender <sender@bench.example.org>\r\n")
                .append("To: Bench Receiver <receiver@bench.example.org>\r\n")
                .append("Subject: ").append(tag).append(' ').append(n).append("\r\n")
                .append("Date: Mon, 6 Jan 2025 10:00:00 +0000\r\n")
                .append("Message-ID: <").append(tag).append('.').append(n).append('.').append(System.nanoTime())
                .append("@bench.example.org>\r\n")
                .append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n");
        String line = "the quick brown fox jumps over the lazy dog, invoice shipment quarterly report\r\n";
        while (b.length() < size) {
            b.append(line);
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static ImapClient connect(Server s) {
        ImapClient c = new Imap4(s.host(), s.port()).client();
        c.login(s.user(), s.password());
        return c;
    }

    static void append(ImapClient c, String folder, String tag, int from, int count, int size) {
        for (int i = 0; i < count; i++) {
            c.append(folder, List.of(), null, message(tag, from + i, size));
        }
    }
}
