package dev.imap4.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The client core depends on the JDK and slf4j-api only; it never sees Camel. */
class CoreIndependenceTest {

    private static final Path CORE = Path.of("src/main/java/dev/imap4/client");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> ALLOWED = List.of("java.", "javax.", "org.slf4j.", "dev.imap4.client");

    @Test
    void coreImportsOnlyJdkAndSlf4j() throws IOException {
        List<String> offending = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(CORE)) {
            for (Path file : (Iterable<Path>) paths.filter(p -> p.toString().endsWith(".java"))::iterator) {
                files++;
                String source = Files.readString(file);
                Matcher m = IMPORT.matcher(source);
                while (m.find()) {
                    String imported = m.group(1);
                    if (ALLOWED.stream().noneMatch(imported::startsWith)) {
                        offending.add(file + ": " + imported);
                    }
                }
                if (source.contains("org.apache.camel")) {
                    offending.add(file + ": mentions org.apache.camel");
                }
            }
        }
        assertTrue(files > 0, "no core sources found under " + CORE);
        assertTrue(offending.isEmpty(), "core must import only the JDK and slf4j-api: " + offending);
    }
}
