package dev.imap4.camel;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.ImapState;
import dev.imap4.client.types.NumberSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A second connection to the test server: puts messages in and looks at what the consumer left.
 * GreenMail sometimes drops a connection whose folder another session changes at the same moment;
 * the read-only looks ({@link #flags}, {@link #subjects}) then log in again and ask once more.
 */
final class TestMailbox implements AutoCloseable {

    private final int port;
    private ImapClient client;

    TestMailbox(int port) {
        this.port = port;
        client = login(port);
    }

    /** Over a connection the caller opened and logged in; {@link #close()} closes it. */
    TestMailbox(ImapClient loggedIn) {
        this.port = -1;
        client = loggedIn;
    }

    private static ImapClient login(int port) {
        ImapClient c = new Imap4("127.0.0.1", port).client();
        c.login("joe", "secret");
        return c;
    }

    // a look that changes nothing: asked again on a new connection when the server dropped this one
    private <T> T look(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (Imap4AbortException e) {
            if (port < 0) {
                throw e;
            }
            client.shutdown(); // already dropped by the server: this only releases it here
            client = login(port);
            return read.get();
        }
    }

    static String message(String subject, String body) {
        return "From: ann@example.org\r\nTo: joe@example.org\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + subject.replace(' ', '.') + "@example.org>\r\n\r\n" + body + "\r\n";
    }

    /** Appends a message and returns its UID. */
    long append(String folder, String raw, String... flags) {
        return client.append(folder, List.of(flags), null, raw.getBytes(StandardCharsets.UTF_8)).uids().toList().get(0);
    }

    /** Appends a message with the given internal date and returns its UID. */
    long appendAt(String raw, java.time.ZonedDateTime internalDate) {
        return client.append("INBOX", List.of(), internalDate, raw.getBytes(StandardCharsets.UTF_8)).uids().toList().get(0);
    }

    long append(String subject) {
        return append("INBOX", message(subject, "body of " + subject));
    }

    void create(String folder) {
        client.create(folder);
    }

    /** Deletes the folder, leaving it first if it is the one selected. */
    void delete(String folder) {
        if (client.state() == ImapState.SELECTED) {
            client.closeMailbox();
        }
        client.delete(folder);
    }

    /** Flags of every message in the folder, by UID. */
    Map<Long, List<String>> flags(String folder) {
        return look(() -> readFlags(folder));
    }

    private Map<Long, List<String>> readFlags(String folder) {
        client.examine(folder);
        Map<Long, List<String>> out = new TreeMap<>();
        List<Long> uids = client.uidSearch("ALL").numbers();
        if (!uids.isEmpty()) {
            client.uidFetch(NumberSet.uids(uids), FetchItems.of().withFlags(), r -> out.put(r.uid(), r.flags()));
        }
        return out;
    }

    /** Subjects of the messages in the folder, in UID order; empty when the folder does not exist. */
    List<String> subjects(String folder) {
        return look(() -> readSubjects(folder));
    }

    private List<String> readSubjects(String folder) {
        try {
            client.examine(folder);
        } catch (dev.imap4.client.Imap4CommandException e) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        List<Long> uids = client.uidSearch("ALL").numbers();
        if (!uids.isEmpty()) {
            client.uidFetch(NumberSet.uids(uids), FetchItems.of().withEnvelope(), r -> out.add(r.envelope().subject()));
        }
        return out;
    }

    boolean seen(String folder, long uid) {
        return flags(folder).getOrDefault(uid, List.of()).contains("\\Seen");
    }

    long uidValidity(String folder) {
        return client.examine(folder).uidValidity();
    }

    @Override
    public void close() {
        client.close();
    }
}
