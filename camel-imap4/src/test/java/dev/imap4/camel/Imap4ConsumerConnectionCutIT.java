package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4;
import dev.imap4.client.ImapClient;
import dev.imap4.client.interop.ImapServer;
import dev.imap4.client.interop.Servers;
import dev.imap4.client.interop.TrustingClientFactory;
import dev.imap4.testing.Fault;
import dev.imap4.testing.Fault.Direction;
import dev.imap4.testing.FaultProxy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario 1 of docs/reliability.md at full size, on Dovecot: the consumer reads 5,000 messages
 * from a fresh folder through a {@link FaultProxy} that cuts each of its first 20 connections after
 * a seeded random number of bytes, toward the server or toward the client. Every hundredth message
 * always fails in the route. The consumer speaks STARTTLS through the proxy with the server's
 * certificate verified (it names 127.0.0.1), so the proxy cuts TLS records, not IMAP lines: the
 * client sees the connection end where the last whole record ended, inside a FETCH response or a
 * UID STORE. At the end the folder is read over a direct connection: exactly the messages whose
 * exchange completed are \Seen, every message was delivered at least once, all 20 cuts fired, and
 * with an idempotent repository every message completed exactly once. The numbers are printed for
 * the docs; {@link Imap4ConsumerConnectionCutTest} is the small GreenMail version that runs in the
 * default build.
 */
@Timeout(300)
class Imap4ConsumerConnectionCutIT {

    private static final int MESSAGES = 5_000;
    private static final int CUTS = 20;
    private static final int FAILING_EVERY = 100;
    private static final long SEED = 0xC075_5000L;
    private static final int APPEND_BATCH = 500;

    @Test
    void withoutARepositoryEveryMessageIsDeliveredAtLeastOnceAndOnlyCompletedOnesAreSeen() throws Exception {
        run(null);
    }

    @Test
    void withAnIdempotentRepositoryEveryMessageCompletesExactlyOnce() throws Exception {
        run(MemoryIdempotentRepository.memoryIdempotentRepository(2 * MESSAGES));
    }

    private void run(IdempotentRepository repo) throws Exception {
        ImapServer server = Servers.dovecot().require();
        // a folder no earlier run used, so every run starts from the same state
        String folder = "it-cut-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        MailCensus census = new MailCensus("cut", MESSAGES);
        Imap4 raw = server.login(); // direct, past the proxy
        ImapClient c = raw.client();
        try (TestMailbox direct = new TestMailbox(c)) {
            direct.create(folder);
            try {
                long start = System.nanoTime();
                appendAll(raw, folder, census);
                System.out.printf("%s: appended %d messages in %d ms%n", server, MESSAGES, millisSince(start));
                consume(server, folder, repo, census, c);
                census.assertSeenExactlyWhenCompleted(MailCensus.seenBySubject(c, folder),
                        Imap4ConsumerConnectionCutIT::failing);
                if (repo != null) {
                    checkRepository(repo, folder, direct.uidValidity(folder), census);
                }
            } finally {
                direct.delete(folder);
            }
        }
    }

