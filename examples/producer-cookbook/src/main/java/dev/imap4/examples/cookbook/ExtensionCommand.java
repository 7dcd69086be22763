package dev.imap4.examples.cookbook;

import static dev.imap4.camel.Imap4Constants.ARGUMENTS;
import static dev.imap4.camel.Imap4Constants.COMMAND;

import dev.imap4.client.Imap4CommandException;
import java.util.List;

/**
 * Sends an extension verb the component has no name for, here ID (RFC 2971). Such a verb is sent
 * raw, so the endpoint opts in with {@code allowRawCommands=true} (the producer refuses raw verbs
 * by default, and never sends one that changes the connection's state). Its arguments are
 * encoded like any other and the body holds the untagged answers. A server without the extension
 * answers BAD or NO, which arrives as an {@link Imap4CommandException}; the connection stays usable,
 * so the route notes it and carries on.
 */
class ExtensionCommand extends Recipe {

    @Override
    public void configure() {
        from("direct:extension-command").routeId("extension-command")
                .onException(Imap4CommandException.class).handled(true)
                    .log(INFO, LOG, "${routeId}: the server answered ${exception.status()} to ID"
                            + " (\"${exception.text()}\"); carrying on without it")
                .end()
                .setHeader(COMMAND, constant("ID"))
                .setHeader(ARGUMENTS, constant(List.of("(\"name\" \"camel-imap4 cookbook\")")))
                .to(IMAP + "?allowRawCommands=true")
                .log(INFO, LOG, "${routeId}: the server identifies itself as ${body}");
    }
}
