package dev.imap4.camel.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.tooling.model.ComponentModel.ComponentOptionModel;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

/**
 * The starter's configuration class, converter and configuration metadata are generated from the
 * component's option model (StarterSources). This test fails when the committed files drift from
 * the model, for instance after an option was added to the component; run it with
 * {@code -Dimap4.starter.update=true} to rewrite them.
 */
class StarterSourcesTest {

    @Test
    void theCommittedSourcesAreTheGeneratedOnes() throws Exception {
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> f : StarterSources.fromClassPath().files().entrySet()) {
            Path path = Path.of(f.getKey());
            String committed = Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : null;
            if (f.getValue().equals(committed)) {
                continue;
            }
            if (Boolean.getBoolean("imap4.starter.update")) {
                Files.createDirectories(path.getParent());
                Files.writeString(path, f.getValue(), StandardCharsets.UTF_8);
            } else {
                stale.add(f.getKey());
            }
        }
        assertEquals(List.of(), stale, "out of date: run this test with -Dimap4.starter.update=true");
    }

    @Test
    void theMetadataDescribesEveryComponentOptionWithItsDefault() throws Exception {
        Map<String, JsonObject> byName = metadata();
        List<String> wrong = new ArrayList<>();
        for (ComponentOptionModel o : StarterSources.fromClassPath().options()) {
            String name = "camel.component.imap4." + StarterSources.kebab(o.getName());
            JsonObject p = byName.get(name);
            if (p == null) {
                wrong.add(name + ": missing");
                continue;
            }
            if (p.getString("description") == null || p.getString("description").isBlank()) {
                wrong.add(name + ": no description");
            }
            boolean modelHasDefault = o.getDefaultValue() != null && !o.getDefaultValue().toString().isEmpty();
            if (modelHasDefault != p.containsKey("defaultValue")) {
                wrong.add(name + ": default " + p.get("defaultValue") + ", model " + o.getDefaultValue());
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(byName.containsKey("camel.component.imap4.enabled"));
    }

    @Test
    void durationsTakeAUnitAndShowTheirDefaultWithOne() throws Exception {
        Map<String, JsonObject> byName = metadata();
        JsonObject idle = byName.get("camel.component.imap4.idle-interval");
        assertEquals("java.time.Duration", idle.getString("type"));
        assertEquals("25m", idle.getString("defaultValue"));
        assertEquals("30s", StarterSources.duration(30_000));
        assertEquals("1500ms", StarterSources.duration(1_500));
    }

    private static Map<String, JsonObject> metadata() throws IOException, org.apache.camel.util.json.DeserializationException {
        JsonObject json = (JsonObject) Jsoner.deserialize(Files.readString(Path.of(StarterSources.METADATA_PATH),
                StandardCharsets.UTF_8));
        Map<String, JsonObject> byName = new HashMap<>();
        for (Object o : (JsonArray) json.get("properties")) {
            JsonObject p = (JsonObject) o;
            byName.put(p.getString("name"), p);
        }
        return byName;
    }
}
