package dev.imap4.client.scripted;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapClient;
import java.time.Duration;

/** The typed client on a {@link ScriptedServer}: the greeting, the connection and the end of a transcript test. */
public final class ScriptedClientTestSupport {

    /** Default options with a read timeout that ends a stuck test. */
    public static final Imap4Options OPTIONS = Imap4Options.defaults().withReadTimeout(Duration.ofSeconds(10));

    private ScriptedClientTestSupport() {
    }

    /** A PREAUTH greeting announcing IMAP4rev1 and {@code caps}. */
    public static String preauth(String caps) {
        return "S: * PREAUTH [CAPABILITY IMAP4rev1 " + caps + "] ready\n";
    }

    /** The typed client connected to {@code server}. */
    public static ImapClient connect(ScriptedServer server) {
        return new Imap4("127.0.0.1", server.port(), OPTIONS).client();
    }

    /** Closes {@code c} and checks that the server saw the whole transcript. */
    public static void done(ImapClient c, ScriptedServer server) {
        c.shutdown();
        server.verify();
    }
}
