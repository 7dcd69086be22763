package dev.imap4.client.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.camel.Imap4Component;
import dev.imap4.camel.Imap4Constants;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.AppendUid;
import dev.imap4.client.types.CopyUid;
import java.util.List;
import dev.imap4.client.types.StoreMode;
import dev.imap4.client.types.NumberSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The imap4 component end to end on each server: STARTTLS with the server's certificate trusted
 * through the client factory (Dovecot, Cyrus) or {@code streamCommand} (imap4d, Courier), the
 * consumer moving 1,000 messages, a failing route leaving its message unseen, IDLE waking the
 * consumer, and the producer's everyday verbs.
 */
class ComponentIT {

    private static CamelContext context(ImapServer server, RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        Imap4Component imap4 = new Imap4Component();
        imap4.setClientFactory(new TrustingClientFactory(server));
        // the stream servers' command line is in the URI, which this test builds from its own settings
        imap4.setAllowStreamCommandInUri(true);
        context.addComponent("imap4", imap4);
        if (routes != null) {
            context.addRoutes(routes);
        }
        context.start();
        return context;
    }

    private static String uri(ImapServer server, String options) {
        return server.camelUri(options);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void consumesAThousandMessagesAndMovesEachOnSuccess(ImapServer server) throws Exception {
        server.require();
        String folder = server.folder("consume");
        String done = folder + "-done";
        ImapClient c = server.client();
        c.create(folder);
        c.create(done);
        for (int i = 0; i < 1000; i++) {
            c.append(folder, List.of(), null, Fixtures.message("bulk " + i));
        }
        Set<Long> uids = ConcurrentHashMap.newKeySet();
        CountDownLatch all = new CountDownLatch(1000);
        CamelContext ctx = context(server, new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(server, "folder=" + folder + "&onSuccess=MOVE&moveTo=" + done
                        + "&fetchBatchSize=200&delay=200"))
                        .process(e -> {
                            uids.add(e.getMessage().getHeader(Imap4Constants.UID, Long.class));
                            all.countDown();
                        });
            }
        });
        try {
            assertTrue(all.await(120, TimeUnit.SECONDS), "delivered " + (1000 - all.getCount()) + " of 1000");
            ctx.getRouteController().stopRoute(ctx.getRoutes().get(0).getRouteId());
            assertEquals(1000, uids.size(), "each message exactly once");
            if (server.supports(ImapServer.Feature.UIDPLUS)) {
                assertEquals(0L, c.status(folder, "MESSAGES").messages());
            } else {
                // without UIDPLUS the consumer cannot expunge only its own messages: they stay \\Deleted
                c.examine(folder);
                assertEquals(List.of(), c.uidSearch("UNDELETED").numbers());
            }
            assertEquals(1000L, c.status(done, "MESSAGES").messages());
        } finally {
            ctx.close();
            Fixtures.drop(c, folder, done);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void severalFoldersByPatternResumeFromTheStateAndReportWhatVanishedAndChanged(ImapServer server) throws Exception {
        server.require();
        // imap4d cannot search by UID: the consumer finds "later in b" by searching without the UID key
        String parent = server.folder("watch");
        String a = server.child(parent, "a");
        String b = server.child(parent, "b");
        ImapClient c = server.client();
        c.create(parent);
        c.create(a);
        c.create(b);
        c.append(a, List.of(), null, Fixtures.message("in a"));
        c.append(b, List.of(), null, Fixtures.message("in b"));
        org.apache.camel.support.processor.state.MemoryStateRepository state =
                new org.apache.camel.support.processor.state.MemoryStateRepository();
        Map<String, String> got = new ConcurrentHashMap<>();
        List<String> vanished = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> changed = new java.util.concurrent.CopyOnWriteArrayList<>();
        String options = "folder=" + parent + server.separator() + "*&onSuccess=NONE&incremental=true"
                + "&stateRepository=#state&deliverVanished=true&deliverFlagChanges=true&delay=200";
        RouteBuilder routes = new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(server, options)).routeId("watch").process(e -> {
                    String gone = e.getMessage().getHeader(Imap4Constants.VANISHED, String.class);
                    String folder = e.getMessage().getHeader(Imap4Constants.FOLDER, String.class);
                    if (gone != null) {
                        vanished.add(folder + ":" + gone);
                    } else if (e.getMessage().getHeader(Imap4Constants.FLAGS_CHANGED) != null) {
                        changed.add(folder + ":" + e.getMessage().getHeader(Imap4Constants.UID) + "="
                                + e.getMessage().getHeader(Imap4Constants.FLAGS, List.class).contains("\\Flagged"));
                    } else {
                        got.merge(e.getMessage().getHeader("Subject", String.class), folder, (x, y) -> x + "," + y);
                    }
                });
            }
        };
        CamelContext ctx = null;
        try {
            ctx = contextWith(server, state, routes);
            await(() -> got.size() == 2, "both folders consumed: " + got);
            assertEquals(Map.of("in a", a, "in b", b), got);
            ctx.close();

            // while stopped: a new message in b, the flags of another changed, one expunged from a
            c.append(b, List.of(), null, Fixtures.message("later in b"));
            c.select(b);
            c.uidStore(NumberSet.uids(1), StoreMode.ADD, true, List.of("\\Flagged"));
            c.select(a);
            c.uidStore(NumberSet.uids(1), StoreMode.ADD, true, List.of("\\Deleted"));
            c.closeMailbox(); // CLOSE expunges it: every server has CLOSE, not all UIDPLUS or UNSELECT

            ctx = contextWith(server, state, routes);
            await(() -> got.size() == 3, "the new message: " + got);
            assertEquals(b, got.get("later in b"));
            assertEquals(Map.of("in a", a, "in b", b, "later in b", b), got, "nothing delivered twice");
            if (c.hasCapability("QRESYNC")) {
                await(() -> !vanished.isEmpty(), "the expunge reported");
                assertEquals(List.of(a + ":1"), vanished);
                // "later in b", delivered as new, is no flag change
                await(() -> !changed.isEmpty(), "the flag change reported");
                Thread.sleep(500);
                assertEquals(List.of(b + ":1=true"), changed);
            } else {
                assertEquals(List.of(), changed);
            }
        } finally {
            if (ctx != null) {
                ctx.close();
            }
            Fixtures.drop(c, a, b, parent);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void withNotifyAChangeInAnyWatchedFolderWakesTheConsumer(ImapServer server) throws Exception {
        ImapClient c = server.require(ImapServer.Feature.IDLE).client();
        org.junit.jupiter.api.Assumptions.assumeTrue(c.hasCapability("NOTIFY"), "NOT SUPPORTED by " + server + ": NOTIFY");
        String a = server.folder("notify-a");
        String b = server.folder("notify-b");
        c.create(a);
        c.create(b);
        List<String> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        // the scheduler's delay is ten minutes: only a NOTIFY report can bring the second message in time
        CamelContext ctx = context(server, new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(server, "folder=" + a + "," + b + "&idle=true&delay=600000&onSuccess=NONE&incremental=true"))
                        .process(e -> got.add(e.getMessage().getHeader(Imap4Constants.FOLDER, String.class) + ":"
                                + e.getMessage().getHeader("Subject", String.class)));
            }
        });
        try {
            c.append(b, List.of(), null, Fixtures.message("first"));
            await(() -> got.size() == 1, "the first message: " + got);
            // b, polled last, stays selected: a new message in a is reported only as NOTIFY's STATUS
            Thread.sleep(500);
            c.append(a, List.of(), null, Fixtures.message("second"));
            await(() -> got.size() == 2, "the report of the other folder wakes the consumer: " + got);
            assertEquals(List.of(b + ":first", a + ":second"), got);
        } finally {
            ctx.close();
            Fixtures.drop(c, a, b);
        }
    }

    private static CamelContext contextWith(ImapServer server, Object state, RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("state", state);
        Imap4Component imap4 = new Imap4Component();
        imap4.setClientFactory(new TrustingClientFactory(server));
        imap4.setAllowStreamCommandInUri(true);
        context.addComponent("imap4", imap4);
        context.addRoutes(routes);
        context.start();
        return context;
    }

    private static void await(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "gave up waiting: " + what);
            Thread.sleep(50);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void aFailingRouteLeavesItsMessageUnseenAndTheOthersAreMarked(ImapServer server) throws Exception {
        server.require();
        String folder = server.folder("fail");
        ImapClient c = server.client();
        c.create(folder);
        c.append(folder, List.of(), null, Fixtures.message("good one"));
        c.append(folder, List.of(), null, Fixtures.message("poison"));
        CountDownLatch attempts = new CountDownLatch(3);
        CamelContext ctx = context(server, new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(uri(server, "folder=" + folder + "&delay=200"))
                        .process(e -> {
                            attempts.countDown();
                            if (e.getMessage().getHeader("Subject", String.class).contains("poison")) {
                                throw new IllegalStateException("route refuses the poison message");
                            }
                        });
            }
        });
        try {
            assertTrue(attempts.await(30, TimeUnit.SECONDS), "the poison message is offered again on later polls");
            ctx.getRouteController().stopRoute(ctx.getRoutes().get(0).getRouteId());
            c.examine(folder);
            assertEquals(1, c.uidSearch("UNSEEN").numbers().size(), "only the failed message is still unseen");
            assertEquals(1, c.uidSearch("UNSEEN SUBJECT poison").numbers().size());
        } finally {
            ctx.close();
            Fixtures.drop(c, folder);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void idleWakesTheConsumerLongBeforeItsNextPoll(ImapServer server) throws Exception {
        server.require(ImapServer.Feature.IDLE_WAKES);
        String folder = server.folder("idle");
        ImapClient c = server.client();
        c.create(folder);
        CountDownLatch arrived = new CountDownLatch(1);
        long[] receivedAt = new long[1];
        CamelContext ctx = context(server, new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(server, "folder=" + folder + "&idle=true&delay=120000&initialDelay=0"))
                        .process(e -> {
                            receivedAt[0] = System.nanoTime();
                            arrived.countDown();
                        });
            }
        });
        try {
            Thread.sleep(1500); // the consumer's first, empty poll, then IDLE
            long appendedAt = System.nanoTime();
            c.append(folder, List.of(), null, Fixtures.message("wake up"));
            assertTrue(arrived.await(30, TimeUnit.SECONDS), "IDLE did not deliver the new message");
            long ms = TimeUnit.NANOSECONDS.toMillis(receivedAt[0] - appendedAt);
            System.out.println(server.kind() + ": IDLE delivered the appended message after " + ms + " ms");
            assertTrue(ms < 60_000, "woken by IDLE, not by the 120 s scheduler: " + ms + " ms");
        } finally {
            ctx.close();
            Fixtures.drop(c, folder);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void theProducerRunsTheEverydayVerbs(ImapServer server) throws Exception {
        server.require();
        String folder = server.folder("producer");
        String copies = folder + "-copies";
        ImapClient c = server.client();
        c.create(folder);
        c.create(copies);
        CamelContext ctx = context(server, null);
        try {
            ProducerTemplate t = ctx.createProducerTemplate();
            String to = uri(server, "folder=" + folder);
            Exchange appended = t.request(to, e -> {
                e.getMessage().setHeader(Imap4Constants.COMMAND, "APPEND");
                e.getMessage().setHeader(Imap4Constants.FOLDER, folder);
                e.getMessage().setBody(Fixtures.message("from the producer"));
            });
            assertNull(appended.getException());
            boolean uidplus = server.supports(ImapServer.Feature.UIDPLUS);
            AppendUid uid = appended.getMessage().getBody(AppendUid.class);
            if (uidplus) {
                assertNotNull(uid, "a UIDPLUS server reports APPENDUID");
            }
            Exchange found = t.request(to, e -> {
                e.getMessage().setHeader(Imap4Constants.COMMAND, "UID SEARCH");
                e.getMessage().setHeader(Imap4Constants.ARGUMENTS, "SUBJECT producer");
            });
            List<?> uids = found.getMessage().getBody(List.class);
            assertEquals(1, uids.size(), String.valueOf(uids));
            if (uidplus) {
                assertEquals(List.of(uid.uid()), uids);
            }
            String set = found.getMessage().getHeader(Imap4Constants.MESSAGE_SET, String.class);
            // imap4d keeps no keywords (its PERMANENTFLAGS has no \\*): a system flag there
            String mark = server.supports(ImapServer.Feature.KEYWORDS) ? "$Handled" : "\\Flagged";
            t.requestBodyAndHeaders(to, null, Map.of(Imap4Constants.COMMAND, "UID STORE",
                    Imap4Constants.ARGUMENTS, set + " +FLAGS (" + mark + ")"));
            Object copied = t.requestBodyAndHeaders(to, null, Map.of(Imap4Constants.COMMAND, "UID COPY",
                    Imap4Constants.ARGUMENTS, List.of(set, copies)));
            if (uidplus) {
                assertEquals(1, ((CopyUid) copied).mapping().size());
            }
            if (server.supports(ImapServer.Feature.MOVE)) {
                t.requestBodyAndHeaders(to, null, Map.of(Imap4Constants.COMMAND, "UID MOVE",
                        Imap4Constants.ARGUMENTS, List.of(set, copies)));
            } else {
                t.requestBodyAndHeaders(to, null, Map.of(Imap4Constants.COMMAND, "UID COPY",
                        Imap4Constants.ARGUMENTS, List.of(set, copies)));
            }
            if (server.supports(ImapServer.Feature.QUOTA)) {
                assertNotNull(t.requestBodyAndHeaders(to, null, Map.of(Imap4Constants.COMMAND, "GETQUOTAROOT",
                        Imap4Constants.ARGUMENTS, List.of(copies))));
            }
            if (server.supports(ImapServer.Feature.ACL)) {
                assertNotNull(t.requestBodyAndHeaders(to, null, Map.of(Imap4Constants.COMMAND, "GETACL",
                        Imap4Constants.ARGUMENTS, List.of(copies))));
            }
            assertEquals(server.supports(ImapServer.Feature.MOVE) ? 0L : 1L, c.status(folder, "MESSAGES").messages());
            assertEquals(2L, c.status(copies, "MESSAGES").messages());
            c.examine(copies);
            assertEquals(2, c.uidSearch(mark.startsWith("$") ? "KEYWORD " + mark : "FLAGGED").numbers().size());
        } finally {
            ctx.close();
            Fixtures.drop(c, folder, copies);
        }
    }
}
