package dev.imap4.camel.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.ComponentModel.ComponentOptionModel;
import org.apache.camel.tooling.model.JsonMapper;

/**
 * Generates the starter's sources from the component's option model, the {@code imap4.json} that
 * camel-component-maven-plugin writes into the component's jar: the
 * {@code @ConfigurationProperties} class, the converter that turns {@code #bean:name} references
 * into beans, and the Spring Boot configuration metadata (IDE completion, with each option's
 * description and default). {@link StarterSourcesTest} checks the committed files against it.
 */
final class StarterSources {

    static final String MODEL = "META-INF/dev/imap4/camel/imap4.json";
    static final String PACKAGE = "dev.imap4.camel.springboot";
    static final String PREFIX = "camel.component.imap4";
    static final String CONFIGURATION = "Imap4ComponentConfiguration";
    static final String CONVERTER = "Imap4ComponentConverter";
    static final String CONFIGURATION_PATH = "src/main/java/dev/imap4/camel/springboot/" + CONFIGURATION + ".java";
    static final String CONVERTER_PATH = "src/main/java/dev/imap4/camel/springboot/" + CONVERTER + ".java";
    static final String METADATA_PATH = "src/main/resources/META-INF/spring-configuration-metadata.json";
    private static final String COMMON = "org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon";

    private final ComponentModel model;

    private StarterSources(ComponentModel model) {
        this.model = model;
    }

