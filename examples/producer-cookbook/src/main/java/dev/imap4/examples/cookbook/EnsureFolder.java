package dev.imap4.examples.cookbook;

import static dev.imap4.camel.Imap4Constants.ARGUMENTS;
import static dev.imap4.camel.Imap4Constants.COMMAND;

import java.util.List;

/**
 * Creates the folder named in the body unless LIST finds it, so recipes can be re-run against the
 * same account. Arguments are given as a List: a folder name with spaces stays one argument.
 */
class EnsureFolder extends Recipe {

    @Override
    public void configure() {
        from("direct:ensure-folder").routeId("ensure-folder")
                .setProperty("folder", body())
                .setHeader(COMMAND, constant("LIST"))
                .setHeader(ARGUMENTS, fn(e -> List.of("", e.getProperty("folder"))))
                .to(IMAP)
                .filter(simple("${body.isEmpty()}"))
                    .setHeader(COMMAND, constant("CREATE"))
                    .setHeader(ARGUMENTS, fn(e -> List.of(e.getProperty("folder"))))
                    .to(IMAP)
                    .log(INFO, LOG, "${routeId}: created ${exchangeProperty.folder}")
                .end()
                .setBody(exchangeProperty("folder"));
    }
}
