package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4;
import dev.imap4.client.ImapClient;
import dev.imap4.client.interop.ImapServer;
import dev.imap4.client.interop.Servers;
import dev.imap4.client.interop.TrustingClientFactory;
import dev.imap4.testing.Fault;
import dev.imap4.testing.FaultProxy;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.Attachment;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * fetchContent=PARTS on Dovecot, which offers BINARY: ten mails, each with a text, a 200 KB PDF and a
 * 5 MB video, consumed by a route that wants the PDFs, once with PARTS and once with the whole
 * message (FULL), through a proxy that counts the bytes the server sends. Both routes get every PDF
 * byte for byte (PARTS through BINARY.PEEK, decoded by the server); PARTS never downloads a video.
 * The numbers are printed for docs/performance.md (bench/parts-bytes.sh runs this).
 */
@Timeout(300)
class Imap4ConsumerPartsIT {

    private static final int MESSAGES = 10;
    private static final int PDF = 200 * 1024;
    private static final int VIDEO = 5 * 1024 * 1024;

    @Test
    void aRouteThatWantsPdfsDownloadsOnlyThePdfs() throws Exception {
        ImapServer server = Servers.dovecot().require();
        String folder = "it-parts-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        Imap4 raw = server.login();
        ImapClient c = raw.client();
        assertTrue(c.hasCapability("BINARY"), "Dovecot offers BINARY");
        try (TestMailbox direct = new TestMailbox(c)) {
            direct.create(folder);
            try {
                Map<String, String> pdfs = new ConcurrentHashMap<>();
                Random random = new Random(14);
                long total = 0;
                for (int i = 0; i < MESSAGES; i++) {
                    byte[] pdf = bytes(random, PDF);
                    pdfs.put("invoice-" + i + ".pdf", sha(pdf));
                    String mail = MimeSamples.mixed("invoice " + i,
                            "Content-Type: application/pdf; name=\"invoice-" + i + ".pdf\"\r\n"
                                    + "Content-Disposition: attachment; filename=\"invoice-" + i + ".pdf\"\r\n"
                                    + "Content-Transfer-Encoding: base64\r\n\r\n" + MimeSamples.b64(pdf),
                            "Content-Type: video/mp4; name=\"clip-" + i + ".mp4\"\r\n"
                                    + "Content-Disposition: attachment; filename=\"clip-" + i + ".mp4\"\r\n"
                                    + "Content-Transfer-Encoding: base64\r\n\r\n"
                                    + MimeSamples.b64(bytes(random, VIDEO)));
                    total += mail.length();
                    direct.append(folder, mail);
                }
                long parts = consume(server, folder, "fetchContent=PARTS&textBody=PLAIN", pdfs);
                c.select(folder);
                c.uidStore(dev.imap4.client.types.NumberSet.parse("1:*", true),
                        dev.imap4.client.types.StoreMode.REMOVE, true, List.of("\\Seen"));
                long full = consume(server, folder, "fetchContent=FULL", pdfs);
                System.out.printf("%s: %d mails of %,d bytes in all (each a text, a %,d-byte PDF and a %,d-byte"
                        + " video); a route that wants the PDFs received %,d bytes from the server with"
                        + " fetchContent=FULL and %,d bytes with fetchContent=PARTS (%.1f%%)%n", server, MESSAGES,
                        total, PDF, VIDEO, full, parts, 100.0 * parts / full);
                assertTrue(full > (long) MESSAGES * VIDEO, "FULL downloads the videos: " + full);
                assertTrue(parts < (long) MESSAGES * PDF * 2, "PARTS downloads no video: " + parts);
            } finally {
                direct.delete(folder);
            }
        }
    }

    /** Consumes the folder once; every PDF must arrive intact. Returns the bytes the server sent. */
    private static long consume(ImapServer server, String folder, String options, Map<String, String> pdfs)
            throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        try (FaultProxy proxy = FaultProxy.start(server.host(), server.port(), i -> Fault.none());
                DefaultCamelContext context = new DefaultCamelContext()) {
            Imap4Component imap4 = new Imap4Component();
            imap4.setClientFactory(new TrustingClientFactory(server));
            context.addComponent("imap4", imap4);
            String uri = "imap4:" + server.host() + ":" + proxy.port() + "?security=STARTTLS&username=" + server.user()
                    + "&password=RAW(" + server.password() + ")&folder=" + folder
                    + "&initialDelay=0&delay=100&mapAttachments=true&attachmentContentTypes=application/pdf&" + options;
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("parts").process(e -> record(e, seen)).to("mock:out");
                }
            });
            MockEndpoint out = context.getEndpoint("mock:out", MockEndpoint.class);
            out.expectedMessageCount(MESSAGES);
            context.start();
            out.assertIsSatisfied(120_000);
            context.stop();
            assertEquals(pdfs, seen, options + ": every PDF, byte for byte, and nothing else");
            return proxy.bytesToClient();
        }
    }

    private static void record(Exchange e, Map<String, String> seen) throws Exception {
        AttachmentMessage am = (AttachmentMessage) e.getMessage();
        for (Map.Entry<String, Attachment> a : am.getAttachmentObjects().entrySet()) {
            try (var in = a.getValue().getDataHandler().getInputStream()) {
                seen.put(a.getKey(), sha(in.readAllBytes()));
            }
        }
        if (e.getMessage().getBody() instanceof String text) {
            assertEquals("see attached", text);
        }
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
