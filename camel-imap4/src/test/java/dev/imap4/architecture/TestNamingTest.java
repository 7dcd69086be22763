package dev.imap4.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * The naming rule for tests in docs/architecture.md: the suffix of a test class says where it runs
 * (the default unit execution, a small-heap execution, or the real-server suite), so the Surefire
 * and Failsafe selections in pom.xml can go by name alone.
 */
class TestNamingTest {

    private static final Path TESTS = Path.of("src/test/java");
    private static final Pattern TEST_METHOD = Pattern.compile(
            "^\\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory|FuzzTest)\\b", Pattern.MULTILINE);
    private static final Pattern SMALL_HEAP_TAG = Pattern.compile("@Tag\\(\"bounded-memory\"\\)");
    private static final Pattern POM_SINGLE_TEST = Pattern.compile("<test>([^<]+)</test>");

    @Test
    void aClassWithTestsEndsInTestOrItAndNoOtherClassDoes() throws IOException {
        List<String> offending = new ArrayList<>();
        for (Path file : sources()) {
            String name = className(file);
            boolean hasTests = TEST_METHOD.matcher(Files.readString(file)).find();
            boolean named = name.endsWith("Test") || name.endsWith("IT");
            if (hasTests && !named) {
                offending.add(file + ": has tests but does not end in Test or IT");
            } else if (!hasTests && named && !isAbstract(file)) {
                offending.add(file + ": ends in " + (name.endsWith("IT") ? "IT" : "Test") + " but has no tests");
            }
        }
        assertEquals(List.of(), offending);
    }

    @Test
    void theSmallHeapTestsAreTheBoundedMemoryTests() throws IOException {
        List<String> offending = new ArrayList<>();
        for (Path file : sources()) {
            if (SMALL_HEAP_TAG.matcher(Files.readString(file)).find() && !className(file).endsWith("BoundedMemoryTest")) {
                offending.add(file + ": tagged bounded-memory but not named *BoundedMemoryTest");
            }
        }
        Matcher m = POM_SINGLE_TEST.matcher(Files.readString(Path.of("pom.xml")));
        int executions = 0;
        while (m.find()) {
            executions++;
            if (!m.group(1).endsWith("BoundedMemoryTest")) {
                offending.add("pom.xml: an execution of its own runs " + m.group(1) + ", not a *BoundedMemoryTest");
            }
        }
        assertTrue(executions > 0, "pom.xml names no single-test execution; update this test with the pom");
        assertEquals(List.of(), offending);
    }

    @Test
    void realServerTestsLiveWithTheirServers() throws IOException {
        List<String> offending = new ArrayList<>();
        for (Path file : sources()) {
            String name = className(file);
            boolean interop = file.startsWith(TESTS.resolve("dev/imap4/client/interop"));
            if (name.endsWith("IT") && !interop && !Files.readString(file).contains("ImapServer")) {
                offending.add(file + ": an IT that does not run against a real server");
            }
        }
        assertEquals(List.of(), offending);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> paths = Files.walk(TESTS)) {
            List<Path> files = paths.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            assertTrue(files.size() > 100, "test sources found: " + files.size());
            return files;
        }
    }

    private static String className(Path file) {
        String f = file.getFileName().toString();
        return f.substring(0, f.length() - ".java".length());
    }

    private static boolean isAbstract(Path file) throws IOException {
        return Files.readString(file).contains("abstract class " + className(file));
    }
}
