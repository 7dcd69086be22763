package dev.imap4.client.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.AppendMessage;
import dev.imap4.client.types.AppendUid;
import dev.imap4.client.types.BodySection;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.ListOptions;
import dev.imap4.client.types.ListResult;
import dev.imap4.client.types.MailboxState;
import dev.imap4.client.types.Metadata;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.StoreMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The typed modern extensions against the real servers: SPECIAL-USE by role, LIST-EXTENDED with
 * LIST-STATUS, STATUS=SIZE, SAVEDATE, PREVIEW, SEARCHRES, MULTIAPPEND, CATENATE, literal8 APPEND
 * and METADATA. Where a server lacks an extension, the test checks the client refuses it before
 * sending anything, and the connection stays usable.
 */
class ModernExtensionsIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void foldersAreFoundByTheirSpecialUseRole(ImapServer server) {
        ImapClient c = server.require(ImapServer.Feature.SPECIAL_USE).client();
        try {
            for (String role : List.of("Archive", "Drafts", "Junk", "Sent", "Trash")) {
                assertTrue(c.specialUseFolder("\\" + role).endsWith(role), role);
            }
            assertTrue(c.findSpecialUse("\\Flagged").isEmpty());
            Imap4Exception none = assertThrows(Imap4Exception.class, () -> c.specialUseFolder("\\Flagged"));
            assertTrue(none.getMessage().contains("\\Junk="), none.getMessage());
            c.noop();
        } finally {
            Fixtures.quietly(c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void listExtendedReturnsStatusAndSpecialUseInOneCommand(ImapServer server) {
        ImapClient c = server.require(ImapServer.Feature.LIST_EXTENDED).client();
        String f = server.folder("listx");
        try {
            c.create(f);
            c.append(f, List.of(), null, Fixtures.message("one"));
            c.append(f, List.of(), null, Fixtures.message("two"));
            boolean size = c.hasCapability("STATUS=SIZE");
            ListOptions opts = ListOptions.none().returning(ListOptions.Return.CHILDREN).withStatus("MESSAGES");
            ListResult r = c.list("", List.of(f, "Trash"), size ? opts.withStatus("SIZE") : opts);
            assertEquals(2, r.entries().size(), r.toString());
            assertEquals(2L, r.status(f).messages());
            if (size) {
                assertTrue(r.status(f).size() > 100, r.status(f).toString());
                assertEquals(r.status(f).size(), c.status(f, "SIZE").size());
            } else {
                assertThrows(Imap4Exception.class, () -> c.status(f, "SIZE"));
            }
            ListResult special = c.list("", List.of("*"), ListOptions.none().select(ListOptions.Selection.SPECIAL_USE)
                    .returning(ListOptions.Return.SPECIAL_USE));
            assertEquals(5, special.entries().size(), special.toString());
        } finally {
            Fixtures.drop(c, f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void searchResultSavedOnTheServerAndSaveDateAndPreviewTyped(ImapServer server) {
        ImapClient c = server.require(ImapServer.Feature.NETWORK).client();
        String f = server.folder("searchres");
        try {
            c.create(f);
            for (String s : List.of("alpha", "beta", "gamma")) {
                c.append(f, List.of(), null, Fixtures.message(s));
            }
            c.select(f);
            if (c.hasCapability("SEARCHRES")) {
                NumberSet saved = c.uidSearchSave("SUBJECT beta");
                List<Long> seen = new ArrayList<>();
                c.uidFetch(saved, FetchItems.of(), m -> seen.add(m.uid()));
                assertEquals(1, seen.size());
                c.uidStore(saved, StoreMode.ADD, true, List.of("\\Flagged"));
                assertEquals(seen, c.uidSearch("FLAGGED").numbers());
                assertEquals(seen, c.uidSearch("UID $").numbers());
            } else {
                assertThrows(Imap4Exception.class, () -> c.uidSearchSave("ALL"));
            }
            FetchItems items = FetchItems.of();
            items = c.hasCapability("SAVEDATE") ? items.withSaveDate() : items;
            items = c.hasCapability("PREVIEW") ? items.withPreview() : items;
            List<FetchResponse> got = new ArrayList<>();
            c.uidFetch(NumberSet.uidRange(1, NumberSet.STAR), items, got::add);
            assertEquals(3, got.size());
            if (c.hasCapability("SAVEDATE")) {
                assertNotNull(got.get(0).saveDate());
                assertTrue(c.uidSearch("SAVEDSINCE 1-Jan-2020").numbers().size() == 3);
            } else {
                assertThrows(Imap4Exception.class, () -> c.uidFetch(NumberSet.uids(1), FetchItems.of().withSaveDate(),
                        m -> { }));
            }
            if (c.hasCapability("PREVIEW")) {
                // Cyrus 3.6 answers PREVIEW NIL (RFC 8970: no preview available now); Dovecot makes one
                String preview = got.get(0).preview();
                if (server.is(ImapServer.Kind.CYRUS)) {
                    assertTrue(preview == null || preview.equals("Body of alpha."), preview);
                } else {
                    assertEquals("Body of alpha.", preview);
                }
            }
            c.noop();
        } finally {
            Fixtures.drop(c, f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void multiappendCatenateAndLiteral8(ImapServer server) {
        ImapClient c = server.require(ImapServer.Feature.NETWORK).client();
        String f = server.folder("multiappend");
        try {
            c.create(f);
            List<AppendMessage> two = List.of(AppendMessage.of(List.of("\\Seen"), null, Fixtures.message("first")),
                    AppendMessage.of(List.of(), null, Fixtures.message("second")));
            AppendUid uids = c.append(f, two);
            assertEquals(2L, c.status(f, "MESSAGES").messages());
            if (c.hasCapability("UIDPLUS")) {
                assertEquals(2, uids.uids().toList().size());
            }
            MailboxState st = c.examine(f);
            if (c.hasCapability("CATENATE")) {
                byte[] header = "Subject: rebuilt\r\nFrom: ann@example.org\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                String url = "/" + f + ";UIDVALIDITY=" + st.uidValidity() + "/;UID=1/;SECTION=TEXT";
                c.append(f, List.of(AppendMessage.catenate(List.of(), null,
                        List.of(new AppendMessage.Text(header), new AppendMessage.Url(url)))));
                assertEquals("Subject: rebuilt\r\nFrom: ann@example.org\r\n\r\nBody of first.\r\n",
                        body(c, f, 3));
            } else {
                assertThrows(Imap4Exception.class, () -> c.append(f, List.of(AppendMessage.catenate(List.of(), null,
                        List.of(new AppendMessage.Url("/INBOX/;UID=1"))))));
            }
            if (c.hasCapability("BINARY")) {
                byte[] eight = ("Subject: binary\r\nContent-Type: text/plain; charset=utf-8\r\n"
                        + "Content-Transfer-Encoding: 8bit\r\n\r\nGrüße\r\n").getBytes(StandardCharsets.UTF_8);
                c.append(f, List.of(AppendMessage.of(List.of(), null, eight).asBinary()));
                assertEquals(new String(eight, StandardCharsets.UTF_8), body(c, f,
                        c.status(f, "MESSAGES").messages()));
            }
            c.noop();
        } finally {
            Fixtures.drop(c, f);
        }
    }

    private static String body(ImapClient c, String f, long seq) {
        c.examine(f);
        String[] out = new String[1];
        c.fetch(NumberSet.seqs(seq), FetchItems.of().withSection(BodySection.whole()), m -> {
            try {
                out[0] = new String(m.message().openStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return out[0];
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void metadataTypedWhereOffered(ImapServer server) {
        ImapClient c = server.require(ImapServer.Feature.NETWORK).client();
        try {
            if (!c.hasCapability("METADATA")) {
                assertThrows(Imap4Exception.class, () -> c.extensions().getMetadata("INBOX", "/private/comment"));
                c.noop();
                return;
            }
            String comment = "typed " + System.nanoTime();
            c.extensions().setMetadata("INBOX", Map.of("/private/comment", comment));
            assertEquals(comment, c.extensions().getMetadata("INBOX", "/private/comment").get("/private/comment"));
            Metadata small = c.extensions().getMetadata("INBOX", List.of("/private/comment"), 5L, null);
            assertNull(small.get("/private/comment"));
            assertEquals((long) comment.length(), small.longEntries());
            Map<String, String> remove = new LinkedHashMap<>();
            remove.put("/private/comment", null);
            c.extensions().setMetadata("INBOX", remove);
            assertNull(c.extensions().getMetadata("INBOX", "/private/comment").get("/private/comment"));
        } finally {
            Fixtures.quietly(c);
        }
    }
}
