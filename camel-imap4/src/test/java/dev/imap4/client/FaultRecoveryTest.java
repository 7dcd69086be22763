package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.NumberSet;
import dev.imap4.testing.Fault;
import dev.imap4.testing.Fault.Direction;
import dev.imap4.testing.FaultProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network faults between the client and GreenMail, injected by a {@link FaultProxy} on the first
 * connection only: each must end that connection with an abort or protocol error (never a hang,
 * never a wrong result, no spool file left), and a new connection through the same proxy must then
 * work normally.
 */
@Timeout(60)
class FaultRecoveryTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    private static final String BODY = "line\r\n".repeat(2000);

    @TempDir
    Path spool;

    @BeforeEach
    void deliver() {
        GreenMailUser joe = MAIL.setUser("joe@example.org", "joe", "secret");
        joe.deliver(GreenMailUtil.createTextEmail("joe@example.org", "ann@example.org", "fault", BODY,
                MAIL.getImap().getServerSetup()));
    }

    private ImapClient connect(FaultProxy proxy) {
        Imap4Options options = Imap4Options.defaults().withReadTimeout(Duration.ofSeconds(2))
                .withConnectTimeout(Duration.ofSeconds(5)).withSpoolDirectory(spool).withLiteralMemoryThreshold(1024);
        ImapClient c = new Imap4("127.0.0.1", proxy.port(), options).client();
        c.login("joe", "secret");
        c.select("INBOX");
        return c;
    }

    private static List<String> fetchBodies(ImapClient c) {
        List<String> bodies = new ArrayList<>();
        c.uidFetch(NumberSet.uidRange(1, NumberSet.STAR), FetchItems.of().withBody(),
                m -> bodies.add(m.message().asString(java.nio.charset.StandardCharsets.US_ASCII)));
        return bodies;
    }

    /** The faulty first connection fails as {@code expected}; a second one fetches the message whole. */
    private <T extends Imap4AbortException> T failsThenRecovers(Fault fault, Class<T> expected) throws IOException {
        try (FaultProxy proxy = FaultProxy.firstConnection("127.0.0.1", MAIL.getImap().getPort(), fault)) {
            ImapClient first = connect(proxy);
            T e = assertThrows(expected, () -> fetchBodies(first));
            assertFalse(first.isConnected(), "the broken connection is discarded");
            assertThrows(Imap4AbortException.class, first::noop, "and stays unusable");
            assertEquals(1, proxy.faultsFired());
            assertEquals(List.of(), spoolFiles());
            ImapClient second = connect(proxy);
            List<String> bodies = fetchBodies(second);
            assertEquals(1, bodies.size());
            assertTrue(bodies.get(0).endsWith(BODY), "the next connection reads the message whole");
            second.logout();
            assertEquals(2, proxy.connections());
            return e;
        }
    }

    @Test
    void aStalledServerTimesOutAndTheNextConnectionWorks() throws IOException {
        Imap4AbortException e = failsThenRecovers(Fault.stallOn(Direction.TO_CLIENT, "BODY[]"), Imap4AbortException.class);
        assertTrue(e.getMessage().startsWith("read timed out"), e.getMessage());
    }

    @Test
    void aTruncatedLiteralAbortsAndTheNextConnectionWorks() throws IOException {
        Imap4AbortException e = failsThenRecovers(Fault.truncateLiteral(5000), Imap4AbortException.class);
        assertTrue(e.getMessage().contains("literal bytes still expected"), e.getMessage());
    }

    @Test
    void aCorruptedResponseIsAProtocolErrorAndTheNextConnectionWorks() throws IOException {
        ImapProtocolException e = failsThenRecovers(Fault.corruptOn(Direction.TO_CLIENT, "FETCH (", '<'),
                ImapProtocolException.class);
        assertTrue(e.getMessage().contains("in msg-att:"), e.getMessage());
    }

    @Test
    void aCorruptedLiteralCountIsCaughtAndTheNextConnectionWorks() throws IOException {
        // the body is some 12 KB: "{12...}" becomes "{02...}", so the response goes on inside the message
        ImapProtocolException e = failsThenRecovers(Fault.corruptOn(Direction.TO_CLIENT, "BODY[] {1", '0'),
                ImapProtocolException.class);
        assertTrue(e.getMessage().contains("in literal:"), e.getMessage());
    }

    @Test
    void aByeInTheMiddleOfACommandAbortsAndTheNextConnectionWorks() throws IOException {
        Imap4AbortException e = failsThenRecovers(Fault.byeOn("UID FETCH"), Imap4AbortException.class);
        assertTrue(e.getMessage().contains("BYE"), e.getMessage());
    }

    @Test
    void aConnectionDroppedMidResponseAbortsAndTheNextConnectionWorks() throws IOException {
        Imap4AbortException e = failsThenRecovers(Fault.cutOn(Direction.TO_CLIENT, "BODY[]"), Imap4AbortException.class);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    private List<Path> spoolFiles() throws IOException {
        try (Stream<Path> s = Files.list(spool)) {
            return s.toList();
        }
    }
}
