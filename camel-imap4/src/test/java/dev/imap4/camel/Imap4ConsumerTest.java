package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** The default consumer: one exchange per unseen message, in UID order, with headers, marked \Seen on success. */
class Imap4ConsumerTest extends Imap4ConsumerTestSupport {

    @Test
    void deliversEachUnseenMessageOnceInUidOrderAndMarksItSeen() throws Exception {
        long a = mailbox.append("first");
        long b = mailbox.append("second");
        long c = mailbox.append("INBOX", TestMailbox.message("already read", "x"), "\\Seen");
        MockEndpoint out = consume("");
        out.expectedMessageCount(2);
        out.assertIsSatisfied(5000);

        List<Exchange> got = out.getReceivedExchanges();
        assertEquals(List.of(a, b), got.stream().map(e -> e.getMessage().getHeader(Imap4Constants.UID)).toList());
        assertEquals("first", got.get(0).getMessage().getHeader("Subject"));
        assertTrue(mailbox.seen("INBOX", a) && mailbox.seen("INBOX", b), "success marks \\Seen");
        assertTrue(mailbox.seen("INBOX", c));

        // later polls find nothing new: no duplicates
        Thread.sleep(500);
        assertEquals(2, out.getReceivedCounter());
    }

    @Test
    void aMessageStillInFlightIsNotDeliveredAgainByLaterPolls() throws Exception {
        long uid = mailbox.append("slow");
        MockEndpoint out = consume(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                // seda takes over the completions: the poll goes on while the message is processed
                from(uri("delay=20")).routeId("r").to("seda:slow");
                from("seda:slow").delay(600).to("mock:out");
            }
        });
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (!mailbox.seen("INBOX", uid) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(mailbox.seen("INBOX", uid), "the next poll applied the completion");
        Thread.sleep(200);
        assertEquals(1, out.getReceivedCounter(), "dozens of polls ran while it was in flight");
    }

    @Test
    void setsTheImap4HeadersTheBatchPropertiesAndAStreamCacheBody() throws Exception {
        String raw = TestMailbox.message("headers", "the body");
        long uid = mailbox.append("INBOX", raw, "\\Flagged");
        mailbox.append("other");
        MockEndpoint out = consume("");
        out.expectedMessageCount(2);
        out.assertIsSatisfied(5000);

        Exchange first = out.getReceivedExchanges().get(0);
        Message m = first.getMessage();
        assertEquals(uid, m.getHeader(Imap4Constants.UID));
        assertEquals(mailbox.uidValidity("INBOX"), m.getHeader(Imap4Constants.UID_VALIDITY));
        assertEquals("INBOX", m.getHeader(Imap4Constants.FOLDER));
        assertEquals(List.of("\\Flagged"), m.getHeader(Imap4Constants.FLAGS), "flags as fetched, before \\Seen");
        assertInstanceOf(ZonedDateTime.class, m.getHeader(Imap4Constants.INTERNAL_DATE));
        assertEquals((long) raw.length(), m.getHeader(Imap4Constants.SIZE));
        assertEquals(1L, m.getHeader(Imap4Constants.SEQUENCE_NUMBER));
        assertNull(m.getHeader(Imap4Constants.MOD_SEQ), "GreenMail has no CONDSTORE");
        assertNull(m.getHeader(Imap4Constants.ENVELOPE), "not fetched in FULL mode");
        assertEquals("<headers@example.org>", m.getHeader("Message-ID"));
        assertEquals("ann@example.org", m.getHeader("From"));

        assertEquals(0, first.getProperty(ExchangePropertyKey.BATCH_INDEX));
        assertEquals(2, first.getProperty(ExchangePropertyKey.BATCH_SIZE));
        assertEquals(false, first.getProperty(ExchangePropertyKey.BATCH_COMPLETE));
        assertEquals(true, out.getReceivedExchanges().get(1).getProperty(ExchangePropertyKey.BATCH_COMPLETE));

        assertInstanceOf(StreamCache.class, m.getBody());
        assertEquals(raw, m.getBody(String.class));
    }

    @Test
    void convertsTheBodyToStringBytesStreamAndMimeMessage() throws Exception {
        String raw = "Content-Type: text/plain; charset=UTF-8\r\n" + TestMailbox.message("convert me", "grüße");
        mailbox.append("INBOX", raw);
        List<Object> seen = new java.util.ArrayList<>();
        MockEndpoint out = consume(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                // each step reads the whole body: Camel rewinds a stream cache between steps
                from(uri("")).routeId("r")
                        .process(e -> seen.add(e.getMessage().getBody(String.class)))
                        .process(e -> seen.add(e.getMessage().getBody(byte[].class)))
                        .process(e -> seen.add(e.getMessage().getBody(java.io.InputStream.class).readAllBytes()))
                        .process(e -> seen.add(e.getMessage().getBody(jakarta.mail.internet.MimeMessage.class)))
                        .to("mock:out");
            }
        });
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);

        assertEquals(raw, seen.get(0));
        assertEquals(raw, new String((byte[]) seen.get(1), StandardCharsets.UTF_8));
        assertEquals(raw, new String((byte[]) seen.get(2), StandardCharsets.UTF_8));
        jakarta.mail.internet.MimeMessage mime = (jakarta.mail.internet.MimeMessage) seen.get(3);
        assertNotNull(mime, "converted to MimeMessage");
        assertEquals("convert me", mime.getSubject());
        assertEquals("grüße", ((String) mime.getContent()).trim());
        Message m = out.getReceivedExchanges().get(0).getMessage();
        ((StreamCache) m.getBody()).reset();
        assertEquals(raw, m.getBody(String.class), "after reset() the body reads again");
    }

    @Test
    void decodesRfc2047AndUnfoldsHeaderFields() throws Exception {
        String raw = "From: =?ISO-8859-1?Q?Andr=E9?= Pirard <pirard@example.org>\r\n"
                + "To: joe@example.org\r\n"
                + "Subject: =?UTF-8?B?R3LDvMOfZQ==?=\r\n =?UTF-8?Q?_aus_K=C3=B6ln?=\r\n"
                + "X-Long: one\r\n\ttwo\r\n"
                + "Received: by a\r\nReceived: by b\r\n\r\nbody\r\n";
        mailbox.append("INBOX", raw);
        MockEndpoint out = consume("");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        Message m = out.getReceivedExchanges().get(0).getMessage();
        assertEquals("Grüße aus Köln", m.getHeader("Subject"));
        assertEquals("André Pirard <pirard@example.org>", m.getHeader("From"));
        assertEquals("one\ttwo", m.getHeader("X-Long"));
        assertEquals(List.of("by a", "by b"), m.getHeader("Received"));
    }

    @Test
    void aMailCannotSetCamelHeaders() throws Exception {
        String raw = "From: mallory@example.org\r\nSubject: sneaky\r\nCamelImap4MoveTo: Trash\r\n"
                + "CAMELIMAP4DELETE: true\r\norg.apache.camel.Foo: x\r\n\r\nbody\r\n";
        long uid = mailbox.append("INBOX", raw);
        MockEndpoint out = consume("");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        Message m = out.getReceivedExchanges().get(0).getMessage();
        assertNull(m.getHeader(Imap4Constants.MOVE_TO));
        assertNull(m.getHeader(Imap4Constants.DELETE));
        assertNull(m.getHeader("org.apache.camel.Foo"));
        assertEquals("sneaky", m.getHeader("Subject"));
        awaitSeen(uid);
        assertEquals(List.of("sneaky"), mailbox.subjects("INBOX"), "not moved nor deleted");
    }

    @Test
    void aCustomHeaderFilterStrategyDecidesWhichFieldsAreCopied() throws Exception {
        org.apache.camel.support.DefaultHeaderFilterStrategy onlySubject = new org.apache.camel.support.DefaultHeaderFilterStrategy();
        onlySubject.setInFilterPattern("(?i)(?!subject$).*");
        context.getRegistry().bind("onlySubject", onlySubject);
        mailbox.append("filtered");
        MockEndpoint out = consume("headerFilterStrategy=#onlySubject");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        Message m = out.getReceivedExchanges().get(0).getMessage();
        assertEquals("filtered", m.getHeader("Subject"));
        assertNull(m.getHeader("From"));
        assertNotNull(m.getHeader(Imap4Constants.UID), "the consumer's own headers are not filtered");
    }

    private void awaitSeen(long uid) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!mailbox.seen("INBOX", uid) && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertTrue(mailbox.seen("INBOX", uid));
        assertFalse(false);
    }
}