    /**
     * Appends the census's messages in order (UID n+1 is message n), 500 to a command with
     * MULTIAPPEND (RFC 3502) and LITERAL+ (RFC 7888), written through the transport seam as
     * scripts/populate.py does: Dovecot takes about 10 ms per single APPEND, minutes for 5,000.
     */
    private static void appendAll(Imap4 raw, String folder, MailCensus census) {
        assertTrue(raw.capabilities().containsAll(List.of("MULTIAPPEND", "LITERAL+")), "MULTIAPPEND and LITERAL+");
        List<byte[]> messages = new ArrayList<>(MESSAGES);
        census.seed(m -> messages.add(m.getBytes(StandardCharsets.US_ASCII)), 0, MESSAGES);
        for (int from = 0; from < MESSAGES; from += APPEND_BATCH) {
            String tag = "m" + from;
            ByteArrayOutputStream command = new ByteArrayOutputStream();
            command.writeBytes(ascii(tag + " APPEND \"" + folder + "\""));
            for (byte[] m : messages.subList(from, Math.min(MESSAGES, from + APPEND_BATCH))) {
                command.writeBytes(ascii(" {" + m.length + "+}\r\n"));
                command.writeBytes(m);
            }
            command.writeBytes(ascii("\r\n"));
            raw.send(command.toByteArray());
            String line;
            do {
                line = new String(raw.readline(), StandardCharsets.US_ASCII);
            } while (!line.startsWith(tag + " "));
            assertTrue(line.startsWith(tag + " OK"), "MULTIAPPEND of messages " + from + "...: " + line.strip());
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private void consume(ImapServer server, String folder, IdempotentRepository repo, MailCensus census,
            ImapClient direct) throws Exception {
        Random random = new Random(SEED);
        List<Integer> completedAtConnect = new CopyOnWriteArrayList<>();
        try (FaultProxy proxy = FaultProxy.start(server.host(), server.port(), i -> {
                    completedAtConnect.add(census.completedMessages());
                    return cut(i, random);
                });
                DefaultCamelContext context = new DefaultCamelContext()) {
            Imap4Component imap4 = new Imap4Component();
            imap4.setClientFactory(new TrustingClientFactory(server));
            context.addComponent("imap4", imap4);
            if (repo != null) {
                context.getRegistry().bind("repo", repo);
            }
            String uri = "imap4:" + server.host() + ":" + proxy.port() + "?security=STARTTLS&username=" + server.user()
                    + "&password=RAW(" + server.password() + ")&folder=" + folder
                    + "&initialDelay=0&delay=100&readTimeout=20000&connectTimeout=5000"
                    // batches of 10: \\Seen goes once per batch, so the client must talk often enough for
                    // every cut toward the server to fall inside the run
                    + "&fetchBatchSize=10" + (repo == null ? "" : "&idempotentRepository=#repo");
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(noErrorHandler());
                    from(uri).routeId("cut")
                            .process(census::attempt)
                            .process(e -> {
                                if (failing(e.getMessage().getHeader("Subject", String.class))) {
                                    throw new IllegalStateException("this message always fails");
                                }
                            })
                            .process(census::complete);
                }
            });
            int expected = MESSAGES - MESSAGES / FAILING_EVERY;
            long start = System.nanoTime();
            context.start();
            MailCensus.await(240, "every message completed and marked \\Seen", () -> census.completedMessages() == expected
                    && MailCensus.seenBySubject(direct, folder).values().stream().filter(s -> s).count() == expected);
            long elapsed = millisSince(start);
            context.stop();
            System.out.printf("%s, %s: %d messages, %d completed; %d connections, %d cut (messages completed when"
                    + " each connection opened: %s); %d duplicate completions (%d messages), %d repeated deliveries"
                    + " of messages that complete; %d ms%n", server,
                    repo == null ? "no idempotent repository" : "memory idempotent repository", MESSAGES,
                    census.completedMessages(), proxy.connections(), proxy.faultsFired(), completedAtConnect,
                    census.duplicates(), census.duplicatedMessages(), redeliveries(census), elapsed);
            assertEquals(CUTS, proxy.faultsFired(), "every planned cut happened during the run");
        }
    }

    // exactly once, and the key of every message that completed (and only those) is kept
    private static void checkRepository(IdempotentRepository repo, String folder, long validity, MailCensus census) {
        assertEquals(0, census.duplicates(), "exactly once with the repository");
        for (long uid = 1; uid <= MESSAGES; uid++) {
            boolean failing = (uid - 1) % FAILING_EVERY == 7;
            assertEquals(!failing, repo.contains(folder + "/" + validity + "/" + uid), "repository key of UID " + uid);
        }
    }

    /**
     * The first CUTS connections are cut after a random number of bytes: one in four toward the
     * server (within 200-1,200 bytes: a few batches of FETCH and UID STORE commands), the others
     * toward the client (within 5-305 KB: up to about 150 messages fetched), so every cut falls
     * well before the run ends.
     */
    private static Fault cut(int connection, Random random) {
        if (connection >= CUTS) {
            return Fault.none();
        }
        synchronized (random) {
            return random.nextInt(4) == 0 ? Fault.cutAfter(Direction.TO_SERVER, 200 + random.nextInt(1_000))
                    : Fault.cutAfter(Direction.TO_CLIENT, 5_000 + random.nextInt(300_000));
        }
    }

    private static boolean failing(String subject) {
        return Integer.parseInt(subject.substring(subject.indexOf('-') + 1)) % FAILING_EVERY == 7;
    }

    // deliveries beyond the first of the messages that do not always fail
    private static int redeliveries(MailCensus census) {
        int n = 0;
        for (int i = 0; i < MESSAGES; i++) {
            String s = census.subject(i);
            n += failing(s) ? 0 : Math.max(0, census.attempts(s) - 1);
        }
        return n;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
