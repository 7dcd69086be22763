package dev.imap4.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

/**
 * docs/imap4-component.adoc holds the option and header tables generated from the component JSON,
 * between marker comments. This test fails when they drift; run it with
 * {@code -Dimap4.docs.update=true} to rewrite them.
 */
class ComponentDocsTest {

    private static final Path JSON = Path.of("src/generated/resources/META-INF/dev/imap4/camel/imap4.json");
    private static final Path ADOC = Path.of("../docs/imap4-component.adoc");

    @Test
    void optionAndHeaderTablesMatchTheComponentJson() throws Exception {
        JsonObject json = (JsonObject) Jsoner.deserialize(Files.readString(JSON, StandardCharsets.UTF_8));
        String doc = Files.readString(ADOC, StandardCharsets.UTF_8);
        String updated = replace(doc, "component-options", table(json.getMap("componentProperties"), false));
        updated = replace(updated, "endpoint-options", table(json.getMap("properties"), false));
        updated = replace(updated, "headers", table(json.getMap("headers"), true));
        if (Boolean.getBoolean("imap4.docs.update")) {
            Files.writeString(ADOC, updated, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(updated, doc, "docs/imap4-component.adoc is out of date: run this test with"
                + " -Dimap4.docs.update=true");
    }

    @Test
    void everyOptionAndHeaderIsDocumented() throws Exception {
        JsonObject json = (JsonObject) Jsoner.deserialize(Files.readString(JSON, StandardCharsets.UTF_8));
        String doc = Files.readString(ADOC, StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (String group : List.of("componentProperties", "properties", "headers")) {
            for (Object name : json.getMap(group).keySet()) {
                if (!doc.contains("| " + name + " |") && !doc.contains("*" + name + "*")) {
                    missing.add(group + ": " + name);
                }
            }
        }
        assertTrue(missing.isEmpty(), "undocumented: " + missing);
    }

    private static String table(Map<?, ?> entries, boolean headers) {
        StringBuilder sb = new StringBuilder();
        sb.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n");
        sb.append(headers ? "| Name | Description | Default | Type\n" : "| Name | Description | Default | Type\n");
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            Map<?, ?> o = (Map<?, ?>) e.getValue();
            String label = String.valueOf(o.get(headers ? "label" : "group"));
            String description = String.valueOf(o.get("description")).replace("|", "\\|");
            Object def = o.get("defaultValue");
            String type = headers ? String.valueOf(o.get("javaType")) : String.valueOf(o.get("type"));
            sb.append("| *").append(e.getKey()).append("* (").append(label.isEmpty() ? "common" : label).append(") | ")
                    .append(description).append(" | ").append(def == null ? "" : def).append(" | ").append(type)
                    .append('\n');
        }
        sb.append("|===\n");
        return sb.toString();
    }

    private static String replace(String doc, String name, String content) throws IOException {
        String start = "// " + name + ": START\n";
        String end = "// " + name + ": END";
        int a = doc.indexOf(start);
        int b = doc.indexOf(end);
        if (a < 0 || b < a) {
            throw new IOException("docs/imap4-component.adoc lacks the markers for " + name);
        }
        return doc.substring(0, a + start.length()) + content + doc.substring(b);
    }
}
