package dev.imap4.client.internal.command;

import static dev.imap4.client.scripted.ScriptedClientTestSupport.connect;
import static dev.imap4.client.scripted.ScriptedClientTestSupport.done;
import static dev.imap4.client.scripted.ScriptedClientTestSupport.preauth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.ImapClient;
import dev.imap4.client.scripted.ScriptedClientTestSupport;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.AppendMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RFC 6855 §4: under UTF8=ACCEPT a message with an 8-bit header is appended as {@code UTF8 (~{n})}. */
@Timeout(30)
class AppendUtf8Test {

    private static final String UTF8_HEADER = "Subject: Grüße\r\n\r\nhi";
    private static final String UTF8_BODY = "Subject: hi\r\n\r\nGrüße";

    private static int len(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String enabled(String caps) {
        return preauth("ENABLE UTF8=ACCEPT " + caps) + """
                C: {tag} ENABLE UTF8=ACCEPT
                S: * ENABLED UTF8=ACCEPT
                S: {tag} OK enabled
                """;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEightBitHeaderGoesInTheUtf8FormAndASevenBitHeaderDoesNot() {
        try (ScriptedServer server = ScriptedServer.start(enabled("LITERAL+") + """
                C: {tag} APPEND INBOX (\\Seen) UTF8 (~{%d+}
                C: Subject: Grüße<CRLF><CRLF>hi)
                S: {tag} OK appended
                C: {tag} APPEND INBOX {%d+}
                C: Subject: hi<CRLF><CRLF>Grüße
                S: {tag} OK appended
                """.formatted(len(UTF8_HEADER), len(UTF8_BODY)))) {
            ImapClient c = connect(server);
            c.append("INBOX", List.of("\\Seen"), null, utf8(UTF8_HEADER));
            c.append("INBOX", List.of(), null, utf8(UTF8_BODY));
            done(c, server);
        }
        // without UTF8=ACCEPT the same message keeps the normal form
        try (ScriptedServer server = ScriptedServer.start(preauth("LITERAL+") + """
                C: {tag} APPEND INBOX {%d+}
                C: Subject: Grüße<CRLF><CRLF>hi
                S: {tag} OK appended
                """.formatted(len(UTF8_HEADER)))) {
            ImapClient c = connect(server);
            c.append("INBOX", List.of(), null, utf8(UTF8_HEADER));
            done(c, server);
        }
    }

    @Test
    void synchronizingAndLiteralMinusFormsWaitAsForAnyLiteral() {
        try (ScriptedServer server = ScriptedServer.start(enabled("") + """
                C: {tag} APPEND INBOX () UTF8 (~{%d}
                S: + go
                C: Subject: Grüße<CRLF><CRLF>hi)
                S: {tag} OK appended
                """.formatted(len(UTF8_HEADER)))) {
            ImapClient c = connect(server);
            c.append("INBOX", List.of(), null, utf8(UTF8_HEADER));
            done(c, server);
        }
        try (ScriptedServer server = ScriptedServer.start(enabled("LITERAL-") + """
                C: {tag} APPEND INBOX () UTF8 (~{%d+}
                C: Subject: Grüße<CRLF><CRLF>hi)
                S: {tag} OK appended
                """.formatted(len(UTF8_HEADER)))) {
            ImapClient c = connect(server);
            c.append("INBOX", List.of(), null, utf8(UTF8_HEADER));
            done(c, server);
        }
    }

    @Test
    void multiappendChoosesTheFormPerMessage() {
        try (ScriptedServer server = ScriptedServer.start(enabled("LITERAL+ MULTIAPPEND") + """
                C: {tag} APPEND "Été" () UTF8 (~{%d+}
                C: Subject: Grüße<CRLF><CRLF>hi) {%d+}
                C: Subject: hi<CRLF><CRLF>Grüße
                S: {tag} OK appended
                """.formatted(len(UTF8_HEADER), len(UTF8_BODY)))) {
            ImapClient c = connect(server);
            c.append("Été", List.of(AppendMessage.of(List.of(), null, utf8(UTF8_HEADER)),
                    AppendMessage.of(List.of(), null, utf8(UTF8_BODY))));
            done(c, server);
        }
    }

    @Test
    void aRefusalOfTheUtf8FormIsAClearCommandError() {
        try (ScriptedServer server = ScriptedServer.start(enabled("LITERAL+") + """
                C: {tag} APPEND INBOX () UTF8 (~{%d+}
                C: Subject: Grüße<CRLF><CRLF>hi)
                S: {tag} NO [CANNOT] no UTF-8 headers here
                C: {tag} NOOP
                S: {tag} OK still here
                """.formatted(len(UTF8_HEADER)))) {
            ImapClient c = connect(server);
            Imap4CommandException e = assertThrows(Imap4CommandException.class,
                    () -> c.append("INBOX", List.of(), null, utf8(UTF8_HEADER)));
            assertEquals("CANNOT", e.code());
            assertTrue(e.getMessage().contains("UTF8 form of RFC 6855"), e.getMessage());
            c.noop();
            done(c, server);
        }
    }

    @Test
    void aStreamedMessageIsReadOnceForItsHeaderThenSent() {
        byte[] message = utf8(UTF8_HEADER);
        AtomicInteger opened = new AtomicInteger();
        Supplier<InputStream> content = () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(message);
        };
        try (ScriptedServer server = ScriptedServer.start(enabled("LITERAL+") + """
                C: {tag} APPEND INBOX () UTF8 (~{%d+}
                C: Subject: Grüße<CRLF><CRLF>hi)
                S: {tag} OK appended
                """.formatted(message.length))) {
            ImapClient c = connect(server);
            c.append("INBOX", List.of(), null, message.length, content);
            assertEquals(2, opened.get());
            done(c, server);
        }
    }

    @Test
    void theHeaderEndsAtTheFirstEmptyLine() {
        assertTrue(has8bit("Subject: Grüße\r\n\r\nhi"));
        assertTrue(has8bit("To: a@b\nSubject: Grüße\n\nhi"));
        assertFalse(has8bit("Subject: hi\r\n\r\nGrüße"));
        assertFalse(has8bit("Subject: hi\n\nGrüße"));
        assertFalse(has8bit("\r\nGrüße"), "a message that starts with an empty line has an empty header");
        assertFalse(has8bit("Subject: hi"));
        assertTrue(has8bit("X: " + "a".repeat(20_000) + "é\r\n\r\n"), "past the first buffer");
        // only the declared size counts
        byte[] b = utf8("Subject: hi\r\né");
        assertFalse(MessageHeader.has8bit(() -> new ByteArrayInputStream(b), b.length - 2));
    }

    private static boolean has8bit(String message) {
        byte[] b = utf8(message);
        return MessageHeader.has8bit(() -> new ByteArrayInputStream(b), b.length);
    }

    @Test
    void imaplibAppendUsesTheUtf8FormForEveryMessageOnceEnabled() {
        // CPython 3.14 imaplib: enable("UTF8=ACCEPT") then append(...) sends UTF8 (~{n}...); here after
        // an empty flag list, which Courier needs
        try (ScriptedServer server = ScriptedServer.start(preauth("ENABLE UTF8=ACCEPT") + """
                C: {tag} APPEND INBOX {%d}
                S: + go
                C: Subject: hi<CRLF><CRLF>Grüße
                S: {tag} OK appended
                C: {tag} ENABLE UTF8=ACCEPT
                S: * ENABLED UTF8=ACCEPT
                S: {tag} OK enabled
                C: {tag} APPEND INBOX () UTF8 (~{%d}
                S: + go
                C: Subject: hi<CRLF><CRLF>Grüße)
                S: {tag} OK appended
                """.formatted(len(UTF8_BODY), len(UTF8_BODY)))) {
            Imap4 m = new Imap4("127.0.0.1", server.port(), ScriptedClientTestSupport.OPTIONS);
            m.append("INBOX", null, null, utf8(UTF8_BODY));
            assertTrue(m.enable("UTF8=ACCEPT").ok());
            m.append("INBOX", null, null, utf8(UTF8_BODY));
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void catenateSendsTheTextPartsOfAnEightBitHeaderInTheUtf8Form() {
        String head = "Subject: Grüße\r\n";
        String rest = "From: a@example.org\r\n\r\nGrüße";
        String more = " und Küsse";
        try (ScriptedServer server = ScriptedServer.start(enabled("CATENATE LITERAL+") + """
                C: {tag} APPEND Drafts CATENATE (UTF8 (~{%d+}
                C: Subject: Grüße<CRLF>) TEXT {%d+}
                C: From: a@example.org<CRLF><CRLF>Grüße TEXT {%d+}
                C:  und Küsse URL /Drafts/;UID=20/;section=2)
                S: {tag} OK appended
                C: {tag} APPEND Drafts CATENATE (URL /Drafts/;UID=20/;section=HEADER TEXT {%d+}
                C: Subject: Grüße<CRLF>)
                S: {tag} OK appended
                """.formatted(len(head), len(rest), len(more), len(head)))) {
            ImapClient c = connect(server);
            // the 8-bit header part goes as UTF8; the part where the header ends holds 8-bit bytes only
            // in its body, and the parts after it are body: both stay TEXT
            c.append("Drafts", List.of(AppendMessage.catenate(List.of(), null, List.of(
                    new AppendMessage.Text(utf8(head)), new AppendMessage.Text(utf8(rest)),
                    new AppendMessage.Text(utf8(more)), new AppendMessage.Url("/Drafts/;UID=20/;section=2")))));
            // after a URL part the header is the server's: the text is sent as it is
            c.append("Drafts", List.of(AppendMessage.catenate(List.of(), null, List.of(
                    new AppendMessage.Url("/Drafts/;UID=20/;section=HEADER"), new AppendMessage.Text(utf8(head))))));
            done(c, server);
        }
    }
}
