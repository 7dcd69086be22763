package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.AppendUid;
import dev.imap4.client.types.NumberSet;
import dev.imap4.testing.Fault;
import dev.imap4.testing.Fault.Direction;
import dev.imap4.testing.FaultProxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The producer under load on a link that breaks: 16 threads send 400 APPENDs through a pool of 4
 * connections to GreenMail, via a {@link FaultProxy} that cuts connections at seeded random points
 * (in either direction, about 20 cuts). Afterwards the mailbox is read directly: every APPEND that
 * succeeded is there exactly once, under the UID its APPENDUID named, with its bytes intact; every
 * other one failed with an exception (and may or may not have been stored, for a cut after the
 * server stored it but before the client heard so); nothing is there twice or unasked for.
 */
@Timeout(120)
class Imap4ProducerFaultLoadTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    private static final int THREADS = 16;
    private static final int APPENDS = 400;
    private static final int MAX_CUTS = 20;
    private static final long SEED = 0x5EED_2026L;

    /** One exchange's outcome: the UID the server reported, or the failure. */
    private record Outcome(Long uid, Exception failure) {
    }

    @Test
    void everyAppendSucceedsExactlyOnceOrFails() throws Exception {
        MAIL.setUser("joe@example.org", "joe", "secret");
        Random random = new Random(SEED);
        AtomicInteger plannedCuts = new AtomicInteger();
        IntPlan plan = i -> {
            synchronized (random) {
                if (plannedCuts.get() >= MAX_CUTS || random.nextInt(8) == 0) {
                    return Fault.none();
                }
                plannedCuts.incrementAndGet();
                Direction d = random.nextBoolean() ? Direction.TO_SERVER : Direction.TO_CLIENT;
                return Fault.cutAfter(d, 100 + random.nextInt(6_000));
            }
        };
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        try (FaultProxy proxy = FaultProxy.start("127.0.0.1", MAIL.getImap().getPort(), plan::fault);
                DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            String uri = "imap4:127.0.0.1:" + proxy.port() + "?security=PLAIN&username=joe&password=secret"
                    + "&poolSize=4&readTimeout=10000&connectTimeout=5000";
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    for (int n = thread; n < APPENDS; n += THREADS) {
                        String id = "<load-" + n + "@fault.test>";
                        Exchange e = template.request(uri, x -> {
                            x.getMessage().setHeader(Imap4Constants.COMMAND, "APPEND");
                            x.getMessage().setHeader(Imap4Constants.FOLDER, "INBOX");
                            x.getMessage().setBody(message(id));
                        });
                        AppendUid uid = e.getException() == null ? e.getMessage().getBody(AppendUid.class) : null;
                        outcomes.put(id, new Outcome(uid == null ? null : uid.uid(), e.getException()));
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
            Map<String, List<Long>> stored = storedByMessageId();
            report(outcomes, stored, proxy);
        }
    }

    private static void report(Map<String, Outcome> outcomes, Map<String, List<Long>> stored, FaultProxy proxy) {
        assertEquals(APPENDS, outcomes.size(), "every exchange came back");
        int ok = 0;
        int failed = 0;
        int failedButStored = 0;
        for (Map.Entry<String, Outcome> e : outcomes.entrySet()) {
            List<Long> uids = stored.getOrDefault(e.getKey(), List.of());
            Outcome o = e.getValue();
            if (o.failure() == null) {
                ok++;
                assertEquals(List.of(o.uid()), uids, e.getKey() + " succeeded: stored once, under its APPENDUID");
            } else {
                failed++;
                assertTrue(o.failure() instanceof Imap4AbortException, e.getKey() + " failed with " + o.failure());
                assertTrue(uids.size() <= 1, e.getKey() + " failed but is stored " + uids.size() + " times");
                failedButStored += uids.size();
            }
        }
        for (String id : stored.keySet()) {
            assertTrue(outcomes.containsKey(id), "stored but never sent: " + id);
        }
        System.out.println("producer under faults: " + APPENDS + " APPENDs over " + proxy.connections()
                + " connections, " + proxy.faultsFired() + " cut: " + ok + " succeeded (each stored once), "
                + failed + " failed with an exception (" + failedButStored + " of them stored before the cut), "
                + "0 lost, 0 duplicated");
        assertEquals(APPENDS, ok + failed);
        assertTrue(proxy.faultsFired() >= MAX_CUTS / 2 && ok > APPENDS / 2,
                proxy.faultsFired() + " cuts fired, " + ok + " succeeded: the load and the faults both happened");
    }

    /** Reads the mailbox directly (no proxy): Message-ID to UIDs, checking every body is intact. */
    private static Map<String, List<Long>> storedByMessageId() {
        Map<String, List<Long>> out = new ConcurrentHashMap<>();
        Imap4Options options = Imap4Options.defaults().withReadTimeout(Duration.ofSeconds(30));
        ImapClient c = new Imap4("127.0.0.1", MAIL.getImap().getPort(), options).client();
        try {
            c.login("joe", "secret");
            c.select("INBOX");
            c.uidFetch(NumberSet.uidRange(1, NumberSet.STAR), FetchItems.of().withBody(), m -> {
                String text = m.message().asString(StandardCharsets.US_ASCII);
                String id = text.substring(text.indexOf('<'), text.indexOf('>') + 1);
                assertEquals(new String(message(id), StandardCharsets.US_ASCII), text, "stored intact: " + id);
                out.computeIfAbsent(id, k -> new ArrayList<>()).add(m.uid());
            });
        } finally {
            c.logout();
        }
        return out;
    }

    private static byte[] message(String id) {
        String body = ("payload of " + id + "\r\n").repeat(20);
        return ("Message-ID: " + id + "\r\nFrom: load@fault.test\r\nTo: joe@example.org\r\nSubject: load " + id
                + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    /** The proxy's plan, named for readability. */
    @FunctionalInterface
    private interface IntPlan {
        Fault fault(int connection);
    }
}
