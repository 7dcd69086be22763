package dev.imap4.client.fuzz;

import dev.imap4.client.Imap4Exception;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapClient;
import dev.imap4.client.ImapData;
import dev.imap4.client.ImapResult;
import dev.imap4.client.Literal;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.StoreMode;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.ListEntry;
import dev.imap4.client.types.NumberSet;
import dev.imap4.testing.TransportImap4;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One client session against fuzzed server bytes: the greeting, then SELECT, UID FETCH of FLAGS,
 * ENVELOPE, BODYSTRUCTURE and BODY[] (every section byte read), LIST, UID SEARCH (ESEARCH when the
 * bytes advertise it), STATUS, UID STORE, UID COPY, APPEND, a raw FETCH and NOOP, through the real
 * engine with small limits. Every result is checked against the limits (sections spooled above the
 * memory threshold, nesting within the cap, raw lines within the line cap) and every failure against
 * {@link Verdict}; afterwards no spool file may be left behind.
 */
final class FuzzedSession {

    /** Small limits, so that short inputs can reach them. */
    static final Imap4Options LIMITS = Imap4Options.defaults()
            .withMaxLineLength(2048)
            .withLiteralMemoryThreshold(256)
            .withMaxNestingDepth(6)
            .withSpoolDirectory(spoolDirectory());

    private static final FetchItems ITEMS = FetchItems.of().withFlags().withEnvelope().withBodyStructure()
            .withBody().withModSeq().withInternalDate().withSize();
    private static final byte[] MESSAGE = "Subject: x\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Set<String> responseNames = ConcurrentHashMap.newKeySet();
    private TransportImap4 imap;
    private ImapClient client;

    private FuzzedSession() {
    }

    /**
     * Runs the session over {@code server}; throws {@link AssertionError} on a client bug. Returns how
     * many of its commands succeeded (-1 when the greeting already failed).
     */
    static int run(byte[] server) {
        return new FuzzedSession().play(new FuzzedServerTransport(server));
    }

    private int play(FuzzedServerTransport transport) {
        try {
            imap = new TransportImap4(transport, LIMITS, r -> responseNames.add(r.name()));
        } catch (Imap4Exception e) {
            Verdict.failure(e, !transport.isClosed());
            assertNoSpoolFiles();
            return -1;
        }
        client = imap.client();
        List<Runnable> steps = List.of(
                () -> client.select("INBOX"),
                () -> client.uidFetch(NumberSet.uidRange(1, NumberSet.STAR), ITEMS, this::consume),
                () -> client.list("", "*").forEach(FuzzedSession::inspect),
                () -> client.uidSearch("ALL").numbers(),
                () -> client.status("INBOX", "MESSAGES", "UIDNEXT", "UIDVALIDITY", "UNSEEN").messages(),
                () -> client.uidStore(NumberSet.uids(1, 2), StoreMode.ADD, false, List.of("\\Seen")),
                () -> client.uidCopy(NumberSet.uids(1), "Archive"),
                () -> client.append("INBOX", List.of("\\Seen"), null, MESSAGE),
                () -> rawFetch(),
                client::noop);
        int succeeded = 0;
        for (Runnable step : steps) {
            if (!client.isConnected()) {
                break;
            }
            try {
                step.run();
                succeeded++;
            } catch (RuntimeException e) {
                Verdict.failure(e, client.isConnected());
            }
        }
        client.shutdown();
        releaseKeptResponses();
        assertNoSpoolFiles();
        return succeeded;
    }

    private void consume(FetchResponse r) throws IOException {
        Verdict.fetch(r, LIMITS);
        for (Literal l : r.sections().values()) {
            long n = 0;
            try (InputStream in = l.openStream()) {
                byte[] buf = new byte[4096];
                for (int k = in.read(buf); k >= 0; k = in.read(buf)) {
                    n += k;
                }
            }
            if (n != l.size()) {
                throw new AssertionError("section stream gave " + n + " of " + l.size() + " bytes");
            }
        }
    }

    private static void inspect(ListEntry e) {
        e.isSelectable();
        e.specialUse();
    }

    private void rawFetch() {
        ImapResult r = imap.fetch("1", "(UID BODY[])");
        closeLiterals(r.data());
    }

    /** The raw API keeps unread untagged data, literals included, for {@code response()}: take and release it. */
    private void releaseKeptResponses() {
        for (String name : responseNames) {
            closeLiterals(imap.response(name).data());
        }
    }

    /**
     * Releases the literals of raw data, checking the line cap held: every line came from one response
     * line (a message number may stand in front), so none is longer than the cap.
     */
    private static void closeLiterals(List<ImapData> data) {
        for (ImapData d : data) {
            byte[] line = d instanceof ImapData.Line l ? l.bytes() : d instanceof ImapData.Pair p ? p.header() : null;
            if (line != null && line.length > LIMITS.maxLineLength() + 21) {
                throw new AssertionError("a line of " + line.length + " bytes passed a cap of " + LIMITS.maxLineLength());
            }
            if (d instanceof ImapData.Pair p) {
                p.literal().close();
            }
        }
    }

    private static void assertNoSpoolFiles() {
        try (Stream<Path> s = Files.list(LIMITS.spoolDirectory())) {
            List<Path> left = s.toList();
            if (!left.isEmpty()) {
                left.forEach(p -> p.toFile().delete());
                throw new AssertionError("spool files left behind: " + left);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path spoolDirectory() {
        try {
            Path dir = Files.createTempDirectory("imap4-fuzz-spool-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
