package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 MB message consumed in a JVM with a 128 MB heap: the body never sits in memory, from the
 * socket to the route. Runs in its own Surefire execution (argLine -Xmx128m); elsewhere it is skipped.
 */
class Imap4ConsumerLargeMessageBoundedMemoryTest extends CamelTestSupport {

    private static final long SIZE = 50L * 1024 * 1024;

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS", 100);

    @TempDir
    Path dir;

    /** Writes a MIME message of about {@code size} bytes and returns its SHA-256. */
    private static String writeMessage(Path file, long size) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Random random = new Random(42);
        byte[] raw = new byte[57];
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), sha)) {
            out.write(("From: ann@example.org\r\nTo: joe@example.org\r\nSubject: big\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < size; written += 78) {
                random.nextBytes(raw);
                out.write(Base64.getEncoder().encode(raw));
                out.write('\r');
                out.write('\n');
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void aFiftyMegabyteMessageIsConsumedWithA128MegabyteHeap() throws Exception {
        assumeTrue(Runtime.getRuntime().maxMemory() <= 160L * 1024 * 1024, "runs in the -Xmx128m execution only");
        Path file = dir.resolve("big.eml");
        String expected = writeMessage(file, SIZE);

        FakeImapServer server = fake.server();
        server.addFile(file);
        AtomicReference<String> digest = new AtomicReference<>();
        AtomicBoolean inMemory = new AtomicBoolean(true);
        AtomicReference<Path> spool = new AtomicReference<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("")).routeId("r")
                        .process(e -> {
                            inMemory.set(e.getMessage().getBody(StreamCache.class).inMemory());
                            if (e.getMessage().getBody() instanceof Imap4SpooledBody b) {
                                spool.set(b.file());
                            }
                            MessageDigest sha = MessageDigest.getInstance("SHA-256");
                            try (InputStream in = e.getMessage().getBody(InputStream.class)) {
                                byte[] buffer = new byte[64 * 1024];
                                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                                    sha.update(buffer, 0, n);
                                }
                            }
                            digest.set(HexFormat.of().formatHex(sha.digest()));
                        })
                        .to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(1);
        out.expectedHeaderReceived("Subject", "big");
        out.expectedHeaderReceived(Imap4Constants.SIZE, Files.size(file));
        out.assertIsSatisfied(60_000);

        assertEquals(expected, digest.get(), "the body is the message, byte for byte");
        assertFalse(inMemory.get(), "spooled to disk, not held on the heap");
        // the client's own spool file changes hands (no second copy) and goes with the exchange
        assertTrue(spool.get().getFileName().toString().startsWith("imap4-literal-"), spool.get().toString());
        long end = System.currentTimeMillis() + 5000;
        while (server.count("UID STORE") == 0 && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertEquals(1, server.count("UID STORE"), "marked \\Seen once the route finished");
        assertFalse(Files.exists(spool.get()), "spool file deleted once the exchange is done");
    }
}
