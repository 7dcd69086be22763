package dev.imap4.examples.cookbook;

import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.Main;

/**
 * Starts the demo server and a Camel Main application with one route per recipe, runs each recipe
 * once in order, and stops. A recipe that fails ends the program with an error.
 */
public final class CookbookApp {

    private static final List<String> RECIPES = List.of("append-reports", "archive-old-mail",
            "copy-folder-tree", "flag-invoices", "report-quotas", "extension-command", "folder-overview");

    private CookbookApp() {
    }

    public static void main(String[] args) throws Exception {
        try (DemoMailServer server = new DemoMailServer()) {
            Main main = new Main();
            for (RoutesBuilder recipe : List.of(new EnsureFolder(), new AppendReports(), new ArchiveOldMail(),
                    new CopyFolderTree(), new FlagInvoices(), new ReportQuotas(), new ExtensionCommand(),
                    new FolderOverview())) {
                main.configure().addRoutesBuilder(recipe);
            }
            main.addOverrideProperty("imap.port", String.valueOf(server.port()));
            main.addOverrideProperty("imap.password", server.password());
            main.start();
            try {
                ProducerTemplate template = main.getCamelTemplate();
                for (String recipe : RECIPES) {
                    template.requestBody("direct:" + recipe, (Object) null);
                }
            } finally {
                main.stop();
            }
        }
    }
}
