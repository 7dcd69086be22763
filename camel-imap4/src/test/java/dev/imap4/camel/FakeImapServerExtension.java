package dev.imap4.camel;

import java.io.IOException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The consumer tests' shared fixture: a fresh {@link FakeImapServer} for each test, closed after it,
 * and the endpoint URI that logs in to it as joe. Register it as an instance field:
 *
 * <pre>{@code
 * @RegisterExtension
 * final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS");
 * ...
 * from(fake.uri("onSuccess=NONE")).to("mock:out");
 * fake.server().add(message);
 * }</pre>
 *
 * The server is started before any {@code @BeforeEach} method of the test runs.
 */
final class FakeImapServerExtension implements BeforeEachCallback, AfterEachCallback {

    private final String capabilities;
    private final long delayMillis;
    private FakeImapServer server;

    /** A server announcing {@code capabilities} (besides IMAP4rev1), polled every 50 ms. */
    FakeImapServerExtension(String capabilities) {
        this(capabilities, 50);
    }

    /** A server announcing {@code capabilities}, polled every {@code delayMillis}; 0 keeps Camel's default delay. */
    FakeImapServerExtension(String capabilities, long delayMillis) {
        this.capabilities = capabilities;
        this.delayMillis = delayMillis;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server = new FakeImapServer(capabilities);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The server of the running test. */
    FakeImapServer server() {
        if (server == null) {
            throw new IllegalStateException("no fake server outside a test");
        }
        return server;
    }

    /** Closes the server and starts another announcing {@code newCapabilities}, on a new port. */
    FakeImapServer restart(String newCapabilities) throws IOException {
        server().close();
        server = new FakeImapServer(newCapabilities);
        return server;
    }

    /** Starts a new server on {@code port}, where a closed one listened: the server comes back. */
    FakeImapServer startOn(int port) throws IOException {
        server = new FakeImapServer(capabilities, port);
        return server;
    }

    /**
     * An endpoint URI on the server, user joe, first poll at once and then every 50 ms (or the delay
     * given to the constructor); {@code options} (a&b=c form, may be empty) are appended.
     */
    String uri(String options) {
        return "imap4:127.0.0.1:" + server().port() + "?security=PLAIN&username=joe&password=secret&initialDelay=0"
                + (delayMillis > 0 ? "&delay=" + delayMillis : "") + (options.isEmpty() ? "" : "&" + options);
    }
}
