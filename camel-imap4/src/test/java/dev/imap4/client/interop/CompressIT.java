package dev.imap4.client.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.camel.Imap4ClientFactory;
import dev.imap4.camel.Imap4Component;
import dev.imap4.camel.Imap4Configuration;
import dev.imap4.camel.Imap4Constants;
import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapClient;
import dev.imap4.client.ImapData;
import dev.imap4.client.ImapResult;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.NumberSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * COMPRESS=DEFLATE (RFC 4978) against the servers that offer it (Dovecot with imap_zlib, Cyrus):
 * real messages appended and fetched back byte for byte through a compressed connection, plain
 * and inside TLS, IDLE woken through it, and the Camel consumer end to end with compression=true.
 */
class CompressIT {

    static List<Object[]> serversAndTls() {
        List<Object[]> all = new ArrayList<>();
        Servers.all().forEach(s -> {
            all.add(new Object[] {s, false});
            all.add(new Object[] {s, true});
        });
        return all;
    }

    /** A realistic text mail of about {@code size} bytes: headers, quoted prose, a signature. */
    static byte[] mail(int i, int size) {
        StringBuilder sb = new StringBuilder()
                .append("From: \"Ann Example\" <ann@example.org>\r\n")
                .append("To: \"Joe Example\" <joe@example.org>\r\n")
                .append("Subject: compressed ").append(i).append("\r\n")
                .append("Date: Wed, 26 Nov 2025 10:00:00 +0000\r\n")
                .append("Message-ID: <compressed.").append(i).append("@example.org>\r\n")
                .append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
        int line = 0;
        while (sb.length() < size) {
            sb.append(line % 7 == 0 ? "> " : "").append("Line ").append(line++).append(" of message ").append(i)
                    .append(": the quarterly figures are attached, see the numbers for region ").append(line * 31 % 97)
                    .append(".\r\n");
        }
        return sb.append("-- \r\nAnn\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} tls={1}")
    @MethodSource("serversAndTls")
    void appendsAndFetchesRealMessagesCompressed(ImapServer server, boolean tls) {
        server.require(ImapServer.Feature.COMPRESS);
        Imap4 m = tls ? server.connectTls() : server.connect();
        ImapClient c = m.client();
        c.login(server.user(), server.password());
        assertTrue(c.capabilities().has("COMPRESS=DEFLATE"), c.capabilities().toString());
        c.compress();
        assertTrue(c.isCompressed());
        assertEquals(tls, m.sslSession() != null);
        assertThrows(Imap4Exception.class, c::compress, "a second COMPRESS is refused before sending");
        String folder = server.folder("compress" + (tls ? "tls" : "plain"));
        try {
            c.create(folder);
            List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                byte[] msg = mail(i, i % 10 == 9 ? 300_000 : 2_000 + 500 * i);
                sent.add(msg);
                c.append(folder, List.of(), null, msg);
            }
            c.select(folder);
            Map<Long, byte[]> got = new ConcurrentHashMap<>();
            c.uidFetch(NumberSet.uidRange(1, NumberSet.STAR), FetchItems.of().withBody(),
                    r -> got.put(r.sequence(), r.message().bytes()));
            assertEquals(sent.size(), got.size());
            for (int i = 0; i < sent.size(); i++) {
                assertArrayEquals(sent.get(i), got.get((long) i + 1), "message " + (i + 1));
            }
            // the raw API on the same compressed connection
            ImapResult raw = m.fetch("2", "(BODY.PEEK[])");
            assertArrayEquals(sent.get(1), ((ImapData.Pair) raw.data().get(0)).literal().bytes());
            c.noop();
        } finally {
            Fixtures.drop(c, folder);
            c.logout();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void theOptionCompressesAfterLoginAndIdleWakesThroughIt(ImapServer server) throws Exception {
        server.require(ImapServer.Feature.COMPRESS);
        Imap4Options options = server.options().withCompression(true);
        ImapClient c = new Imap4(server.host(), server.port(), options).client();
        ImapClient other = server.client();
        String folder = server.folder("compressidle");
        try {
            c.login(server.user(), server.password());
            assertTrue(c.isCompressed());
            other.create(folder);
            c.select(folder);
            Thread appender = new Thread(() -> {
                try {
                    Thread.sleep(500);
                    other.append(folder, List.of(), null, mail(1, 3000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            appender.start();
            assertTrue(c.idle(Duration.ofSeconds(30), u -> u.is("EXISTS")), "IDLE was not woken by EXISTS");
            appender.join();
            c.noop();
        } finally {
            Fixtures.drop(other, folder);
            other.logout();
            c.logout();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void theConsumerReadsEndToEndCompressed(ImapServer server) throws Exception {
        server.require(ImapServer.Feature.COMPRESS);
        String folder = server.folder("compressconsume");
        ImapClient c = server.client();
        c.create(folder);
        int n = 200;
        for (int i = 0; i < n; i++) {
            c.append(folder, List.of(), null, mail(i, 4000));
        }
        AtomicInteger compressed = new AtomicInteger();
        AtomicInteger connections = new AtomicInteger();
        Imap4Component imap4 = new Imap4Component();
        imap4.setClientFactory(new Imap4ClientFactory() {
            @Override
            protected Imap4Options options(Imap4Configuration config, CamelContext context) throws Exception {
                return super.options(config, context).withSslContext(server.sslContext());
            }

            @Override
            public ImapClient connect(Imap4Configuration config, CamelContext context) throws Exception {
                ImapClient client = super.connect(config, context);
                connections.incrementAndGet();
                if (client.isCompressed()) {
                    compressed.incrementAndGet();
                }
                return client;
            }
        });
        Set<String> subjects = ConcurrentHashMap.newKeySet();
        CountDownLatch all = new CountDownLatch(n);
        CamelContext ctx = new DefaultCamelContext();
        ctx.addComponent("imap4", imap4);
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(server.camelUri("folder=" + folder + "&compression=true&onSuccess=DELETE&fetchBatchSize=50&delay=200"))
                        .process(e -> {
                            String body = e.getMessage().getBody(String.class);
                            assertTrue(body.contains("quarterly figures"), body);
                            subjects.add(e.getMessage().getHeader("Subject", String.class));
                            assertNotNull(e.getMessage().getHeader(Imap4Constants.UID));
                            all.countDown();
                        });
            }
        });
        ctx.start();
        try {
            assertTrue(all.await(120, TimeUnit.SECONDS), "delivered " + (n - all.getCount()) + " of " + n);
            ctx.getRouteController().stopRoute(ctx.getRoutes().get(0).getRouteId());
            assertEquals(n, subjects.size(), "each message exactly once");
            assertTrue(connections.get() > 0);
            assertEquals(connections.get(), compressed.get(), "every consumer connection is compressed");
            assertEquals(0L, c.status(folder, "MESSAGES").messages());
        } finally {
            ctx.close();
            Fixtures.drop(c, folder);
            assertFalse(c.isCompressed());
            c.logout();
        }
    }
}
