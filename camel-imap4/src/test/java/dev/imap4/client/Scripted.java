package dev.imap4.client;

import dev.imap4.client.scripted.ScriptedServer;
import java.time.Duration;

/** Connections to a {@link ScriptedServer} with timeouts short enough that no test can hang. */
final class Scripted {

    /** Default options, with a read timeout that ends a stuck test. */
    static final Imap4Options OPTIONS = Imap4Options.defaults()
            .withReadTimeout(Duration.ofSeconds(10))
            .withConnectTimeout(Duration.ofSeconds(10));

    /** A greeting that leaves the client in NONAUTH with IMAP4rev1 capabilities. */
    static final String GREETING = "S: * OK [CAPABILITY IMAP4rev1] server ready\n";

    /** A greeting that puts the client straight into AUTH. */
    static final String PREAUTH = "S: * PREAUTH [CAPABILITY IMAP4rev1] server ready\n";

    /** PREAUTH, then a SELECT INBOX that leaves the client in SELECTED (writable). */
    static final String SELECTED = PREAUTH + """
            C: {tag} SELECT INBOX
            S: * 3 EXISTS
            S: {tag} OK [READ-WRITE] SELECT completed
            """;

    private Scripted() {
    }

    static Imap4 connect(ScriptedServer server) {
        return new Imap4("127.0.0.1", server.port(), OPTIONS);
    }

    static Imap4 connect(ScriptedServer server, Imap4Options options) {
        return new Imap4("127.0.0.1", server.port(), options);
    }

    /** A connection in the SELECTED state (the transcript starts with {@link #SELECTED}). */
    static Imap4 selected(ScriptedServer server) {
        Imap4 m = connect(server);
        m.select();
        return m;
    }
}
