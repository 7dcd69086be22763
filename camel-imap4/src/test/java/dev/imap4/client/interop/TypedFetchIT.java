package dev.imap4.client.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.ImapClient;
import dev.imap4.client.Literal;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.BodySection;
import dev.imap4.client.types.BodyStructure;
import dev.imap4.client.types.Envelope;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.NumberSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Typed FETCH of what real servers send for real MIME: ENVELOPE with encoded words, BODYSTRUCTURE
 * of a multipart with an attachment and of a forwarded message (Cyrus writes types and parameter
 * names in upper case, Dovecot in lower case), sections, INTERNALDATE and flags.
 */
class TypedFetchIT {

    private static final String FORWARD = "From: =?utf-8?q?J=C3=BCrgen_M=C3=BCller?= <jm@example.org>\r\n"
            + "To: joe@example.org\r\nSubject: =?utf-8?q?Fwd=3A_Gr=C3=BC=C3=9Fe?=\r\n"
            + "Date: Tue, 25 Nov 2025 08:30:00 +0100\r\nMessage-ID: <fwd@example.org>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
            + "--outer\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + "Siehe unten. Grüße\r\n"
            + "--outer\r\nContent-Type: message/rfc822\r\n\r\n"
            + "From: ann@example.org\r\nTo: jm@example.org\r\nSubject: inner\r\nMessage-ID: <inner@example.org>\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n"
            + "--alt\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nplain inner\r\n"
            + "--alt\r\nContent-Type: text/html; charset=us-ascii\r\n\r\n<p>html inner</p>\r\n--alt--\r\n"
            + "--outer\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            + "Content-Disposition: attachment; filename*=utf-8''Bild%20%C3%A4.png\r\n\r\niVBORw0KGgo=\r\n"
            + "--outer--\r\n";

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void envelopeAndBodyStructureOfRealMime(ImapServer server) {
        ImapClient c = server.require().client();
        String f = server.folder("mime");
        byte[] forward = FORWARD.getBytes(StandardCharsets.UTF_8);
        ZonedDateTime date = ZonedDateTime.of(2025, 11, 25, 8, 30, 0, 0, ZoneOffset.ofHours(1));
        try {
            c.create(f);
            boolean keywords = server.supports(ImapServer.Feature.KEYWORDS);
            c.append(f, keywords ? List.of("\\Flagged", "$Forwarded") : List.of("\\Flagged"), date, forward);
            c.append(f, List.of(), null, Fixtures.multipart("simple"));
            c.select(f);
            List<FetchResponse> got = new ArrayList<>();
            FetchItems items = FetchItems.of().withFlags().withInternalDate().withSize().withEnvelope()
                    .withBodyStructure().withSection(BodySection.part(1)).withSection(BodySection.part(2).withHeader()).withBody();
            c.uidFetch(NumberSet.uids(1), items, r -> got.add(copy(r)));
            FetchResponse r = got.get(0);

            assertEquals(1L, r.uid());
            if (server.is(ImapServer.Kind.MAILUTILS)) {
                // imap4d 3.15 drops the flags APPEND gives a message in a Maildir
                assertEquals(List.of("\\Recent"), r.flags());
            } else {
                assertTrue(r.hasFlag("\\Flagged") && r.hasFlag("$Forwarded") == keywords, r.flags().toString());
            }
            assertEquals(date.toInstant(), r.internalDate().toInstant());
            assertEquals(forward.length, r.size().longValue());
            Envelope env = r.envelope();
            assertEquals("Fwd: Grüße", env.decodedSubject());
            assertEquals("Jürgen Müller", env.from().get(0).decodedName());
            assertEquals("jm@example.org", env.from().get(0).email());
            assertEquals("<fwd@example.org>", env.messageId());
            assertEquals(date.toInstant(), env.dateTime().toInstant());

            BodyStructure bs = r.bodyStructure();
            assertTrue(bs.isMultipart(), bs.mimeType());
            assertEquals("multipart/mixed", bs.mimeType());
            assertEquals("outer", bs.param("boundary"));
            assertEquals(List.of("text/plain", "message/rfc822", "image/png"),
                    bs.leaves().stream().map(BodyStructure::mimeType).toList());
            BodyStructure fwd = bs.part("2");
            assertTrue(fwd.isMessage());
            assertEquals("inner", fwd.envelope().subject());
            assertEquals("multipart/alternative", fwd.message().mimeType());
            assertEquals("text/html", bs.part("2.2").mimeType());
            BodyStructure png = bs.part("3");
            assertTrue(png.isAttachment());
            assertEquals("Bild ä.png", png.filename(), "RFC 2231 filename*");
            assertEquals("attachment", png.dispositionType());
            assertEquals(List.of(png), bs.attachments());
            assertFalse(bs.part("1").isAttachment());
            assertEquals("utf-8", bs.part("1").param("charset").toLowerCase());

            // the CRLF before a boundary belongs to the boundary (RFC 2046 §5.1.1)
            assertEquals("Siehe unten. Grüße", new String(r.section(BodySection.part(1)).bytes(), StandardCharsets.UTF_8));
            String innerHeader = new String(r.section(BodySection.part(2).withHeader()).bytes(), StandardCharsets.US_ASCII);
            assertTrue(innerHeader.startsWith("From: ann@example.org\r\n") && innerHeader.endsWith("\r\n\r\n"),
                    innerHeader);
            assertArrayEquals(forward, r.message().bytes());

            List<FetchResponse> bySeq = new ArrayList<>();
            c.fetch(NumberSet.seqs(2), FetchItems.of().withBodyStructure(), m -> bySeq.add(copy(m)));
            assertEquals(2L, bySeq.get(0).uid(), "UID is always fetched");
            assertEquals("r.pdf", bySeq.get(0).bodyStructure().attachments().get(0).filename());
        } finally {
            Fixtures.drop(c, f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void largeLiteralsAreSpooledAndReleasedAndHeaderFieldsFoundInAnyCase(ImapServer server) throws Exception {
        Path spool = Files.createTempDirectory("imap4-it-spool");
        ImapClient c = server.require().open(server.options().withLiteralMemoryThreshold(256).withSpoolDirectory(spool))
                .client();
        String f = server.folder("spool");
        byte[] forward = FORWARD.getBytes(StandardCharsets.UTF_8);
        try {
            server.logIn(c);
            c.create(f);
            c.append(f, List.of(), null, forward);
            c.select(f);
            boolean[] checked = new boolean[1];
            // Dovecot answers HEADER.FIELDS (SUBJECT FROM); Cyrus echoes the case asked for
            FetchItems items = FetchItems.of().withBody().withSection(BodySection.whole().headerFields("Subject", "From"));
            c.uidFetch(NumberSet.uids(1), items, r -> {
                assertTrue(r.message().isSpooled(), "above the threshold: spooled");
                assertArrayEquals(forward, r.message().bytes());
                assertEquals(1, Files.list(spool).count(), "one spool file while the handler runs");
                String fields = new String(r.section(BodySection.whole().headerFields("Subject", "From")).bytes(),
                        StandardCharsets.US_ASCII);
                assertTrue(fields.startsWith("From: =?utf-8?q?J=C3=BCrgen_M=C3=BCller?= <jm@example.org>\r\n"),
                        fields);
                checked[0] = true;
            });
            assertTrue(checked[0]);
            try (var left = Files.list(spool)) {
                assertEquals(0, left.count(), "spool files are deleted once the handler returns");
            }
        } finally {
            Fixtures.drop(c, f);
            Files.deleteIfExists(spool);
        }
    }

    /** Keeps a response beyond the handler: section literals are released when it returns. */
    private static FetchResponse copy(FetchResponse r) {
        Map<String, Literal> sections = new LinkedHashMap<>();
        r.sections().forEach((k, v) -> sections.put(k, Literal.of(v.bytes())));
        return new FetchResponse(r.sequence(), r.uid(), r.flags(), r.internalDate(), r.size(), r.envelope(),
                r.bodyStructure(), r.modSeq(), sections, r.other(), r.utf8Names());
    }
}
