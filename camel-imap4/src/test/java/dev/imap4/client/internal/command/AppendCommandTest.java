package dev.imap4.client.internal.command;

import static dev.imap4.client.scripted.ScriptedClientTestSupport.connect;
import static dev.imap4.client.scripted.ScriptedClientTestSupport.done;
import static dev.imap4.client.scripted.ScriptedClientTestSupport.preauth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.AppendMessage;
import dev.imap4.client.types.AppendUid;
import dev.imap4.client.types.NumberSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RFC 3502 MULTIAPPEND, RFC 4469 CATENATE and RFC 3516 literal8 APPEND through the typed API. */
@Timeout(30)
class AppendCommandTest {

    private static AppendMessage text(String s, String... flags) {
        return AppendMessage.of(List.of(flags), null, s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void severalMessagesGoInOneMultiappend() {
        try (ScriptedServer server = ScriptedServer.start(preauth("MULTIAPPEND LITERAL+ UIDPLUS") + """
                C: {tag} APPEND Sent (\\Seen) {3+}
                C: one (\\Seen \\Flagged) {3+}
                C: two {5+}
                C: three
                S: {tag} OK [APPENDUID 38505 3955:3957] appended
                """)) {
            ImapClient c = connect(server);
            AppendUid uid = c.append("Sent", List.of(text("one", "\\Seen"), text("two", "\\Seen", "\\Flagged"),
                    text("three")));
            assertEquals(new AppendUid(38505, NumberSet.uidRange(3955, 3957)), uid);
            done(c, server);
        }
    }

    @Test
    void withoutMultiappendEachMessageHasItsOwnAppend() {
        try (ScriptedServer server = ScriptedServer.start(preauth("LITERAL+ UIDPLUS") + """
                C: {tag} APPEND Sent {3+}
                C: one
                S: {tag} OK [APPENDUID 7 10] appended
                C: {tag} APPEND Sent {3+}
                C: two
                S: {tag} OK [APPENDUID 7 11] appended
                C: {tag} APPEND Sent {5+}
                C: three
                S: {tag} OK appended
                """)) {
            ImapClient c = connect(server);
            assertEquals(new AppendUid(7, NumberSet.uids(10, 11)), c.append("Sent", List.of(text("one"), text("two"))));
            assertNull(c.append("Sent", List.of(text("three"))));
            done(c, server);
        }
    }

    @Test
    void catenateSendsUrlsAndTextAndLiteral8CarriesNulBytes() {
        try (ScriptedServer server = ScriptedServer.start(preauth("CATENATE BINARY LITERAL+") + """
                C: {tag} APPEND Drafts (\\Draft) CATENATE (URL /Drafts;UIDVALIDITY=385759045/;UID=20/;section=HEADER TEXT {4+}
                C: Hi<CRLF> URL /Drafts;UIDVALIDITY=385759045/;UID=20/;section=2 TEXT ~{3+}
                C: a<NUL>b)
                S: {tag} OK [APPENDUID 385759045 45] appended
                C: {tag} APPEND INBOX ~{3+}
                C: x<NUL>y
                S: {tag} OK appended
                """)) {
            ImapClient c = connect(server);
            AppendUid uid = c.append("Drafts", List.of(AppendMessage.catenate(List.of("\\Draft"), null, List.of(
                    new AppendMessage.Url("/Drafts;UIDVALIDITY=385759045/;UID=20/;section=HEADER"),
                    new AppendMessage.Text("Hi\r\n".getBytes(StandardCharsets.US_ASCII)),
                    new AppendMessage.Url("/Drafts;UIDVALIDITY=385759045/;UID=20/;section=2"),
                    new AppendMessage.Text(new byte[] {'a', 0, 'b'})))));
            assertEquals(45L, uid.uid());
            c.append("INBOX", List.of(AppendMessage.of(List.of(), null, new byte[] {'x', 0, 'y'}).asBinary()));
            done(c, server);
        }
    }

    @Test
    void catenateAndBinaryAreRefusedBeforeSendingWhenTheServerLacksThem() {
        try (ScriptedServer server = ScriptedServer.start(preauth("MULTIAPPEND LITERAL+"))) {
            ImapClient c = connect(server);
            assertThrows(Imap4Exception.class, () -> c.append("INBOX", List.of(text("ok"),
                    AppendMessage.catenate(List.of(), null, List.of(new AppendMessage.Url("/INBOX/;UID=1"))))));
            assertThrows(Imap4Exception.class, () -> c.append("INBOX", List.of(text("ok").asBinary())));
            assertThrows(IllegalArgumentException.class, () -> c.append("INBOX", List.of()));
            done(c, server);
        }
    }
}