    /** The model of the component on the class path. */
    static StarterSources fromClassPath() throws IOException {
        try (InputStream in = StarterSources.class.getClassLoader().getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IOException(MODEL + " is not on the class path: build camel-imap4 first");
            }
            return new StarterSources(JsonMapper.generateComponentModel(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    List<ComponentOptionModel> options() {
        return model.getComponentOptions();
    }

    /** The generated files, keyed by their path in the starter module. */
    Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(CONFIGURATION_PATH, configurationClass());
        files.put(CONVERTER_PATH, converterClass());
        files.put(METADATA_PATH, metadata());
        return files;
    }

    // ---- the @ConfigurationProperties class

    private String configurationClass() {
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(PACKAGE).append(";\n\n");
        sb.append("import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;\n");
        sb.append("import org.springframework.boot.context.properties.ConfigurationProperties;\n\n");
        sb.append("/**\n");
        javadoc(sb, "", model.getDescription());
        sb.append(" *\n * <p>Every option of the imap4 component, bound from {@code ").append(PREFIX)
                .append(".*}. An option\n * the component does not have stops the application.\n");
        sb.append(" *\n * <p>Generated from the component's option model by StarterSources: do not edit.\n */\n");
        sb.append("@ConfigurationProperties(prefix = \"").append(PREFIX).append("\", ignoreUnknownFields = false)\n");
        sb.append("public class ").append(CONFIGURATION).append(" extends ComponentConfigurationPropertiesCommon {\n");
        for (ComponentOptionModel o : options()) {
            sb.append("\n    /**\n");
            javadoc(sb, "    ", description(o));
            sb.append("     */\n");
            sb.append("    private ").append(fieldType(o)).append(' ').append(o.getName());
            String init = initializer(o);
            if (init != null) {
                sb.append(" = ").append(init);
            }
            sb.append(";\n");
        }
        for (ComponentOptionModel o : options()) {
            String type = fieldType(o);
            String cap = Character.toUpperCase(o.getName().charAt(0)) + o.getName().substring(1);
            sb.append("\n    public ").append(type).append(" get").append(cap).append("() {\n");
            sb.append("        return ").append(o.getName()).append(";\n    }\n");
            sb.append("\n    public void set").append(cap).append('(').append(type).append(' ').append(o.getName())
                    .append(") {\n");
            sb.append("        this.").append(o.getName()).append(" = ").append(o.getName()).append(";\n    }\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    /** The option's description, and what its value is when it is not a plain value. */
    private static String description(ComponentOptionModel o) {
        String d = o.getDescription().strip();
        if (!d.endsWith(".")) {
            d += ".";
        }
        if (isDuration(o)) {
            d += " A duration: a number of milliseconds, or a value with a unit such as 30s or 5m.";
        } else if ("object".equals(o.getType())) {
            d += " The option is a " + o.getJavaType() + " type: a bean reference, #bean:name.";
        }
        return d;
    }

    private static boolean isDuration(ComponentOptionModel o) {
        return "duration".equals(o.getType());
    }

    static String fieldType(ComponentOptionModel o) {
        if (isDuration(o)) {
            return "java.time.Duration";
        }
        return switch (o.getJavaType()) {
            case "boolean" -> "Boolean";
            case "int" -> "Integer";
            case "long" -> "Long";
            case "java.lang.String" -> "String";
            default -> o.getJavaType();
        };
    }

    private static String initializer(ComponentOptionModel o) {
        Object def = o.getDefaultValue();
        if (def == null || def.toString().isEmpty()) {
            return null;
        }
        String v = def.toString();
        if (isDuration(o)) {
            return "java.time.Duration.ofMillis(" + Long.parseLong(v) + "L)";
        }
        if (o.getEnums() != null && !o.getEnums().isEmpty() && !"java.lang.String".equals(o.getJavaType())) {
            return o.getJavaType() + "." + v; // an enum constant; a String with listed values stays text
        }
        return switch (o.getJavaType()) {
            case "boolean" -> Boolean.valueOf(v).toString();
            case "int" -> Integer.valueOf(v).toString();
            case "long" -> Long.valueOf(v) + "L";
            case "java.lang.String", "java.lang.Object" -> javaString(v); // an Object option defaults to text
            default -> throw new IllegalStateException("no default for " + o.getName() + " of type " + o.getJavaType());
        };
    }

    // ---- the converter for bean references

    private String converterClass() {
        TreeSet<String> types = new TreeSet<>();
        for (ComponentOptionModel o : options()) {
            // java.lang.Object takes text as it is (a String is one); Camel resolves a #bean: text itself
            if ("object".equals(o.getType()) && !"java.lang.Object".equals(o.getJavaType())) {
                types.add(raw(o.getJavaType()));
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(PACKAGE).append(";\n\n");
        sb.append("import java.util.LinkedHashSet;\n");
        sb.append("import java.util.Set;\n");
        sb.append("import org.springframework.beans.factory.annotation.Autowired;\n");
        sb.append("import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;\n");
        sb.append("import org.springframework.context.ApplicationContext;\n");
        sb.append("import org.springframework.context.annotation.Configuration;\n");
        sb.append("import org.springframework.core.convert.TypeDescriptor;\n");
        sb.append("import org.springframework.core.convert.converter.GenericConverter;\n\n");
        sb.append("/**\n * Binds the object options of {@code ").append(PREFIX).append(".*} from bean references,\n");
        sb.append(" * {@code #bean:name} or {@code #name}; a value that is not a reference is left to the other\n");
        sb.append(" * converters.\n *\n * <p>Generated from the component's option model by StarterSources: do not edit.\n */\n");
        sb.append("@Configuration(proxyBeanMethods = false)\n@ConfigurationPropertiesBinding\n");
        sb.append("public class ").append(CONVERTER).append(" implements GenericConverter {\n\n");
        sb.append("    @Autowired\n    private ApplicationContext applicationContext;\n\n");
        sb.append("    @Override\n    public Set<ConvertiblePair> getConvertibleTypes() {\n");
        sb.append("        Set<ConvertiblePair> answer = new LinkedHashSet<>();\n");
        for (String t : types) {
            sb.append("        answer.add(new ConvertiblePair(String.class, ").append(t).append(".class));\n");
        }
        sb.append("        return answer;\n    }\n\n");
        sb.append("    @Override\n    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {\n");
        sb.append("        if (source == null) {\n            return null;\n        }\n");
        sb.append("        String ref = source.toString();\n");
        sb.append("        if (!ref.startsWith(\"#\")) {\n            return null;\n        }\n");
        sb.append("        ref = ref.startsWith(\"#bean:\") ? ref.substring(6) : ref.substring(1);\n");
        sb.append("        return applicationContext.getBean(ref, targetType.getType());\n    }\n}\n");
        return sb.toString();
    }

    private static String raw(String javaType) {
        int generic = javaType.indexOf('<');
        return generic < 0 ? javaType : javaType.substring(0, generic);
    }

    // ---- the Spring Boot configuration metadata

    private String metadata() {
        String source = PACKAGE + "." + CONFIGURATION;
        List<String> groups = new ArrayList<>();
        groups.add(object(Map.of(), "name", PREFIX, "type", source, "sourceType", source));
        groups.add(object(Map.of(), "name", PREFIX + ".customizer", "type", COMMON + "$CustomizerProperties",
                "sourceType", source, "sourceMethod", "getCustomizer()"));
        List<String> properties = new ArrayList<>();
        properties.add(object(Map.of("defaultValue", "true"), "name", PREFIX + ".customizer.enabled",
                "type", "java.lang.Boolean", "description", "Whether the imap4 component's customizers are applied.",
                "sourceType", COMMON + "$CustomizerProperties"));
        properties.add(object(Map.of("defaultValue", "true"), "name", PREFIX + ".enabled", "type", "java.lang.Boolean",
                "description", "Whether to enable auto configuration of the imap4 component. This is enabled by default.",
                "sourceType", source));
        List<String> hints = new ArrayList<>();
        for (ComponentOptionModel o : options()) {
            String name = PREFIX + "." + kebab(o.getName());
            Map<String, String> raw = new LinkedHashMap<>();
            String def = metadataDefault(o);
            if (def != null) {
                raw.put("defaultValue", def);
            }
            properties.add(object(raw, "name", name, "type", metadataType(o), "description", description(o),
                    "sourceType", source));
            if (o.getEnums() != null && !o.getEnums().isEmpty()) {
                List<String> values = new ArrayList<>();
                for (String e : o.getEnums()) {
                    values.add(object(Map.of(), "value", e));
                }
                hints.add("{\n      \"name\": " + json(name) + ",\n      \"values\": [\n        "
                        + String.join(",\n        ", values) + "\n      ]\n    }");
            }
        }
        properties.sort((a, b) -> a.compareTo(b));
        return "{\n  \"groups\": [\n    " + String.join(",\n    ", groups) + "\n  ],\n  \"properties\": [\n    "
                + String.join(",\n    ", properties) + "\n  ],\n  \"hints\": [\n    " + String.join(",\n    ", hints)
                + "\n  ]\n}\n";
    }

    private static String metadataType(ComponentOptionModel o) {
        String t = fieldType(o);
        return switch (t) {
            case "Boolean", "Integer", "Long", "String" -> "java.lang." + t;
            default -> t;
        };
    }

    /** The default as Spring Boot shows it: JSON true/false and numbers, durations with a unit. */
    private static String metadataDefault(ComponentOptionModel o) {
        Object def = o.getDefaultValue();
        if (def == null || def.toString().isEmpty()) {
            return null;
        }
        String v = def.toString();
        if (isDuration(o)) {
            return json(duration(Long.parseLong(v)));
        }
        return switch (o.getJavaType()) {
            case "boolean", "int", "long" -> v;
            default -> json(v);
        };
    }

    /** Milliseconds in the largest unit that divides them: 1500000 is 25m, 30000 is 30s. */
    static String duration(long millis) {
        if (millis == 0) {
            return "0ms";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    /** A one-line JSON object: pairs of name and string value, then the raw (already JSON) values. */
    private static String object(Map<String, String> raw, String... pairs) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            sb.append(i == 0 ? "" : ", ").append(json(pairs[i])).append(": ").append(json(pairs[i + 1]));
        }
        raw.forEach((k, v) -> sb.append(", ").append(json(k)).append(": ").append(v));
        return sb.append('}').toString();
    }

    static String kebab(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String javaString(String s) {
        return json(s);
    }

    /** Javadoc text wrapped at 100 columns; HTML and comment ends in the text are escaped. */
    private static void javadoc(StringBuilder sb, String indent, String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "&#64;").replace("\\u", "\\\\u");
        StringBuilder line = new StringBuilder();
        for (String word : escaped.split("\\s+")) {
            if (line.length() > 0 && indent.length() + 3 + line.length() + 1 + word.length() > 100) {
                sb.append(indent).append(" * ").append(line).append('\n');
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            sb.append(indent).append(" * ").append(line).append('\n');
        }
    }
}
