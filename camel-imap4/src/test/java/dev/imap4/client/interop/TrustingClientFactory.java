package dev.imap4.client.interop;

import dev.imap4.camel.Imap4ClientFactory;
import dev.imap4.camel.Imap4Configuration;
import dev.imap4.client.Imap4Options;
import org.apache.camel.CamelContext;

/**
 * The production client factory, trusting the throwaway server's certificate (through a trust
 * store; certificates and host names are still verified). Set it on the imap4 component.
 */
public final class TrustingClientFactory extends Imap4ClientFactory {

    private final ImapServer server;

    public TrustingClientFactory(ImapServer server) {
        this.server = server;
    }

    @Override
    protected Imap4Options options(Imap4Configuration config, CamelContext context) throws Exception {
        Imap4Options options = super.options(config, context);
        // a stream server has no TLS: its connections are child processes
        return server.isStream() ? options : options.withSslContext(server.sslContext());
    }
}
