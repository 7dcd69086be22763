package dev.imap4.examples.cookbook;

import static dev.imap4.camel.Imap4Constants.ARGUMENTS;
import static dev.imap4.camel.Imap4Constants.COMMAND;
import static dev.imap4.camel.Imap4Constants.FOLDER;

import java.util.List;

/** Flags every unflagged invoice in INBOX in one command: UID SEARCH, then UID STORE +FLAGS. */
class FlagInvoices extends Recipe {

    @Override
    public void configure() {
        from("direct:flag-invoices").routeId("flag-invoices")
                .setHeader(COMMAND, constant("UID SEARCH"))
                .setHeader(FOLDER, constant("INBOX"))
                .setHeader(ARGUMENTS, constant(List.of("FROM", "billing@example.com", "UNFLAGGED")))
                .to(IMAP)
                .choice()
                    .when(simple("${body.isEmpty()}"))
                        .log(INFO, LOG, "${routeId}: no unflagged invoices")
                    .otherwise()
                        .setProperty("uids", fn(Recipe::uidSet))
                        .setHeader(COMMAND, constant("UID STORE"))
                        .setHeader(ARGUMENTS, fn(e -> List.of(e.getProperty("uids"), "+FLAGS", "(\\Flagged $Invoice)")))
                        .to(IMAP)
                        .log(INFO, LOG, "${routeId}: flagged UIDs ${exchangeProperty.uids}; the server now reports"
                                + " ${body.updates().size()} messages with new flags")
                .end();
    }
}
