package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.types.BodyStructure;
import dev.imap4.client.types.Envelope;
import java.util.List;
import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** fetchContent, searchCriteria, sortCriteria, folder and readOnly against GreenMail. */
class Imap4ConsumerContentTest extends Imap4ConsumerTestSupport {

    private static final String RAW = "From: =?UTF-8?Q?Zo=C3=AB?= <zoe@example.org>\r\nTo: joe@example.org\r\n"
            + "Subject: =?UTF-8?B?w4ljaGVj?=\r\nMessage-ID: <c@example.org>\r\n\r\nthe body text\r\n";

    private Message only(String options) throws Exception {
        MockEndpoint out = consume(options);
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        return out.getReceivedExchanges().get(0).getMessage();
    }

    @Test
    void headersFetchesOnlyTheHeaderSectionAsTheBody() throws Exception {
        mailbox.append("INBOX", RAW);
        Message m = only("fetchContent=HEADERS");
        String body = m.getBody(String.class);
        assertTrue(body.startsWith("From: =?UTF-8?Q?Zo=C3=AB?="), body);
        assertTrue(!body.contains("the body text"), body);
        assertEquals("Échec", m.getHeader("Subject"));
    }

    @Test
    void envelopeFetchesNoContentAndFillsHeadersFromTheEnvelope() throws Exception {
        mailbox.append("INBOX", RAW);
        Message m = only("fetchContent=ENVELOPE");
        assertInstanceOf(BodyStructure.class, m.getBody());
        assertEquals("text/plain", ((BodyStructure) m.getBody()).mimeType().toLowerCase());
        assertInstanceOf(Envelope.class, m.getHeader(Imap4Constants.ENVELOPE));
        assertInstanceOf(BodyStructure.class, m.getHeader(Imap4Constants.BODY_STRUCTURE));
        assertEquals("Échec", m.getHeader("Subject"));
        assertEquals("Zoë <zoe@example.org>", m.getHeader("From"));
        assertEquals("<c@example.org>", m.getHeader("Message-ID"));
    }

    @Test
    void searchCriteriaChoosesTheMessages() throws Exception {
        mailbox.append("INBOX", TestMailbox.message("skip", "x"));
        mailbox.append("INBOX", "From: billing@example.org\r\nSubject: invoice\r\n\r\nx\r\n");
        Message m = only("searchCriteria=UNSEEN FROM \"billing@example.org\"");
        assertEquals("invoice", m.getHeader("Subject"));
        Thread.sleep(300);
        assertEquals(1, getMockEndpoint("mock:out").getReceivedCounter());
    }

    @Test
    void sortCriteriaOrdersTheDeliveries() throws Exception {
        for (String s : List.of("banana", "cherry", "apple")) {
            mailbox.append(s);
        }
        MockEndpoint out = consume("sortCriteria=REVERSE SUBJECT");
        out.expectedMessageCount(3);
        out.assertIsSatisfied(5000);
        assertEquals(List.of("cherry", "banana", "apple"),
                out.getReceivedExchanges().stream().map(e -> e.getMessage().getHeader("Subject")).toList());
    }

    @Test
    void folderSelectsAnotherFolder() throws Exception {
        mailbox.create("Orders");
        mailbox.append("Orders", TestMailbox.message("order 1", "x"));
        mailbox.append("in the inbox");
        Message m = only("folder=Orders");
        assertEquals("order 1", m.getHeader("Subject"));
        assertEquals("Orders", m.getHeader(Imap4Constants.FOLDER));
    }

    @Test
    void readOnlyLeavesEveryFlagAsItWasEvenOnFailure() throws Exception {
        mailbox.append("ok");
        mailbox.append("bad");
        MockEndpoint out = consume(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(uri("readOnly=true&onFailure=FLAG")).routeId("r").to("mock:out")
                        .filter(header("Subject").isEqualTo("bad")).throwException(new IllegalStateException("x"));
            }
        });
        out.expectedMessageCount(2);
        out.assertIsSatisfied(5000);
        Thread.sleep(300);
        assertEquals(2, out.getReceivedCounter());
        // \Recent is the server's session flag; EXAMINE leaves it, as it should
        mailbox.flags("INBOX").forEach((uid, flags) -> assertEquals(List.of(),
                flags.stream().filter(f -> !f.equals("\\Recent")).toList(), "UID " + uid));
        assertNull(out.getReceivedExchanges().get(0).getMessage().getHeader(Imap4Constants.MOD_SEQ));
    }
}
