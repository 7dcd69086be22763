package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.imap4.testing.Fault;
import dev.imap4.testing.Fault.Direction;
import dev.imap4.testing.FaultProxy;
import java.util.Random;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenario 1 of docs/reliability.md, small and in-process: the consumer reads 1,000 messages from
 * GreenMail through a {@link FaultProxy} that cuts its first 20 connections after a seeded random
 * number of bytes (in either direction). Ten messages always fail in the route. At the end the
 * folder is read over a direct connection: exactly the messages whose exchange completed are
 * \Seen, every message was delivered at least once, and with an idempotent repository every
 * message completed exactly once. The full-size run, 5,000 messages over STARTTLS on a real
 * Dovecot, is {@link Imap4ConsumerConnectionCutIT}; it is not done here because GreenMail's UID
 * STORE takes time in proportion to the folder's size (about 80 ms per call at 2,000 messages)
 * and a synchronous route costs one UID STORE per message.
 */
@Timeout(300)
class Imap4ConsumerConnectionCutTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    private static final int MESSAGES = 1_000;
    private static final int CUTS = 20;
    private static final int FAILING_EVERY = 100;
    private static final long SEED = 0xC075_2026L;

    @Test
    void withoutARepositoryEveryMessageIsDeliveredAtLeastOnceAndOnlyCompletedOnesAreSeen() throws Exception {
        MailCensus census = run(null);
        System.out.println("connection cuts, no repository: " + census.completedMessages() + " completed, "
                + census.duplicates() + " duplicate deliveries (" + census.duplicatedMessages() + " messages)");
    }

    @Test
    void withAnIdempotentRepositoryEveryMessageCompletesExactlyOnce() throws Exception {
        IdempotentRepository repo = MemoryIdempotentRepository.memoryIdempotentRepository(2 * MESSAGES);
        MailCensus census = run(repo);
        assertEquals(0, census.duplicates(), "exactly once with the repository");
        long validity;
        try (TestMailbox direct = new TestMailbox(MAIL.getImap().getPort())) {
            validity = direct.uidValidity("INBOX");
        }
        for (long uid = 1; uid <= MESSAGES; uid++) {
            boolean failing = (uid - 1) % FAILING_EVERY == 7;
            assertEquals(!failing, repo.contains("INBOX/" + validity + "/" + uid), "repository key of UID " + uid);
        }
        System.out.println("connection cuts, memory repository: " + census.completedMessages() + " completed, "
                + census.duplicates() + " duplicate deliveries");
    }

    private MailCensus run(IdempotentRepository repo) throws Exception {
        GreenMailUser user = MAIL.setUser("joe@example.org", "joe", "secret");
        MailCensus census = new MailCensus("cut", MESSAGES);
        census.seed(user);
        Random random = new Random(SEED);
        try (FaultProxy proxy = FaultProxy.start("127.0.0.1", MAIL.getImap().getPort(), i -> cut(i, random));
                DefaultCamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("repo", repo == null ? MemoryIdempotentRepository.memoryIdempotentRepository() : repo);
            String uri = "imap4:127.0.0.1:" + proxy.port() + "?security=PLAIN&username=joe&password=secret"
                    + "&initialDelay=0&delay=100&readTimeout=20000&connectTimeout=5000"
                    + "&fetchBatchSize=10" + (repo == null ? "" : "&idempotentRepository=#repo");
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(noErrorHandler());
                    from(uri).routeId("r")
                            .process(census::attempt)
                            .process(e -> {
                                if (failing(e.getMessage().getHeader("Subject", String.class))) {
                                    throw new IllegalStateException("this message always fails");
                                }
                            })
                            .process(census::complete);
                }
            });
            context.start();
            int expected = MESSAGES - MESSAGES / FAILING_EVERY;
            int port = MAIL.getImap().getPort();
            MailCensus.await(240, "every message completed and marked \\Seen", () -> census.completedMessages() == expected
                    && MailCensus.seenBySubject(port, "INBOX").values().stream().filter(s -> s).count() == expected);
            context.stop();
            assertEquals(CUTS, proxy.faultsFired(), "every planned cut happened during the run");
            System.out.println("connection cuts: " + proxy.connections() + " connections, " + proxy.faultsFired() + " cut");
        }
        census.assertSeenExactlyWhenCompleted(MailCensus.seenBySubject(MAIL.getImap().getPort(), "INBOX"),
                Imap4ConsumerConnectionCutTest::failing);
        return census;
    }

    // the first CUTS connections are cut after a random number of bytes, mostly in a FETCH response
    private static Fault cut(int connection, Random random) {
        if (connection >= CUTS) {
            return Fault.none();
        }
        synchronized (random) {
            return random.nextInt(4) == 0 ? Fault.cutAfter(Direction.TO_SERVER, 200 + random.nextInt(1_000))
                    : Fault.cutAfter(Direction.TO_CLIENT, 5_000 + random.nextInt(95_000));
        }
    }

    private static boolean failing(String subject) {
        return Integer.parseInt(subject.substring(subject.indexOf('-') + 1)) % FAILING_EVERY == 7;
    }
}
