package dev.imap4.examples.cookbook;

import static dev.imap4.camel.Imap4Constants.ARGUMENTS;
import static dev.imap4.camel.Imap4Constants.COMMAND;
import static dev.imap4.camel.Imap4Constants.FOLDER;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Moves INBOX mail received more than 30 days ago to Archive: UID SEARCH BEFORE, then UID MOVE. */
class ArchiveOldMail extends Recipe {

    /** RFC 3501 date: 5-Nov-2026. */
    private static final DateTimeFormatter IMAP_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

    @Override
    public void configure() {
        from("direct:archive-old-mail").routeId("archive-old-mail")
                .setBody(constant("Archive")).to("direct:ensure-folder")
                .setProperty("cutoff", fn(e -> LocalDate.now(ZoneOffset.UTC).minusDays(30).format(IMAP_DATE)))
                .setHeader(COMMAND, constant("UID SEARCH"))
                .setHeader(FOLDER, constant("INBOX"))
                .setHeader(ARGUMENTS, fn(e -> List.of("BEFORE", e.getProperty("cutoff"))))
                .to(IMAP)
                .choice()
                    .when(simple("${body.isEmpty()}"))
                        .log(INFO, LOG, "${routeId}: nothing in INBOX received before ${exchangeProperty.cutoff}")
                    .otherwise()
                        .setHeader(COMMAND, constant("UID MOVE"))
                        .setHeader(ARGUMENTS, fn(e -> List.of(uidSet(e), "Archive")))
                        .to(IMAP)
                        .log(INFO, LOG, "${routeId}: moved ${body.mapping().size()} messages received before"
                                + " ${exchangeProperty.cutoff} to Archive (INBOX UID=Archive UID: ${body.mapping()})")
                .end();
    }
}
