package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.types.AppendUid;
import dev.imap4.client.types.CopyUid;
import dev.imap4.client.types.ExpungeResult;
import dev.imap4.client.types.ListEntry;
import dev.imap4.client.types.MailboxStatus;
import dev.imap4.client.types.Quota;
import dev.imap4.client.types.StoreResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every producer verb GreenMail supports, through a route, with typed results and response headers. */
class Imap4ProducerGreenMailTest extends CamelTestSupport {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    private String uri(String options) {
        MAIL.setUser("joe@example.org", "joe", "secret");
        return "imap4:127.0.0.1:" + MAIL.getImap().getPort() + "?security=PLAIN&username=joe&password=secret"
                + (options.isEmpty() ? "" : "&" + options);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:imap").to(uri("poolSize=2"));
                from("direct:searchOnly").to(uri("command=UID SEARCH"));
                from("direct:flagFound").to(uri("command=UID+SEARCH"))
                        .setHeader(Imap4Constants.ARGUMENTS, simple("${header.CamelImap4MessageSet} +FLAGS ($Found)"))
                        .to(uri("command=UID+STORE"));
                from("direct:limited").to(uri("allowedCommands=NOOP,LIST"));
                from("direct:handled").onException(Imap4CommandException.class).handled(true)
                        .setBody(simple("failed: ${exception.code} ${header.CamelImap4ResponseType}")).end()
                        .to(uri(""));
            }
        };
    }

    private Exchange run(String command, Object arguments, Object body, Map<String, Object> extra) {
        Map<String, Object> headers = new HashMap<>(extra);
        headers.put(Imap4Constants.COMMAND, command);
        if (arguments != null) {
            headers.put(Imap4Constants.ARGUMENTS, arguments);
        }
        return template.request("direct:imap", e -> {
            e.getMessage().setHeaders(headers);
            e.getMessage().setBody(body);
        });
    }

    private Object body(String command, Object arguments) {
        Exchange e = run(command, arguments, null, Map.of());
        if (e.getException() != null) {
            throw new AssertionError(command + " failed", e.getException());
        }
        return e.getMessage().getBody();
    }

    private static byte[] message(String subject) {
        return ("From: ann@example.org\r\nTo: joe@example.org\r\nSubject: " + subject + "\r\n\r\nbody of "
                + subject + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private AppendUid append(String folder, String subject) {
        Exchange e = run("APPEND", null, message(subject), Map.of(Imap4Constants.FOLDER, folder,
                Imap4Constants.FLAGS, List.of("\\Flagged")));
        assertNull(e.getException());
        assertEquals("OK", e.getMessage().getHeader(Imap4Constants.RESPONSE_TYPE));
        assertEquals("APPENDUID", e.getMessage().getHeader(Imap4Constants.RESPONSE_CODE));
        return e.getMessage().getBody(AppendUid.class);
    }

    @Test
    void appendThenUidFetchRoundTripsTheSameBytes() {
        byte[] original = message("round trip");
        AppendUid uid = append("INBOX", "round trip");
        assertNotNull(uid);
        Exchange e = run("UID FETCH", List.of(uid.uids().toString(), "(FLAGS BODY.PEEK[])"), null, Map.of());
        @SuppressWarnings("unchecked")
        List<Imap4FetchedMessage> got = e.getMessage().getBody(List.class);
        assertEquals(1, got.size());
        assertEquals(uid.uid(), got.get(0).uid());
        assertTrue(got.get(0).flags().contains("\\Flagged"));
        byte[] fetched = context.getTypeConverter().convertTo(byte[].class, got.get(0).body());
        assertArrayEquals(original, fetched);
    }

    @Test
    void searchAndUidSearchReturnNumbers() {
        append("INBOX", "alpha");
        AppendUid beta = append("INBOX", "beta");
        assertEquals(List.of(1L, 2L), body("SEARCH", "ALL"));
        assertEquals(List.of(beta.uid()), body("UID SEARCH", List.of("SUBJECT", "beta")));
        assertEquals(List.of(), body("SEARCH", "SUBJECT \"no such subject\""));
    }

    @Test
    void aSearchResultFeedsTheNextCommandThroughTheMessageSetHeader() {
        append("INBOX", "needle one");
        append("INBOX", "hay");
        append("INBOX", "needle two");
        Exchange e = template.request("direct:flagFound",
                x -> x.getMessage().setHeader(Imap4Constants.ARGUMENTS, "SUBJECT needle"));
        assertNull(e.getException());
        assertEquals("1,3", e.getMessage().getHeader(Imap4Constants.MESSAGE_SET));
        assertEquals(List.of(1L, 3L), body("UID SEARCH", "KEYWORD $Found"));
    }

    @Test
    void fetchByNumberReturnsTypedItems() {
        append("INBOX", "typed");
        @SuppressWarnings("unchecked")
        List<Imap4FetchedMessage> got = (List<Imap4FetchedMessage>) body("FETCH", "1 (FLAGS ENVELOPE RFC822.SIZE)");
        assertEquals("typed", got.get(0).envelope().subject());
        assertTrue(got.get(0).size() > 0);
    }

    @Test
    void fetchingTheBodyLeavesTheMessageUnseen() {
        append("INBOX", "peek");
        @SuppressWarnings("unchecked")
        List<Imap4FetchedMessage> got = (List<Imap4FetchedMessage>) body("FETCH", "1 (BODY[])");
        assertTrue(got.get(0).sections().containsKey("BODY[]"), got.get(0).sections().keySet().toString());
        assertEquals(List.of(1L), body("SEARCH", "UNSEEN"));
        Exchange refused = run("FETCH", "1 RFC822", null, Map.of());
        assertTrue(refused.getException().getMessage().contains("BODY.PEEK[]"), refused.getException().getMessage());
    }

    @Test
    void storeChangesFlagsAndReportsThem() {
        append("INBOX", "flags");
        StoreResult r = (StoreResult) body("STORE", List.of("1", "+FLAGS", "(\\Seen)"));
        assertTrue(r.updates().get(0).flags().contains("\\Seen"));
        StoreResult silent = (StoreResult) body("UID STORE", List.of("1:*", "-FLAGS.SILENT", "\\Seen"));
        assertTrue(silent.updates().isEmpty());
        assertEquals(List.of(1L), body("SEARCH", "UNSEEN"));
    }

    @Test
    void copyMoveAndExpungeWorkByNumberAndByUid() {
        body("CREATE", "Archive");
        AppendUid a = append("INBOX", "one");
        append("INBOX", "two");
        append("INBOX", "three");
        assertInstanceOf(CopyUid.class, body("COPY", List.of("1", "Archive")));
        CopyUid moved = (CopyUid) body("UID MOVE", List.of(a.uids().toString(), "Archive"));
        assertEquals(1, moved.mapping().size());
        body("MOVE", List.of("1", "Archive"));
        body("STORE", List.of("1", "+FLAGS.SILENT", "(\\Deleted)"));
        ExpungeResult ex = (ExpungeResult) body("EXPUNGE", null);
        assertEquals(1, ex.sequenceNumbers().size());
        MailboxStatus st = (MailboxStatus) body("STATUS", List.of("Archive", "(MESSAGES)"));
        assertEquals(3L, st.messages());
        append("INBOX", "four");
        body("UID STORE", List.of("1:*", "+FLAGS.SILENT", "(\\Deleted)"));
        body("UID EXPUNGE", "1:*");
        assertEquals(List.of(), body("SEARCH", "ALL"));
    }

    @Test
    void mailboxVerbsCreateRenameSubscribeListAndDelete() {
        body("CREATE", "Reports");
        body("RENAME", List.of("Reports", "Reports 2026"));
        body("SUBSCRIBE", List.of("Reports 2026"));
        @SuppressWarnings("unchecked")
        List<ListEntry> all = (List<ListEntry>) body("LIST", List.of("\"\"", "*"));
        assertTrue(all.stream().anyMatch(l -> l.name().equals("Reports 2026")), all.toString());
        @SuppressWarnings("unchecked")
        List<ListEntry> subscribed = (List<ListEntry>) body("LSUB", null);
        assertTrue(subscribed.stream().anyMatch(l -> l.name().equals("Reports 2026")), subscribed.toString());
        body("UNSUBSCRIBE", List.of("Reports 2026"));
        body("DELETE", List.of("Reports 2026"));
        @SuppressWarnings("unchecked")
        List<ListEntry> after = (List<ListEntry>) body("LIST", null);
        assertTrue(after.stream().noneMatch(l -> l.name().startsWith("Reports")), after.toString());
    }

    @Test
    void quotaSortNoopCheckAndCapability() {
        body("SETQUOTA", List.of("\"\"", "(STORAGE 1024)"));
        @SuppressWarnings("unchecked")
        List<Quota> quota = (List<Quota>) body("GETQUOTA", "\"\"");
        assertEquals(1024L, quota.get(0).resource("STORAGE").limit(), quota.toString());
        var root = (dev.imap4.client.ImapExtensions.QuotaRootResult) body("GETQUOTAROOT", "INBOX");
        assertEquals(List.of(""), root.root().roots());
        append("INBOX", "b subject");
        append("INBOX", "a subject");
        assertEquals(List.of(2L, 1L), body("SORT", List.of("(SUBJECT)", "UTF-8", "ALL")));
        assertNull(body("NOOP", null));
        assertNull(body("CHECK", null));
        @SuppressWarnings("unchecked")
        List<String> caps = (List<String>) body("CAPABILITY", null);
        assertTrue(caps.contains("IMAP4REV1"), caps.toString());
    }

    @Test
    void aNoRaisesACommandExceptionWithTheResponseHeaders() {
        Exchange unknown = run("XNOSUCHVERB", null, null, Map.of());
        // an extension verb is sent raw only when the endpoint opts in (allowRawCommands, allowedCommands)
        assertTrue(assertInstanceOf(IllegalArgumentException.class, unknown.getException()).getMessage()
                .contains("allowRawCommands"), unknown.getException().getMessage());
        Exchange missing = run("DELETE", "NoSuchFolder", null, Map.of());
        Imap4CommandException ex = assertInstanceOf(Imap4CommandException.class, missing.getException());
        assertEquals("NO", ex.status());
        assertEquals("NO", missing.getMessage().getHeader(Imap4Constants.RESPONSE_TYPE));
        assertEquals("failed:  NO", template.requestBodyAndHeaders("direct:handled", null,
                Map.of(Imap4Constants.COMMAND, "DELETE", Imap4Constants.ARGUMENTS, "NoSuchFolder")));
    }

    @Test
    void unsupportedExtensionsFailClearly() {
        Exchange e = run("GETACL", "INBOX", null, Map.of());
        Imap4Exception ex = assertInstanceOf(Imap4Exception.class, e.getException());
        assertTrue(ex.getMessage().contains("does not offer ACL"), ex.getMessage());
    }

    @Test
    void theEndpointCommandIsTheOnlyOneAllowedByDefault() {
        append("INBOX", "only search");
        assertEquals(List.of(1L), template.requestBodyAndHeader("direct:searchOnly", null,
                Imap4Constants.ARGUMENTS, "ALL"));
        CamelExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader("direct:searchOnly", null, Imap4Constants.COMMAND, "DELETE"));
        assertTrue(e.getCause().getMessage().contains("not allowed"), e.getCause().getMessage());
    }

    @Test
    void anAllowListRefusesOtherVerbsBeforeConnecting() {
        assertNull(template.requestBodyAndHeader("direct:limited", null, Imap4Constants.COMMAND, "noop"));
        CamelExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeaders("direct:limited", null,
                        Map.of(Imap4Constants.COMMAND, "DELETE", Imap4Constants.ARGUMENTS, "INBOX")));
        assertTrue(e.getCause().getMessage().contains("DELETE is not allowed"), e.getCause().getMessage());
    }

    @Test
    void concurrentExchangesShareAPoolOfTwoConnectionsSafely() throws Exception {
        List<CompletableFuture<Object>> futures = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String subject = "parallel " + i;
            futures.add(CompletableFuture.supplyAsync(() -> append("INBOX", subject)));
        }
        for (CompletableFuture<Object> f : futures) {
            assertNotNull(f.get());
        }
        @SuppressWarnings("unchecked")
        List<Long> all = (List<Long>) body("UID SEARCH", "ALL");
        assertEquals(12, all.size());
    }
}
