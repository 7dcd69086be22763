package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.TestTls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The consumer's health check (Camel's scheduled-poll check): DOWN with a reason, UP again by itself. */
class Imap4ConsumerHealthTest extends CamelTestSupport {

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS");

    private MockEndpoint route(String options) throws Exception {
        return route(fake.server().port(), options);
    }

    private MockEndpoint route(int port, String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("imap4:127.0.0.1:" + port + "?security=PLAIN&username=joe&initialDelay=0&delay=50&" + options)
                        .routeId("r").to("mock:out");
            }
        });
        return getMockEndpoint("mock:out");
    }

    /**
     * A server that answers every connection with {@code bytes} and then says nothing more. Not a
     * transcript: the consumer reconnects as often as its polls and health checks decide, so the
     * number of connections is not known in advance.
     */
    private static ServerSocket hostile(byte[] bytes) throws IOException {
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            List<Socket> open = new ArrayList<>();
            try {
                while (true) {
                    Socket s = ss.accept();
                    open.add(s);
                    s.getOutputStream().write(bytes);
                    s.getOutputStream().flush();
                }
            } catch (IOException closed) {
                open.forEach(s -> {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                });
            }
        }, "hostile-server");
        t.setDaemon(true);
        t.start();
        return ss;
    }

    @Test
    void aServerSendingGarbageIsDownWithProtocolErrorNotCannotConnect() throws Exception {
        try (ServerSocket http = hostile("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII))) {
            route(http.getLocalPort(), "password=secret");
            HealthCheck.Result down = await(HealthCheck.State.DOWN);
            assertEquals("protocol error", down.getDetails().get("reason"), down.getDetails().toString());
            assertTrue(down.getError().orElseThrow().getMessage().contains("greeting"), down.getError().get().getMessage());
        }
    }

    @Test
    void aServerWithAnUntrustedCertificateIsDownWithTlsHandshakeFailed() throws Exception {
        try (ServerSocket tls = TestTls.localhostServer().getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> {
                while (!tls.isClosed()) {
                    try (Socket s = tls.accept()) {
                        s.getOutputStream().write('*'); // starts the handshake, which the client refuses
                    } catch (IOException refused) {
                        // the client's trust store does not hold the test certificate
                    }
                }
            }, "untrusted-tls-server");
            accept.setDaemon(true);
            accept.start();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("imap4:localhost:" + tls.getLocalPort() + "?username=joe&password=secret&initialDelay=0&delay=50")
                            .routeId("r").to("mock:out");
                }
            });
            HealthCheck.Result down = await(HealthCheck.State.DOWN);
            assertEquals("TLS handshake failed", down.getDetails().get("reason"), down.getDetails().toString());
            assertTrue(down.getError().orElseThrow().getMessage().contains("not trusted"),
                    down.getError().get().getMessage());
        }
    }

    @Test
    void aGreetingThatNeverEndsIsDownWithTimedOut() throws Exception {
        try (ServerSocket stall = hostile("* OK still typing".getBytes(StandardCharsets.US_ASCII))) {
            route(stall.getLocalPort(), "password=secret&readTimeout=300");
            HealthCheck.Result down = await(HealthCheck.State.DOWN);
            assertEquals("timed out", down.getDetails().get("reason"), down.getDetails().toString());
        }
    }

    /** The readiness check: DOWN before the first poll and after failed ones. */
    private HealthCheck.Result health() {
        return ((Imap4Consumer) context.getRoute("r").getConsumer()).getHealthCheck().callReadiness();
    }

    /** Waits for UP, or for DOWN because polls failed (not merely because none ran yet). */
    private HealthCheck.Result await(HealthCheck.State state) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        HealthCheck.Result r = health();
        while (!reached(r, state) && System.nanoTime() < end) {
            Thread.sleep(20);
            r = health();
        }
        assertTrue(reached(r, state), r.getState() + " " + r.getMessage() + " " + r.getDetails());
        return r;
    }

    private static boolean reached(HealthCheck.Result r, HealthCheck.State state) {
        Object errors = r.getDetails().get(HealthCheck.FAILURE_ERROR_COUNT);
        return r.getState() == state && (state == HealthCheck.State.UP || errors instanceof Number n && n.longValue() > 0);
    }

    @Test
    void wrongPasswordIsDownWithTheReasonAndUpOnceItIsFixed() throws Exception {
        fake.server().add(TestMailbox.message("waiting", "x"));
        MockEndpoint out = route("password=hunter2");

        HealthCheck.Result down = await(HealthCheck.State.DOWN);
        assertEquals("authentication failed", down.getDetails().get("reason"), down.getDetails().toString());
        assertTrue(down.getMessage().orElseThrow().startsWith("Consumer failed polling"), down.getMessage().get());
        assertInstanceOf(Imap4ConsumerException.class, down.getError().orElseThrow());
        assertTrue(down.getError().get().getMessage().startsWith("authentication failed (joe at 127.0.0.1:"),
                down.getError().get().getMessage());
        assertTrue(!down.getError().get().getMessage().contains("hunter2"), "the password never shows");

        Imap4Endpoint endpoint = (Imap4Endpoint) context.getRoute("r").getEndpoint();
        endpoint.getConfiguration().setPassword("secret");
        await(HealthCheck.State.UP);
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
    }

    @Test
    void aServerThatGoesAwayIsDownAndTheConsumerRecoversWhenItIsBack() throws Exception {
        int port = fake.server().port();
        MockEndpoint out = route("password=secret");
        await(HealthCheck.State.UP);

        fake.server().close();
        HealthCheck.Result down = await(HealthCheck.State.DOWN);
        assertTrue(down.getDetails().get("reason").toString().matches("cannot connect|connection lost"),
                String.valueOf(down.getDetails()));

        fake.startOn(port);
        fake.server().add(TestMailbox.message("after the outage", "x"));
        await(HealthCheck.State.UP);
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
    }

    @Test
    void aKeptConnectionTheServerDroppedIsReplacedWithoutAFailedPoll() throws Exception {
        MockEndpoint out = route("password=secret");
        await(HealthCheck.State.UP);
        Imap4Consumer consumer = (Imap4Consumer) context.getRoute("r").getConsumer();

        fake.server().dropConnections();
        fake.server().add(TestMailbox.message("after the drop", "x"));
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        assertEquals(0, consumer.getErrorCounter(), "reconnected within the poll");
        assertEquals(2, fake.server().count("LOGIN"));
    }

    @Test
    void aSuccessActionCutShortByALostConnectionIsFinishedAfterReconnecting() throws Exception {
        long uid = fake.server().add(TestMailbox.message("seen late", "x"));
        fake.server().dropConnectionOn("UID STORE");
        MockEndpoint out = route("password=secret");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!fake.server().flags(uid).contains("\\Seen") && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(fake.server().flags(uid).contains("\\Seen"), "\\Seen set on the new connection");
        assertEquals(2, fake.server().count("LOGIN"));
        assertEquals(1, out.getReceivedCounter(), "processed once, not delivered again");
    }

    @Test
    void aRefusedPostActionIsCountedAndNamedByTheHealthCheckAndNoFolderIsCreatedUnasked() throws Exception {
        long uid = fake.server().add(TestMailbox.message("to a missing folder", "x"));
        MockEndpoint out = route("password=secret&onSuccess=MOVE&moveTo=Done");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        Imap4Consumer consumer = (Imap4Consumer) context.getRoute("r").getConsumer();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (consumer.getFailedPostActionCount() == 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(1, consumer.getFailedPostActionCount());

        HealthCheck.Result r = await(HealthCheck.State.UP);
        String reason = String.valueOf(r.getDetails().get("reason"));
        assertTrue(reason.contains("MOVE of UIDs " + uid + " to 'Done'") && reason.contains("TRYCREATE")
                && reason.contains("createMissingFolders"), reason);
        assertEquals(1L, r.getDetails().get("imap4.postaction.failed.count"));
        assertEquals(0, fake.server().count("CREATE"), "no folder created without createMissingFolders");
        assertEquals(java.util.List.of(uid), fake.server().uids("INBOX"), "the message stays where it was");
        long searches = fake.server().count("UID SEARCH");
        while (fake.server().count("UID SEARCH") < searches + 3 && System.nanoTime() < end + TimeUnit.SECONDS.toNanos(5)) {
            Thread.sleep(20);
        }
        assertEquals(1, out.getReceivedCounter(), "remembered as done, not delivered again");
    }

    @Test
    void backoffOptionsSlowDownReconnectionAttempts() throws Exception {
        route("password=hunter2&backoffErrorThreshold=1&backoffMultiplier=10");
        await(HealthCheck.State.DOWN);
        Thread.sleep(1000);
        // every 50 ms without backoff (about 20 attempts); one poll in 11 with it
        assertTrue(fake.server().count("LOGIN") <= 4, "login attempts: " + fake.server().count("LOGIN"));
    }
}
