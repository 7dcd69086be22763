package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenario 4 of docs/reliability.md: the folder is deleted and recreated under a running consumer
 * (incremental mode, onSuccess=SEEN, an idempotent repository), so its new messages reuse UIDs at
 * and below the old watermark under a new UIDVALIDITY. Every new message is delivered exactly
 * once, none of the old ones again, and the repository holds both generations apart.
 */
@Timeout(60)
class Imap4ConsumerUidValidityChangeTest {

    private static final int OLD = 10;
    private static final int NEW = 15;

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS");
    private final DefaultCamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    @Test
    void aRecreatedFolderIsConsumedWholeThoughItsUidsAreBelowTheOldWatermark() throws Exception {
        fake.server().withoutUidNext(); // every poll searches: its key shows the watermark
        MailCensus old = new MailCensus("old", OLD);
        MailCensus fresh = new MailCensus("new", NEW);
        old.seed(fake.server()::add, 0, OLD);
        Map<String, Long> validityBySubject = new ConcurrentHashMap<>();
        IdempotentRepository repo = MemoryIdempotentRepository.memoryIdempotentRepository();
        context.getRegistry().bind("repo", repo);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("incremental=true&fetchBatchSize=4&idempotentRepository=#repo"))
                        .routeId("r")
                        .process(e -> {
                            String subject = e.getMessage().getHeader("Subject", String.class);
                            validityBySubject.put(subject, e.getMessage().getHeader(Imap4Constants.UID_VALIDITY, Long.class));
                            (subject.startsWith("old") ? old : fresh).complete(e);
                        });
            }
        });
        context.start();
        MailCensus.await(20, "the old generation consumed", () -> old.completedMessages() == OLD);
        MailCensus.await(20, "the watermark at UID 10", () -> fake.server().count("UID SEARCH UNSEEN UNDELETED UID 11:*") >= 2);

        fake.server().recreate(2000);
        fresh.seed(fake.server()::add, 0, NEW);
        MailCensus.await(20, "the new generation consumed", () -> fresh.completedMessages() == NEW
                && fake.server().uids("INBOX").stream().allMatch(uid -> fake.server().flags(uid).contains("\\Seen")));
        Thread.sleep(300); // a few more polls, which must find nothing
        context.stop();

        for (int n = 0; n < OLD; n++) {
            assertEquals(1, old.completions(old.subject(n)), old.subject(n) + " once, and not again after the change");
            assertEquals(1000L, validityBySubject.get(old.subject(n)));
            assertTrue(repo.contains("INBOX/1000/" + (n + 1)));
        }
        for (int n = 0; n < NEW; n++) {
            assertEquals(1, fresh.completions(fresh.subject(n)), fresh.subject(n) + " exactly once");
            assertEquals(2000L, validityBySubject.get(fresh.subject(n)));
            assertTrue(repo.contains("INBOX/2000/" + (n + 1)), "new key for UID " + (n + 1));
        }
        assertEquals(List.of(), fake.server().uids("INBOX").stream().filter(uid -> !fake.server().flags(uid).contains("\\Seen")).toList());
    }
}
