package dev.imap4.client.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.ImapClient;
import dev.imap4.client.ModifiedUtf7;
import dev.imap4.client.types.AppendUid;
import dev.imap4.client.types.BodySection;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.ListEntry;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.SearchKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 6855 UTF8=ACCEPT against the servers that offer it (Courier-IMAP 5.0 here; Dovecot 2.3,
 * Cyrus 3.6 and imap4d 3.15 do not, and the test says so): ENABLEd after the PREAUTH greeting,
 * names as UTF-8 both ways, STATUS names, SEARCH without a charset, and APPEND's UTF8 form for a
 * message with UTF-8 header fields; the same folder seen without UTF8=ACCEPT is modified UTF-7.
 */
class Utf8AcceptIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void utf8NamesAndHeadersRoundTrip(ImapServer server) {
        ImapClient c = server.require().client();
        String folder = server.folder("utf8") + "-Entwürfe-日本語";
        try {
            Assumptions.assumeTrue(c.hasCapability("UTF8=ACCEPT"), () -> "NOT SUPPORTED by " + server
                    + ": UTF8=ACCEPT is not offered (" + c.capabilities() + ")");
            assertTrue(c.isUtf8Enabled(), "ENABLE UTF8=ACCEPT after " + (server.isStream() ? "PREAUTH" : "login"));
            c.create(folder);
            List<ListEntry> listed = c.list("", folder);
            assertEquals(1, listed.size(), listed.toString());
            assertEquals(folder, listed.get(0).name());
            assertEquals(folder, listed.get(0).rawName(), "the server sends the name in UTF-8");
            assertEquals(folder, c.status(folder, "MESSAGES").mailbox());

            byte[] message = ("From: Jürgen <j@example.org>\r\nSubject: Grüße aus Köln\r\n"
                    + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHallo.\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            AppendUid uid = c.append(folder, List.of(), null, message);
            assertEquals(1L, c.status(folder, "MESSAGES").messages());
            c.select(folder);
            long appended = uid != null ? uid.uids().toList().get(0) : c.uidSearch(SearchKey.ALL).numbers().get(0);
            assertEquals(List.of(appended), c.uidSearch(SearchKey.subject("Köln")).numbers(),
                    "SEARCH with a UTF-8 string and no charset (RFC 6855 §3)");
            List<String> headers = new ArrayList<>();
            c.uidFetch(NumberSet.uids(appended), FetchItems.of().withSection(BodySection.header()),
                    r -> headers.add(new String(r.section(BodySection.header()).bytes(), StandardCharsets.UTF_8)));
            assertEquals(1, headers.size());
            assertTrue(headers.get(0).contains("Subject: Grüße aus Köln"), headers.get(0));
            c.closeMailbox();
        } finally {
            Fixtures.quietly(c);
        }
        // the same folder without UTF8=ACCEPT: modified UTF-7 on the wire, the same name decoded
        ImapClient plain = server.open(server.options().withUtf8Accept(false)).client();
        server.logIn(plain);
        try {
            assertFalse(plain.isUtf8Enabled());
            List<ListEntry> listed = plain.list("", folder);
            assertEquals(1, listed.size(), listed.toString());
            assertEquals(folder, listed.get(0).name());
            assertEquals(ModifiedUtf7.encode(folder), listed.get(0).rawName());
            assertNotNull(plain.status(folder, "MESSAGES"));
            plain.delete(folder);
        } finally {
            Fixtures.quietly(plain);
        }
    }
}
