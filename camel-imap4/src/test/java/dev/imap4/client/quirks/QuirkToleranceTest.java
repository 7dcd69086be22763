package dev.imap4.client.quirks;

import static dev.imap4.client.quirks.Replay.fetchOne;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.ImapExtensions;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.ImapState;
import dev.imap4.client.types.BodySection;
import dev.imap4.client.types.Address;
import dev.imap4.client.types.BodyStructure;
import dev.imap4.client.types.CopyUid;
import dev.imap4.client.types.Envelope;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.Quota;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Deviations of GNU Mailutils, Lotus Domino, Yandex, Gmail, Exchange and Courier-IMAP whose meaning is
 * unambiguous: each is read as meant, the typed values are right, and the stream stays in step.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class QuirkToleranceTest {

    // GNU Mailutils imap4d: no space between the envelope and the body of a message/rfc822 part
    @Test
    void mailutilsMessagePartWithoutSpaceBeforeItsBody() {
        Replay r = Replay.start("mailutils/message-part-without-space-before-body");
        FetchResponse m = fetchOne(r, 2, FetchItems.of().withEnvelope().withBodyStructure());

        assertEquals("Fwd: notes", m.envelope().subject());
        BodyStructure root = m.bodyStructure();
        assertEquals("multipart/mixed", root.mimeType());
        BodyStructure attached = root.parts().get(1);
        assertEquals("message/rfc822", attached.mimeType());
        assertEquals("2", attached.partNumber());
        assertEquals("notes", attached.envelope().subject());
        assertEquals(List.of(new Address("Carl", null, "carl", "example.net")), attached.envelope().from());
        assertEquals(5, attached.lines());
        BodyStructure inner = attached.message();
        assertEquals("text/plain", inner.mimeType());
        assertEquals("2.1", inner.partNumber());
        assertEquals(10, inner.size());
        assertEquals(0, inner.lines());
        r.noopStillWorks();
    }

    // GNU Mailutils imap4d: "NO UID COPY [TRYCREATE] failed", the code after the command name
    @Test
    void mailutilsResponseCodeAfterTheCommandName() {
        Replay r = Replay.start("mailutils/code-after-text");
        r.client().select("INBOX");
        Imap4CommandException e = assertThrows(Imap4CommandException.class,
                () -> r.client().uidCopy(NumberSet.uids(2), "Archive"));

        assertEquals("NO", e.status());
        assertEquals("TRYCREATE", e.code());
        assertEquals("UID COPY [TRYCREATE] failed", e.text());
        r.noopStillWorks();
    }

    // Lotus Domino: "(UID 14935 (ENVELOPE (...)) BODYSTRUCTURE ...)", an item in extra parentheses
    @Test
    void dominoParenthesisedFetchItem() {
        Replay r = Replay.start("domino/parenthesised-fetch-item");
        FetchResponse m = fetchOne(r, 14935, FetchItems.of().withEnvelope().withBodyStructure());

        assertEquals(14935L, m.uid());
        Envelope env = m.envelope();
        assertEquals(null, env.date());
        assertEquals("Travel plans", env.subject());
        assertEquals("team@example.com", env.to().get(0).email());
        assertEquals("<OF99@example.com>", env.messageId());
        assertEquals("text/plain", m.bodyStructure().mimeType());
        assertEquals(512, m.bodyStructure().size());
        r.noopStillWorks();
    }

    // Yandex: "BODY[2] )", a body section with no value at all, is an empty section
    @Test
    void yandexBodySectionWithoutValue() {
        Replay r = Replay.start("yandex/empty-body-section");
        FetchResponse m = fetchOne(r, 8, FetchItems.of().withSection(BodySection.part(2)));

        assertEquals(8L, m.uid());
        assertNotNull(m.section(BodySection.part(2)), "the section is present");
        assertEquals(0, m.section(BodySection.part(2)).size());
        r.noopStillWorks();
    }

    // Gmail: a space, then the line break, after a literal; the response goes on on the next line
    @Test
    void gmailSpaceAndLineBreakAfterALiteral() {
        Replay r = Replay.start("gmail/space-and-line-break-after-literal");
        FetchResponse m = fetchOne(r, 9, FetchItems.of().withSection(BodySection.text()));

        assertEquals(9L, m.uid());
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), m.section(BodySection.text()).bytes());
        r.noopStillWorks();
    }

    // Exchange: "[COPYUID 55 31 6]" on a line of its own, then "* [COPYUID 55 32 7]" without text
    @Test
    void exchangeBareCopyUid() {
        Replay r = Replay.start("exchange/bare-copyuid");
        r.client().select("INBOX");
        CopyUid first = r.client().uidCopy(NumberSet.uids(31), "Archive");
        CopyUid second = r.client().uidCopy(NumberSet.uids(32), "Archive");

        assertEquals(55, first.uidValidity());
        assertEquals(Map.of(31L, 6L), first.mapping());
        assertEquals(Map.of(32L, 7L), second.mapping());
        r.noopStillWorks();
    }

    // Courier-IMAP without FAM/Gamin: "* OK [ALERT] ..." before "* PREAUTH Ready."
    @Test
    void courierAlertBeforePreauthGreeting() {
        Replay r = Replay.start("courier/alert-before-preauth");

        assertEquals(ImapState.AUTH, r.client().state());
        assertEquals("AUTH", r.raw().state());
        assertTrue(r.raw().welcome().contains("PREAUTH Ready."), r.raw().welcome());
        List<String> alerts = r.raw().response("ALERT").texts();
        assertEquals(1, alerts.size(), "the ALERT reached the listeners: " + alerts);
        assertEquals(1, r.client().select("INBOX").exists());
        r.noopStillWorks();
    }

    // Courier-IMAP with no quota set: "* QUOTA "ROOT"" without a resource list
    @Test
    void courierQuotaWithoutResources() {
        Replay r = Replay.start("courier/quota-without-resources");

        ImapExtensions.QuotaRootResult root = r.client().extensions().getQuotaRoot("INBOX");
        assertEquals(List.of("ROOT"), root.root().roots());
        assertEquals(List.of(new Quota("ROOT", List.of())), root.quotas());
        assertEquals(List.of(new Quota("ROOT", List.of())), r.client().extensions().getQuota("ROOT"));
        r.noopStillWorks();
    }
}
