package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.NumberSet;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.camel.Exchange;

/**
 * Exact counting for the reliability scenarios. Messages are named {@code <prefix>-<n>} in their
 * Subject; the route reports each attempt ({@link #attempt}) and each exchange that completed
 * ({@link #complete}, as its last step); {@link #seenBySubject} reads the folder over a direct
 * connection, past any fault proxy.
 */
final class MailCensus {

    private final String prefix;
    private final int total;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> completed = new ConcurrentHashMap<>();

    MailCensus(String prefix, int total) {
        this.prefix = prefix;
        this.total = total;
    }

    String subject(int n) {
        return prefix + "-" + n;
    }

    /** Puts {@code total} messages (about 1 KB each) into the user's INBOX through GreenMail's API, no IMAP involved. */
    void seed(GreenMailUser user) {
        seed(user, 0, total);
    }

    /** Puts messages {@code from} (inclusive) to {@code to} (exclusive) into the user's INBOX. */
    void seed(GreenMailUser user, int from, int to) {
        seed(raw -> user.deliver(GreenMailUtil.newMimeMessage(raw)), from, to);
    }

    /** Hands the raw text of messages {@code from} (inclusive) to {@code to} (exclusive) to {@code sink}, in order. */
    void seed(java.util.function.Consumer<String> sink, int from, int to) {
        String body = "line of a message body, long enough to make the FETCH responses weigh something\r\n".repeat(12);
        for (int n = from; n < to; n++) {
            String s = subject(n);
            sink.accept("From: ann@example.org\r\nTo: joe@example.org\r\nSubject: " + s
                    + "\r\nMessage-ID: <" + s + "@census.test>\r\n\r\n" + s + "\r\n" + body);
        }
    }

    /** Counts an attempt at the message the exchange carries (a route's first step). */
    void attempt(Exchange e) {
        attempts.computeIfAbsent(subjectOf(e), k -> new AtomicInteger()).incrementAndGet();
    }

    /** Counts a completed exchange (a route's last step). */
    void complete(Exchange e) {
        completed.computeIfAbsent(subjectOf(e), k -> new AtomicInteger()).incrementAndGet();
    }

    private static String subjectOf(Exchange e) {
        return e.getMessage().getHeader("Subject", String.class);
    }

    int completedMessages() {
        return completed.size();
    }

    int attemptedMessages() {
        return attempts.size();
    }

    int completions(String subject) {
        AtomicInteger n = completed.get(subject);
        return n == null ? 0 : n.get();
    }

    int attempts(String subject) {
        AtomicInteger n = attempts.get(subject);
        return n == null ? 0 : n.get();
    }

    /** Completed exchanges beyond the first, over all messages. */
    int duplicates() {
        return completed.values().stream().mapToInt(n -> n.get() - 1).sum();
    }

    /** Messages completed more than once. */
    int duplicatedMessages() {
        return (int) completed.values().stream().filter(n -> n.get() > 1).count();
    }

    Set<String> completedSubjects() {
        return new TreeSet<>(completed.keySet());
    }

    /** Asserts that each of the {@code total} messages completed exactly once and is \Seen on the server. */
    void assertEachCompletedOnceAndSeen(int port) {
        Map<String, Boolean> seen = seenBySubject(port, "INBOX");
        assertEquals(total, seen.size(), "messages on the server");
        for (int n = 0; n < total; n++) {
            assertEquals(1, completions(subject(n)), subject(n) + " completed exactly once");
            assertEquals(true, seen.get(subject(n)), subject(n) + " is \\Seen");
        }
    }

    /**
     * Asserts the outcome of a run in which the messages that {@code fails} names always fail in the
     * route: every message was delivered at least once, the failing ones never completed and are not
     * \Seen, every other one completed and is \Seen. {@code seen} is {@link #seenBySubject}'s answer.
     */
    void assertSeenExactlyWhenCompleted(Map<String, Boolean> seen, Predicate<String> fails) {
        assertEquals(total, seen.size(), "nothing lost or stored twice on the server");
        for (int n = 0; n < total; n++) {
            String s = subject(n);
            assertTrue(attempts(s) >= 1, s + " was delivered at least once");
            if (fails.test(s)) {
                assertEquals(0, completions(s), s + " always fails");
                assertEquals(false, seen.get(s), s + " never completed, so it is not \\Seen");
            } else {
                assertTrue(completions(s) >= 1, s + " completed");
                assertEquals(true, seen.get(s), s + " completed, so it is \\Seen");
            }
        }
    }

    /** Subject to \Seen of every message in {@code folder}, read over a new direct connection as joe; each subject once. */
    static Map<String, Boolean> seenBySubject(int port, String folder) {
        ImapClient c = new Imap4("127.0.0.1", port, Imap4Options.defaults().withReadTimeout(Duration.ofSeconds(60))).client();
        try {
            c.login("joe", "secret");
            return seenBySubject(c, folder);
        } finally {
            c.logout();
        }
    }

    /** Subject to \Seen of every message in {@code folder}, read (EXAMINE) over {@code c}, a logged-in connection. */
    static Map<String, Boolean> seenBySubject(ImapClient c, String folder) {
        Map<String, Boolean> out = new TreeMap<>();
        if (c.examine(folder).exists() > 0) {
            c.uidFetch(NumberSet.uidRange(1, NumberSet.STAR), FetchItems.of().withFlags().withEnvelope(), r -> {
                Boolean before = out.put(r.envelope().subject(), r.hasFlag("\\Seen"));
                assertEquals(null, before, "stored once: " + r.envelope().subject());
            });
        }
        return out;
    }

    /** Waits (at most {@code seconds}) for {@code done}; fails with {@code what} if it never comes. */
    static void await(int seconds, String what, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "gave up waiting: " + what);
            Thread.sleep(100);
        }
    }
}
