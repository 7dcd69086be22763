package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mail with a 100 MB attachment (about 137 MB base64) split into files in a JVM with a 96 MB heap:
 * the attachment is decoded and spooled as it streams, never held whole, and each written file's
 * SHA-256 equals the original's. Runs in its own Surefire execution (argLine -Xmx96m); elsewhere it
 * is skipped.
 */
class Imap4AttachmentSplitBoundedMemoryTest extends CamelTestSupport {

    private static final long BIG = 100L * 1024 * 1024;

    @TempDir
    Path dir;

    private static String sha(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Writes the mail: a text part, a 100 MB random attachment and a small PDF; returns name -> SHA-256. */
    private static Map<String, String> writeMessage(Path file) throws Exception {
        MessageDigest big = MessageDigest.getInstance("SHA-256");
        Random random = new Random(7);
        byte[] raw = new byte[57 * 1024];
        byte[] pdf = "%PDF-1.4 a small one".getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("From: scanner@example.org\r\nTo: joe@example.org\r\nSubject: scans\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=\"s\"\r\n\r\n--s\r\n"
                    + "Content-Type: text/plain\r\n\r\ntwo scans\r\n--s\r\n"
                    + "Content-Type: application/octet-stream; name=\"scan.bin\"\r\n"
                    + "Content-Disposition: attachment; filename=\"scan.bin\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            OutputStream b64 = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                    .wrap(new NonClosing(out));
            for (long written = 0; written < BIG; written += raw.length) {
                random.nextBytes(raw);
                int n = (int) Math.min(raw.length, BIG - written);
                big.update(raw, 0, n);
                b64.write(raw, 0, n);
            }
            b64.close();
            out.write(("\r\n--s\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\n"
                    + "Content-Disposition: attachment; filename=\"a.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + Base64.getEncoder().encodeToString(pdf) + "\r\n--s--\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        return Map.of("scan.bin", HexFormat.of().formatHex(big.digest()), "a.pdf", sha(pdf));
    }

    @Test
    @Timeout(300)
    void aHundredMegabyteAttachmentIsSplitIntoAFileWithA96MegabyteHeap() throws Exception {
        assumeTrue(Runtime.getRuntime().maxMemory() <= 128L * 1024 * 1024, "runs in the -Xmx96m execution only");
        Path mail = dir.resolve("scans.eml");
        Map<String, String> expected = writeMessage(mail);
        Path spool = Files.createDirectories(dir.resolve("spool"));
        Path out = Files.createDirectories(dir.resolve("out"));
        context.getStreamCachingStrategy().setSpoolDirectory(spool.toFile());

        try (FakeImapServer server = new FakeImapServer("UIDPLUS")) {
            server.addFile(mail);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("imap4:127.0.0.1:" + server.port() + "?security=PLAIN&username=joe&password=secret"
                            + "&initialDelay=0&delay=100&mapAttachments=true").routeId("r")
                            .split(new Imap4SplitAttachmentsExpression())
                                .to("file:" + out)
                            .end()
                            .to("mock:out");
                }
            });
            MockEndpoint done = getMockEndpoint("mock:out");
            done.expectedMessageCount(1);
            done.assertIsSatisfied(240_000);

            Map<String, String> written = new TreeMap<>();
            try (Stream<Path> files = Files.list(out)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    written.put(f.getFileName().toString(), sha(f));
                }
            }
            assertEquals(new TreeMap<>(expected), written, "each file is its attachment, byte for byte");
            assertEquals(BIG, Files.size(out.resolve("scan.bin")));
            long end = System.currentTimeMillis() + 5000;
            while (!empty(spool) && System.currentTimeMillis() < end) {
                Thread.sleep(20);
            }
            assertTrue(empty(spool), "the attachments' spool files are deleted once the exchange is done");
        }
    }

    private static String sha(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static boolean empty(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    // Base64's wrapping stream closes what it wraps; the mail goes on after the attachment
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
        }
    }
}
