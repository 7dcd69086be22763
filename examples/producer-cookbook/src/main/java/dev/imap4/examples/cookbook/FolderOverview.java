package dev.imap4.examples.cookbook;

import static dev.imap4.camel.Imap4Constants.ARGUMENTS;
import static dev.imap4.camel.Imap4Constants.COMMAND;

import dev.imap4.client.types.ListEntry;
import java.util.Comparator;
import java.util.List;

/** Shows every folder with its message counts: LIST, then STATUS per selectable folder. */
class FolderOverview extends Recipe {

    @Override
    public void configure() {
        from("direct:folder-overview").routeId("folder-overview")
                .setHeader(COMMAND, constant("LIST"))
                .setHeader(ARGUMENTS, constant(List.of("", "*")))
                .to(IMAP)
                .setBody(fn(e -> selectable(bodyList(e))))
                .split(body())
                    .setProperty("folder", body())
                    .setHeader(COMMAND, constant("STATUS"))
                    .setHeader(ARGUMENTS, fn(e -> List.of(e.getProperty("folder"), "(MESSAGES UNSEEN)")))
                    .to(IMAP)
                    .log(INFO, LOG, "${routeId}: ${exchangeProperty.folder}: ${body.messages()} messages,"
                            + " ${body.unseen()} unseen")
                .end();
    }

    private static List<String> selectable(List<ListEntry> folders) {
        return folders.stream().filter(ListEntry::isSelectable).map(ListEntry::name)
                .sorted(Comparator.naturalOrder()).toList();
    }
}
