package dev.imap4.client;

import dev.imap4.client.internal.transport.DeflateTransport;
import dev.imap4.client.internal.transport.ProcessTransport;
import dev.imap4.client.Transport;
import java.io.IOException;

/**
 * imaplib's {@code IMAP4_stream}: IMAP over the stdin/stdout of a child process started from a
 * command line (for example a server's preauthenticated {@code imap} binary). A PREAUTH greeting
 * puts the connection straight into the AUTH state. The child is ended on logout or close.
 */
public class Imap4Stream extends Imap4 {

    private final String command;

    public Imap4Stream(String command) {
        this(command, Imap4Options.defaults());
    }

    public Imap4Stream(String command, Imap4Options options) {
        super(options);
        this.command = command;
        connect(null, 0);
    }

    @Override
    protected Transport openTransport(String host, int port) throws IOException {
        return ProcessTransport.start(command, options.readTimeout(), line -> {
            if (engine != null) {
                engine.trace().message(1, "stderr: " + line);
            }
        });
    }

    @Override
    protected String describe() {
        return "stream";
    }

    /** The command line this connection runs. */
    public String command() {
        return command;
    }

    /** The child process. */
    public Process process() {
        return ((ProcessTransport) DeflateTransport.unwrap(engine.transport())).process();
    }
}
