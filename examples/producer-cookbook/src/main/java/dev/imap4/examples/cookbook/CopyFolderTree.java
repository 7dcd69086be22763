package dev.imap4.examples.cookbook;

import static dev.imap4.camel.Imap4Constants.ARGUMENTS;
import static dev.imap4.camel.Imap4Constants.COMMAND;
import static dev.imap4.camel.Imap4Constants.FOLDER;

import dev.imap4.client.types.ListEntry;
import java.util.Comparator;
import java.util.List;

/**
 * Copies the Projects folder tree under Backup: LIST finds the folders, then per folder CREATE the
 * copy and UID COPY its messages. Backup and each parent are created before their children.
 */
class CopyFolderTree extends Recipe {

    @Override
    public void configure() {
        from("direct:copy-folder-tree").routeId("copy-folder-tree")
                .setBody(constant("Backup")).to("direct:ensure-folder")
                .setHeader(COMMAND, constant("LIST"))
                .setHeader(ARGUMENTS, constant(List.of("", "Projects*")))
                .to(IMAP)
                .setBody(fn(e -> sortedByName(bodyList(e))))
                .split(body())
                    .setProperty("source", simple("${body.name()}"))
                    .setProperty("selectable", simple("${body.isSelectable()}"))
                    .setProperty("target", fn(e -> backupName(e.getMessage().getBody(ListEntry.class))))
                    .setBody(exchangeProperty("target")).to("direct:ensure-folder")
                    .filter(exchangeProperty("selectable"))
                        .setHeader(COMMAND, constant("UID SEARCH"))
                        .setHeader(FOLDER, exchangeProperty("source"))
                        .setHeader(ARGUMENTS, constant("ALL"))
                        .to(IMAP)
                        .filter(simple("${body.size()} > 0"))
                            .setHeader(COMMAND, constant("UID COPY"))
                            .setHeader(ARGUMENTS, fn(e -> List.of(uidSet(e), e.getProperty("target"))))
                            .to(IMAP)
                            .log(INFO, LOG, "${routeId}: copied ${body.mapping().size()} messages from"
                                    + " ${exchangeProperty.source} to ${exchangeProperty.target}")
                        .end()
                    .end()
                .end();
    }

    private static List<ListEntry> sortedByName(List<ListEntry> folders) {
        return folders.stream().sorted(Comparator.comparing(ListEntry::name)).toList();
    }

    /** Backup/Projects/Alpha with the server's own hierarchy delimiter; a flat name when it has none. */
    private static String backupName(ListEntry folder) {
        String delimiter = folder.delimiter() == null ? " " : folder.delimiter();
        return "Backup" + delimiter + folder.name();
    }
}
