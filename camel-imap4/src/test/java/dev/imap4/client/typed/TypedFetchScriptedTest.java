package dev.imap4.client.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.imap4.client.Imap4;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.types.BodySection;
import dev.imap4.client.types.NumberSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Typed fetch items on the wire: PEEK is sent, and each section comes back under the value that asked for it. */
@Timeout(30)
class TypedFetchScriptedTest {

    private static final String SELECTED = """
            S: * PREAUTH [CAPABILITY IMAP4rev1 BINARY] ready
            C: {tag} SELECT INBOX
            S: {tag} OK [READ-WRITE] done
            """;

    private static ImapClient select(ScriptedServer server) {
        ImapClient c = new Imap4("127.0.0.1", server.port(), TypedClientScriptedTest.OPTIONS).client();
        c.select("INBOX");
        return c;
    }

    @Test
    void sectionsComeBackUnderTheValueThatAskedForThem() {
        BodySection innerHeader = BodySection.part(2).withHeader();
        BodySection subject = BodySection.whole().headerFields("Subject").partial(0, 100);
        try (ScriptedServer server = ScriptedServer.start(SELECTED + """
                C: {tag} UID FETCH 7 (UID BODY.PEEK[2.HEADER] BODY.PEEK[HEADER.FIELDS (Subject)]<0.100> BINARY.SIZE[1])
                S: * 1 FETCH (UID 7 BODY[2.HEADER] {4}
                R: a: b
                S:  BODY[HEADER.FIELDS ("subject")]<0> "Subject: x" BINARY.SIZE[1] 42)
                S: {tag} OK done
                """)) {
            ImapClient c = select(server);
            List<String> got = new ArrayList<>();
            List<Long> sizes = new ArrayList<>();
            c.uidFetch(NumberSet.uids(7), FetchItems.of().withSection(innerHeader).withSection(subject).withBinarySize(1),
                    r -> {
                        got.add(r.section(innerHeader).asString(StandardCharsets.US_ASCII));
                        got.add(r.section(subject).asString(StandardCharsets.US_ASCII));
                        sizes.add(r.binarySize(1));
                        assertNull(r.section(BodySection.part(2)));
                        assertNull(r.binarySize(2));
                    });
            assertEquals(List.of("a: b", "Subject: x"), got);
            assertEquals(List.of(42L), sizes);
            c.shutdown();
            server.verify();
        }
    }

    @Test
    void bodyGivenAsTextIsFetchedWithPeekSoTheMessageStaysUnseen() {
        try (ScriptedServer server = ScriptedServer.start(SELECTED + """
                C: {tag} UID FETCH 7 (UID BODY.PEEK[])
                S: * 1 FETCH (UID 7 BODY[] "hi")
                S: {tag} OK done
                """)) {
            ImapClient c = select(server);
            List<String> got = new ArrayList<>();
            c.uidFetch(NumberSet.uids(7), FetchItems.parse("BODY[]"), r -> got.add(r.message().asString(StandardCharsets.US_ASCII)));
            assertEquals(List.of("hi"), got);
            c.shutdown();
            server.verify();
        }
    }
}
