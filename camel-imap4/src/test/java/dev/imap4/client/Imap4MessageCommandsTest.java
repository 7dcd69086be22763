package dev.imap4.client;

import static dev.imap4.client.Imap4MailboxCommandsTest.line;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.ScriptedServer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Message-level commands of the raw API: FETCH, PARTIAL, SEARCH, STORE, COPY, UID, SORT, THREAD. */
@Timeout(30)
class Imap4MessageCommandsTest {

    @Test
    void fetchWithALiteralGivesAHeaderLiteralPairThenTheClosingLine() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.SELECTED + """
                C: {tag} FETCH 1 (RFC822)
                S: * 1 FETCH (RFC822 {21}
                R: Subject: hi<CRLF><CRLF>body<CRLF>
                S: )
                S: {tag} OK FETCH completed
                """)) {
            Imap4 m = Scripted.selected(server);
            ImapResult r = m.fetch("1", "(RFC822)");
            assertEquals("OK", r.type());
            assertEquals(2, r.data().size(), r.texts().toString());
            ImapData.Pair pair = (ImapData.Pair) r.data().get(0);
            assertEquals("1 (RFC822 {21}", pair.headerText());
            assertArrayEquals("Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII), pair.literal().bytes());
            assertEquals(line(")"), r.data().get(1));
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void fetchOfSeveralMessagesKeepsEachInOrder() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.SELECTED + """
                C: {tag} FETCH 1:2 (UID BODY[HEADER] FLAGS)
                S: * 1 FETCH (UID 7 BODY[HEADER] {5}
                R: 12345
                S:  FLAGS (\\Seen))
                S: * 2 FETCH (UID 9 BODY[HEADER] NIL FLAGS ())
                S: {tag} OK FETCH completed
                """)) {
            Imap4 m = Scripted.selected(server);
            ImapResult r = m.fetch("1:2", "(UID BODY[HEADER] FLAGS)");
            assertEquals(List.of("(1 (UID 7 BODY[HEADER] {5}, Literal{12345})", " FLAGS (\\Seen))",
                    "2 (UID 9 BODY[HEADER] NIL FLAGS ())"), r.texts());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void twoLiteralsInOneFetchResponseGiveTwoPairs() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.SELECTED + """
                C: {tag} FETCH 1 (BODY[HEADER] BODY[TEXT])
                S: * 1 FETCH (BODY[HEADER] {5}
                R: 12345
                S:  BODY[TEXT] {0}
                S: )
                S: {tag} OK FETCH completed
                """)) {
            Imap4 m = Scripted.selected(server);
            ImapResult r = m.fetch("1", "(BODY[HEADER] BODY[TEXT])");
            assertEquals(List.of("(1 (BODY[HEADER] {5}, Literal{12345})", "( BODY[TEXT] {0}, Literal{})", ")"), r.texts());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void partialReturnsFetchData() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.SELECTED + """
                C: {tag} PARTIAL 1 BODY[TEXT] 0 5
                S: * 1 FETCH (BODY[TEXT]<0> {5}
                R: hello
                S: )
                S: {tag} OK PARTIAL completed
                """)) {
            Imap4 m = Scripted.selected(server);
            ImapResult r = m.partial("1", "BODY[TEXT]", 0, 5);
            assertEquals(List.of("(1 (BODY[TEXT]<0> {5}, Literal{hello})", ")"), r.texts());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void searchWithAndWithoutCharset() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.SELECTED + """
                C: {tag} SEARCH FROM "LDJ"
                S: * SEARCH 2 84 882
                S: {tag} OK SEARCH completed
                C: {tag} SEARCH CHARSET UTF-8 (SUBJECT hi)
                S: * SEARCH
                S: {tag} OK SEARCH completed
                """)) {
            Imap4 m = Scripted.selected(server);
            assertEquals(new ImapResult("OK", List.of(line("2 84 882"))), m.search(null, "FROM", "\"LDJ\""));
            assertEquals(List.of(""), m.search("UTF-8", "(SUBJECT hi)").texts());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void storeWrapsFlagsAndReturnsFetchData() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.SELECTED + """
                C: {tag} STORE 1:2 +FLAGS (\\Deleted)
                S: * 1 FETCH (FLAGS (\\Deleted))
                S: * 2 FETCH (FLAGS (\\Seen \\Deleted))
                S: {tag} OK STORE completed
                C: {tag} COPY 1:2 Archive
                S: {tag} OK [COPYUID 38505 304,319 3956:3957] COPY completed
                """)) {
            Imap4 m = Scripted.selected(server);
            assertEquals(List.of("1 (FLAGS (\\Deleted))", "2 (FLAGS (\\Seen \\Deleted))"),
                    m.store("1:2", "+FLAGS", "\\Deleted").texts());
            assertEquals(List.of("[COPYUID 38505 304,319 3956:3957] COPY completed"), m.copy("1:2", "Archive").texts());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void uidWithEachVerbReturnsThatVerbsData() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.SELECTED + """
                C: {tag} UID FETCH 4827313:4828442 (FLAGS)
                S: * 23 FETCH (FLAGS (\\Seen) UID 4827313)
                S: {tag} OK UID FETCH completed
                C: {tag} UID SEARCH ALL
                S: * SEARCH 4827313 4828442
                S: {tag} OK UID SEARCH completed
                C: {tag} UID STORE 4827313 +FLAGS (\\Seen)
                S: * 23 FETCH (FLAGS (\\Seen) UID 4827313)
                S: {tag} OK UID STORE completed
                C: {tag} UID COPY 4827313 Archive
                S: {tag} OK [COPYUID 1 4827313 5] UID COPY completed
                C: {tag} UID MOVE 4827313 Trash
                S: * OK [COPYUID 2 4827313 9] moved
                S: * 23 EXPUNGE
                S: {tag} OK UID MOVE completed
                C: {tag} UID EXPUNGE 4828442
                S: * 24 EXPUNGE
                S: {tag} OK UID EXPUNGE completed
                C: {tag} UID SORT (DATE) UTF-8 ALL
                S: * SORT 4828442 4827313
                S: {tag} OK UID SORT completed
                C: {tag} UID THREAD REFERENCES UTF-8 ALL
                S: * THREAD (4827313 4828442)
                S: {tag} OK UID THREAD completed
                """)) {
            Imap4 m = Scripted.selected(server);
            assertEquals(List.of("23 (FLAGS (\\Seen) UID 4827313)"), m.uid("FETCH", "4827313:4828442", "(FLAGS)").texts());
            assertEquals(List.of("4827313 4828442"), m.uid("search", "ALL").texts());
            assertEquals(List.of("23 (FLAGS (\\Seen) UID 4827313)"), m.uid("STORE", "4827313", "+FLAGS", "(\\Seen)").texts());
            assertEquals(Arrays.asList((String) null), m.uid("COPY", "4827313", "Archive").texts());
            assertEquals(Arrays.asList((String) null), m.uid("MOVE", "4827313", "Trash").texts());
            assertEquals("OK", m.uid("EXPUNGE", "4828442").type());
            assertEquals(List.of("4828442 4827313"), m.uid("SORT", "(DATE)", "UTF-8", "ALL").texts());
            assertEquals(List.of("(4827313 4828442)"), m.uid("THREAD", "REFERENCES", "UTF-8", "ALL").texts());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void uidWithAnUnknownVerbIsRefusedBeforeSending() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.SELECTED)) {
            Imap4 m = Scripted.selected(server);
            Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.uid("FROB", "1"));
            assertFalse(e instanceof Imap4AbortException);
            assertEquals("Unknown IMAP4 UID command: FROB", e.getMessage());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void uidOutsideSelectedIsRefusedNamingTheState() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.PREAUTH)) {
            Imap4 m = Scripted.connect(server);
            Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.uid("FETCH", "1", "(FLAGS)"));
            assertTrue(e.getMessage().contains("illegal in state AUTH"), e.getMessage());
            m.shutdown();
            server.verify();
        }
    }

    @Test
    void sortAddsParenthesesAndThreadPassesItsArguments() {
        try (ScriptedServer server = ScriptedServer.start(Scripted.SELECTED + """
                C: {tag} SORT (REVERSE DATE) UTF-8 ALL
                S: * SORT 5 3 4 1 2
                S: {tag} OK SORT completed
                C: {tag} THREAD REFERENCES UTF-8 SINCE 5-MAR-2000
                S: * THREAD (2)(3 6 (4 23)(44 7 96))
                S: {tag} OK THREAD completed
                """)) {
            Imap4 m = Scripted.selected(server);
            assertEquals(new ImapResult("OK", List.of(line("5 3 4 1 2"))), m.sort("REVERSE DATE", "UTF-8", "ALL"));
            assertEquals(List.of("(2)(3 6 (4 23)(44 7 96))"), m.thread("REFERENCES", "UTF-8", "SINCE", "5-MAR-2000").texts());
            m.shutdown();
            server.verify();
        }
    }
}
