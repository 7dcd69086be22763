package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The imap4-source and imap4-sink Kamelets, loaded from the component's jar by Camel's default
 * Kamelet location, in a YAML route against GreenMail.
 */
@Timeout(120)
class Imap4KameletTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    /** URI metacharacters and RAW() syntax: the password must reach LOGIN as it is. */
    private static final String PASSWORD = "s3cr&t+pa%20ss#?=RAW(x) )";

    private CamelContext context;
    private GreenMailUser user;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream savedErr;

    @BeforeEach
    void account() throws Exception {
        user = MAIL.setUser("joe@example.org", "joe", PASSWORD);
        MAIL.getManagers().getImapHostManager().createMailbox(user, "Archive");
    }

    private void start(String routes) throws Exception {
        start(routes, PASSWORD);
    }

    private void start(String routes, String password) throws Exception {
        savedErr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        context = new DefaultCamelContext();
        Properties p = new Properties();
        p.setProperty("imap.host", "127.0.0.1");
        p.setProperty("imap.port", String.valueOf(MAIL.getImap().getPort()));
        p.setProperty("imap.security", "PLAIN");
        p.setProperty("imap.username", "joe");
        p.setProperty("imap.password", password);
        context.getPropertiesComponent().setInitialProperties(p);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context, routes));
        context.start();
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        if (savedErr != null) {
            System.setErr(savedErr);
        }
    }

    private MailFolder folder(String name) throws Exception {
        return MAIL.getManagers().getImapHostManager().getFolder(user, name);
    }

    private static List<String> messageIds(MailFolder folder) throws Exception {
        List<String> ids = new ArrayList<>();
        for (StoredMessage m : folder.getMessages()) {
            ids.add(m.getMimeMessage().getMessageID());
        }
        return ids;
    }

    @Test
    void aYamlRouteFromSourceToSinkAppendsEveryMessageExactlyOnce() throws Exception {
        int count = 30;
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < count; i++) {
            var message = GreenMailUtil.createTextEmail("joe@example.org", "ann@example.org", "Report " + i,
                    "Body of report " + i + "\r\n", MAIL.getImap().getServerSetup());
            message.saveChanges();
            sent.add(message.getMessageID());
            user.deliver(message);
        }
        assertEquals(count, sent.size());
        start("classpath:kamelet-routes/archive.camel.yaml");

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (folder("Archive").getMessageCount() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        // let the source poll a few more times (delay=100 ms): nothing may be appended again
        Thread.sleep(1500);
        context.getRouteController().stopRoute("archive");

        List<String> archived = messageIds(folder("Archive"));
        assertEquals(count, archived.size(), "messages in Archive");
        assertEquals(sent, new HashSet<>(archived), "each message once, none twice");
        for (StoredMessage m : folder("Archive").getMessages()) {
            assertTrue(m.getFlags().contains("$Archived"), "the sink's flags are set");
        }
        for (StoredMessage m : folder("INBOX").getMessages()) {
            assertTrue(m.getFlags().contains(Flags.Flag.SEEN), "the source marks what it consumed as seen");
        }
        assertEquals(count, folder("INBOX").getMessageCount(), "the source leaves the originals in place");
    }

    @Test
    void aRejectedPasswordIsLoggedAsAFailureButNeverShown() throws Exception {
        String wrong = PASSWORD + "-wr0ng";
        start("classpath:kamelet-routes/archive.camel.yaml", wrong);
        user.deliver(GreenMailUtil.createTextEmail("joe@example.org", "ann@example.org", "One", "one\r\n",
                MAIL.getImap().getServerSetup()));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!log.toString(StandardCharsets.UTF_8).contains("LOGIN failed") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        context.stop();
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("LOGIN failed"), "the failed poll is logged: " + logged);
        assertFalse(logged.contains("s3cr"), "the log shows the password: " + logged);
        for (Endpoint e : context.getEndpoints()) {
            assertFalse(e.toString().contains("s3cr"), "endpoint shown as " + e);
        }
        assertEquals(0, folder("Archive").getMessageCount());
    }

    @Test
    void theSinkAppendsAndNothingElseWhateverTheHeadersSay() throws Exception {
        start("classpath:kamelet-routes/sink.camel.yaml");
        user.deliver(GreenMailUtil.createTextEmail("joe@example.org", "ann@example.org", "Keep me", "keep\r\n",
                MAIL.getImap().getServerSetup()));
        String message = "From: bob@example.net\r\nTo: joe@example.org\r\nSubject: Appended\r\n"
                + "Message-ID: <appended@example.net>\r\n\r\nHello\r\n";
        ProducerTemplate template = context.createProducerTemplate();
        template.sendBodyAndHeaders("direct:in", message.getBytes(StandardCharsets.US_ASCII), Map.of(
                "camelimap4command", "DELETE", // any case: Camel's headers are case-insensitive
                Imap4Constants.ARGUMENTS, "INBOX",
                Imap4Constants.FOLDER, "INBOX",
                Imap4Constants.FLAGS, "\\Deleted"));

        assertEquals(List.of("<appended@example.net>"), messageIds(folder("Archive")));
        assertFalse(folder("Archive").getMessages().get(0).getFlags().contains(Flags.Flag.DELETED));
        assertEquals(1, folder("INBOX").getMessageCount(), "INBOX untouched");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theKameletsFollowTheCatalogFormatAndNameThisVersion() throws Exception {
        String version;
        try (var in = getClass().getClassLoader().getResourceAsStream("META-INF/dev/imap4/camel/imap4.json")) {
            var json = (org.apache.camel.util.json.JsonObject) org.apache.camel.util.json.Jsoner.deserialize(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            version = ((Map<String, Object>) json.get("component")).get("version").toString();
        }
        for (String name : List.of("imap4-source", "imap4-sink")) {
            String text;
            try (var in = getClass().getClassLoader().getResourceAsStream("kamelets/" + name + ".kamelet.yaml")) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, Object> k = (Map<String, Object>) new org.snakeyaml.engine.v2.api.Load(
                    org.snakeyaml.engine.v2.api.LoadSettings.builder().build()).loadFromString(text);
            assertEquals("Kamelet", k.get("kind"));
            Map<String, Object> metadata = (Map<String, Object>) k.get("metadata");
            assertEquals(name, metadata.get("name"));
            assertEquals(name.substring("imap4-".length()),
                    ((Map<String, Object>) metadata.get("labels")).get("camel.apache.org/kamelet.type"));
            assertEquals(version, ((Map<String, Object>) metadata.get("annotations")).get("camel.apache.org/catalog.version"));
            Map<String, Object> spec = (Map<String, Object>) k.get("spec");
            assertTrue(((List<String>) spec.get("dependencies")).contains("mvn:dev.imap4:camel-imap4:" + version),
                    name + " depends on this version of the component");
            Map<String, Object> definition = (Map<String, Object>) spec.get("definition");
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) definition.get("properties");
            assertTrue(properties.keySet().containsAll((List<String>) definition.get("required")), name);
            properties.forEach((property, p) -> {
                for (String field : List.of("title", "description", "type")) {
                    assertTrue(p.get(field) != null && !p.get(field).toString().isBlank(), name + "." + property + " " + field);
                }
            });
            assertEquals("password", properties.get("password").get("format"), name + ": the password is a secret");
            // every placeholder in the template is a property of the Kamelet
            var placeholder = java.util.regex.Pattern.compile("\\{\\{\\??([A-Za-z]+)}}").matcher(
                    text.substring(text.indexOf("  template:")));
            while (placeholder.find()) {
                assertTrue(properties.containsKey(placeholder.group(1)), name + ": {{" + placeholder.group(1) + "}}");
            }
        }
    }
}
