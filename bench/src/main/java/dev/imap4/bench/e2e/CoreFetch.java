package dev.imap4.bench.e2e;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.Imap4Ssl;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.NumberSet;
import java.io.InputStream;

/**
 * The typed core: one streamed {@code uidFetch} of {@code BODY.PEEK[]} over 1:*, every byte read;
 * over implicit TLS ({@link Imap4Ssl}) with a context trusting the server's certificate.
 */
final class CoreFetch {

    private CoreFetch() {
    }

    static Timing.Outcome fetchAll(Server server, String folder, boolean tls) throws Exception {
        Imap4 imap;
        if (tls) {
            Imap4Ssl ssl = new Imap4Ssl(server.host(), server.tlsPort(),
                    Imap4Options.defaults().withSslContext(server.sslContext()));
            Tls.note("fetch-core-tls", ssl.ssl().getSession());
            imap = ssl;
        } else {
            imap = new Imap4(server.host(), server.port());
        }
        ImapClient client = imap.client();
        try {
            client.login(server.user(), server.password());
            long[] counts = readFolder(client, folder);
            client.logout();
            return new Timing.Outcome(counts[0], counts[1]);
        } finally {
            client.close();
        }
    }

    /** Selects {@code folder} and reads every message's body to its end; returns {messages, bytes}. */
    static long[] readFolder(ImapClient client, String folder) throws Exception {
        client.select(folder);
        long[] counts = new long[2];
        byte[] scratch = new byte[64 * 1024];
        client.uidFetch(NumberSet.uidRange(1, NumberSet.STAR), FetchItems.of().withBody(), m -> {
            try (InputStream body = m.message().openStream()) {
                int n;
                while ((n = body.read(scratch)) > 0) {
                    counts[1] += n;
                }
            }
            counts[0]++;
        });
        return counts;
    }
}
