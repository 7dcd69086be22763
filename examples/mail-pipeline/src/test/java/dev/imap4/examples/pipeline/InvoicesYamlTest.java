package dev.imap4.examples.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imap4.camel.Imap4Component;
import dev.imap4.camel.Imap4Configuration;
import dev.imap4.camel.Imap4Security;
import dev.imap4.client.ImapClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * invoices.camel.yaml, the ten-line invoice pipeline, against the demo server: every PDF attachment
 * is written, byte for byte, and every message it read ends in Done.
 */
class InvoicesYamlTest {

    @TempDir
    Path invoices;

    @Test
    @Timeout(120)
    void savesEveryPdfAndMovesTheMailToDone() throws Exception {
        try (DemoMailServer server = new DemoMailServer(); DefaultCamelContext context = new DefaultCamelContext()) {
            long unseen = new DemoMailbox().unseen();
            Properties p = new Properties();
            p.put("imap.host", "127.0.0.1");
            p.put("imap.port", String.valueOf(server.port()));
            p.put("invoices.dir", invoices.toString());
            context.getPropertiesComponent().setInitialProperties(p);
            // what application.properties sets with camel.component.imap4.* under Camel Main
            Imap4Configuration imap = context.getComponent("imap4", Imap4Component.class).getConfiguration();
            imap.setSecurity(Imap4Security.PLAIN); // the demo server: loopback, no TLS
            imap.setUsername(DemoMailServer.USER);
            imap.setPassword(server.password());
            imap.setCreateMissingFolders(true);
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    PluginHelper.getResourceLoader(context).resolveResource("classpath:invoices.camel.yaml"));
            context.start();

            try (ImapClient c = server.login()) {
                long deadline = System.currentTimeMillis() + 60_000;
                while (done(c) < unseen && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                }
                assertEquals(unseen, done(c), "every unseen message moved to Done");
            }
            context.stop();

            Map<String, byte[]> expected = new TreeMap<>();
            new DemoMailbox().attachments().forEach((name, bytes) -> {
                if (name.endsWith(".pdf")) {
                    expected.put(name, bytes);
                }
            });
            TreeSet<String> written = new TreeSet<>();
            try (Stream<Path> files = Files.list(invoices)) {
                files.forEach(f -> written.add(f.getFileName().toString()));
            }
            assertEquals(expected.keySet(), written);
            for (Map.Entry<String, byte[]> e : expected.entrySet()) {
                assertArrayEquals(e.getValue(), Files.readAllBytes(invoices.resolve(e.getKey())), e.getKey());
            }
        }
    }

    private static long done(ImapClient c) {
        try {
            return c.status("Done", "MESSAGES").messages();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
