package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer stopped while its poll routes an exchange. The exchange finishes before the route's
 * processors stop when the consumer is stopped directly or by a leader's route policy; under
 * {@code master:}, whose consumer stops the route's processors before the imap4 consumer, it
 * fails at its next step and nothing of it is kept: it stays unseen and unkeyed, so the next
 * leader delivers it (docs/scaling-out.md).
 */
@Timeout(60)
class Imap4ConsumerStoppedMidRouteTest {

    @TempDir
    Path clusterDir;

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS");
    private final CountDownLatch inRoute = new CountDownLatch(1);
    private final List<String> finished = new CopyOnWriteArrayList<>();
    private final List<String> failed = new CopyOnWriteArrayList<>();
    private final MemoryIdempotentRepository keys = new MemoryIdempotentRepository();
    private DefaultCamelContext context;
    private String folders = "";

    @BeforeEach
    void messages() {
        for (int n = 1; n <= 3; n++) {
            fake.server().add("Subject: m" + n + "\r\n\r\nbody " + n + "\r\n");
        }
    }

    @AfterEach
    void close() throws Exception {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void stoppedDirectlyTheConsumerLetsTheExchangeInTheRouteFinish() throws Exception {
        start(false, false);
        context.getRoute("inbox").getConsumer().stop();

        assertFinishedAndSeen();
    }

    @Test
    void stoppedDirectlyTheConsumerOfSeveralFoldersLetsTheExchangeInTheRouteFinish() throws Exception {
        folders = "&folder=INBOX,Other";
        start(false, false);
        context.getRoute("inbox").getConsumer().stop();

        assertFinishedAndSeen();
    }

    @Test
    void aLeaderStoppedUnderClusteredRoutePolicyFinishesTheExchangeInTheRoute() throws Exception {
        start(true, false);
        context.stop();

        assertFinishedAndSeen();
    }

    @Test
    void aLeaderStoppedUnderMasterLosesNothingOfTheExchangeItsRouteRejects() throws Exception {
        start(false, true);
        context.stop();

        // Camel's MasterConsumer stops the route's processors first: the next step rejects the exchange
        assertEquals(List.of(), finished);
        assertEquals(1, failed.size(), failed.toString());
        assertFalse(fake.server().flags(1).contains("\\Seen"), "the rejected message stays unseen");
        assertFalse(keys.contains("INBOX/1000/1"), "and unkeyed: the next leader delivers it");
    }

    private void assertFinishedAndSeen() {
        assertEquals(List.of(), failed, "no exchange failed because the consumer stopped");
        assertEquals(List.of("m1"), finished, "the exchange in the route finished; the rest of the batch was left");
        assertTrue(fake.server().flags(1).contains("\\Seen"), "the finished message is marked \\Seen");
        assertTrue(keys.contains("INBOX/1000/1"), "and keyed");
        assertFalse(fake.server().flags(2).contains("\\Seen"), "a message that was not routed stays unseen");
        assertFalse(keys.contains("INBOX/1000/2"));
    }

    // the route: its first step holds the exchange until the test stopped the consumer, then two more run
    private void start(boolean routePolicy, boolean master) throws Exception {
        context = new DefaultCamelContext();
        context.getRegistry().bind("keys", keys);
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId("only");
        cluster.setRoot(clusterDir.toString());
        cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        context.addService(cluster);
        String imap = "imap4:127.0.0.1:" + fake.server().port() + "?security=PLAIN&username=joe&password=secret"
                + "&initialDelay=0&delay=100&idempotentRepository=#keys" + folders;
        ClusteredRoutePolicy policy = routePolicy ? ClusteredRoutePolicy.forNamespace(cluster, "inbox") : null;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                RouteDefinition route = from(master ? "master:inbox:" + imap : imap).routeId("inbox");
                if (policy != null) {
                    route.routePolicy(policy);
                }
                route.process(e -> e.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                    @Override
                    public void onFailure(Exchange x) {
                        failed.add(x.getMessage().getHeader("Subject", String.class) + ": " + x.getException());
                    }
                }))
                        .process(e -> {
                            inRoute.countDown();
                            Thread.sleep(500); // the consumer is being stopped now
                        })
                        .process(e -> finished.add(e.getMessage().getHeader("Subject", String.class)));
            }
        });
        context.start();
        assertTrue(inRoute.await(30, TimeUnit.SECONDS), "the first message reached the route");
    }
}
