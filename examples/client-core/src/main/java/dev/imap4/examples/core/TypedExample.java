package dev.imap4.examples.core;

import dev.imap4.client.Imap4;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.Address;
import dev.imap4.client.types.Envelope;
import dev.imap4.client.types.MailboxState;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.SearchResult;

/**
 * The same session with the typed API: results are records, searches return UIDs, and one UID FETCH
 * streams the messages to a handler as they arrive instead of one command per message. Fetching
 * uses BODY.PEEK, so nothing is marked as read.
 */
final class TypedExample {

    private TypedExample() {
    }

    static void run(String host, int port, String user, String password) {
        try (ImapClient client = new Imap4(host, port).client()) {
            client.login(user, password);
            MailboxState inbox = client.select("INBOX");
            System.out.printf("%s: %d messages, UIDVALIDITY %d%n", inbox.name(), inbox.exists(), inbox.uidValidity());

            SearchResult all = client.uidSearch("ALL");
            SearchResult invoices = client.uidSearch("FROM \"billing@example.com\" SUBJECT invoice");
            System.out.printf("UIDs of all messages: %s, of invoices: %s%n", all.numbers(), invoices.numbers());
            if (all.numbers().isEmpty()) {
                return;
            }

            FetchItems items = FetchItems.of().withFlags().withEnvelope().withBody();
            int fetched = client.uidFetch(NumberSet.uids(all.numbers()), items, message -> {
                Envelope envelope = message.envelope();
                String from = envelope.from().stream().map(Address::email).findFirst().orElse("?");
                System.out.printf("UID %d  %-30s from %-22s %d bytes, flags %s%n", message.uid(),
                        envelope.decodedSubject(), from, message.message().size(), message.flags());
            });
            System.out.printf("%d messages fetched in one UID FETCH%n", fetched);
        }
    }
}
