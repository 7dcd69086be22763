package dev.imap4.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4Idler;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.Imap4Ssl;
import dev.imap4.client.ImapUtil;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every row of docs/imaplib-mapping.md names a Java method that exists and a test class that exists. */
class ImaplibMappingTest {

    private static final Path MAPPING = Path.of("../docs/imaplib-mapping.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)`[^|]*\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|$");
    private static final Pattern JAVA_CALL = Pattern.compile("`(?:new )?(?:[A-Z]\\w*\\.)?([a-z]\\w*)\\(");
    private static final Pattern TEST = Pattern.compile("`(\\w+Test)`");

    private static List<String[]> rows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(MAPPING)) {
            Matcher m = ROW.matcher(line.trim());
            if (m.matches() && !m.group(1).equals("imaplib")) {
                rows.add(new String[] {m.group(1), m.group(2), m.group(4)});
            }
        }
        return rows;
    }

    @Test
    void everyImaplibNameHasARow() throws IOException {
        String rows = Files.readString(MAPPING);
        List<String> missing = new ArrayList<>();
        for (String name : List.of("IMAP4(", "IMAP4_SSL(", "IMAP4_stream(", "IMAP4.error", "IMAP4.abort",
                "IMAP4.readonly", "Internaldate2tuple(", "Int2AP(", "ParseFlags(", "Time2Internaldate(",
                "PROTOCOL_VERSION", "debug", "append(", "authenticate(", "check(", "close(", "copy(", "create(",
                "delete(", "expunge(", "fetch(", "getacl(", "getquota(", "getquotaroot(", "list(", "login(",
                "login_cram_md5(", "logout(", "lsub(", "noop(", "open(", "partial(", "proxyauth(", "read(",
                "readline(", "recent(", "rename(", "response(", "search(", "select(", "send(", "setacl(",
                "setquota(", "shutdown(", "socket(", "sort(", "status(", "store(", "subscribe(", "thread(", "uid(",
                "unsubscribe(", "xatom(", "ssl(", "idle(", "Idler.burst(", "enable(", "file")) {
            if (!rows.contains("| `" + name)) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), "imaplib names without a row: " + missing);
    }

    @Test
    void everyJavaCounterpartExists() throws IOException {
        List<String> methods = new ArrayList<>();
        for (Class<?> c : List.of(Imap4.class, Imap4Ssl.class, ImapUtil.class, Imap4AbortException.class,
                Imap4Idler.class,
                Imap4Options.class)) {
            Arrays.stream(c.getMethods()).map(Method::getName).forEach(methods::add);
            Arrays.stream(c.getDeclaredMethods()).map(Method::getName).forEach(methods::add);
        }
        List<String> missing = new ArrayList<>();
        for (String[] row : rows()) {
            Matcher m = JAVA_CALL.matcher(row[1]);
            while (m.find()) {
                if (!methods.contains(m.group(1))) {
                    missing.add(row[0] + " -> " + m.group(1));
                }
            }
        }
        assertTrue(missing.isEmpty(), "mapping rows naming methods that do not exist: " + missing);
    }

    @Test
    void everyRowNamesATestThatExists() throws IOException {
        List<String> tests;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            tests = files.map(p -> p.getFileName().toString().replace(".java", "")).toList();
        }
        List<String> missing = new ArrayList<>();
        for (String[] row : rows()) {
            Matcher m = TEST.matcher(row[2]);
            boolean any = false;
            while (m.find()) {
                any = true;
                if (!tests.contains(m.group(1))) {
                    missing.add(row[0] + " -> " + m.group(1));
                }
            }
            if (!any) {
                missing.add(row[0] + " -> no test named");
            }
        }
        assertTrue(missing.isEmpty(), "mapping rows without an existing test: " + missing);
    }
}
