package dev.imap4.client.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.imap4.client.Imap4;
import dev.imap4.client.interop.JavaStepRunner.Step;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same scripted sequence ({@code differential.steps}) runs twice against a fresh Dovecot
 * mailbox: once through Python 3's imaplib, once through our raw {@link Imap4} API. Every step's
 * result must be the same, type and data, literal bytes included, after normalising what changes
 * from run to run (UIDVALIDITY, Dovecot's timings) and the shape of imaplib's error messages. The
 * steps that differ on purpose are listed in {@link #EXPECTED_DIFFERENCES} with the reason, and each
 * must still produce exactly the recorded pair of results.
 */
class ImaplibDifferentialIT {

    /** A step whose results differ on purpose: the reason, and each side's normalised rendering. */
    record Difference(String reason, String imaplib, String java) {
    }

    static final Map<String, Difference> EXPECTED_DIFFERENCES = Map.of(
            "search None OR FLAGGED UNSEEN", new Difference(
                    "quoting: Python 3's imaplib sends every argument as it is; our raw API quotes one that is not"
                    + " an atom (Python 2's rule, so no argument can break the command), which turns a multi-word"
                    + " criterion into one string. Write (OR FLAGGED UNSEEN) or pass the words separately.",
                    "OK\n  b'1 2 4 6'",
                    "raises error: SEARCH command error: BAD Error in IMAP command SEARCH: Unexpected string as"
                    + " search key: OR FLAGGED UNSEEN."),
            "enable CONDSTORE", new Difference(
                    "improvement: enable() returns the ENABLED data, what the server turned on; imaplib returns"
                    + " the tagged text.",
                    "OK\n  b'Enabled.'",
                    "OK\n  b'CONDSTORE'"),
            "create diff-Entwürfe", new Difference(
                    "modified UTF-7: imaplib encodes commands as ASCII and raises before sending; our raw API sends"
                    + " the UTF-8 name as a literal and Dovecot refuses it. The typed API (or ModifiedUtf7.encode)"
                    + " sends Entw&APw-rfe.",
                    "raises UnicodeEncodeError: 'ascii' codec can't encode character '\\xfc' in position 9:"
                    + " ordinal not in range(128)",
                    "NO\n  b'Mailbox name is not valid mUTF-7.'"),
            "list \"\" diff%", new Difference(
                    "quoting, seen in the last LIST: imaplib sent CREATE diff folder unquoted and Dovecot created"
                    + " 'diff', ignoring the extra word; our raw API quoted the name and created 'diff folder'.",
                    "OK\n  b'(\\\\HasNoChildren) \"/\" diff'",
                    "OK\n  b'(\\\\HasNoChildren) \"/\" \"diff folder\"'"));

    private static final Pattern TIMING = Pattern.compile(" \\(\\d+\\.\\d+(?: \\+ \\d+\\.\\d+)* secs\\)");
    private static final Pattern UIDVALIDITY = Pattern.compile("(APPENDUID|COPYUID|UIDVALIDITY) \\d+");
    private static final Pattern PY_ERROR = Pattern.compile("(.* command error: \\w+) \\[b'(.*)'\\]");

    @TempDir
    Path tmp;

    @Test
    void imaplibAndTheRawApiAgreeStepByStep() throws Exception {
        ImapServer server = Servers.dovecot().require();
        String user = server.prop("diff.user");
        String password = server.prop("diff.password");
        Path steps = resource("differential.steps");
        Path runner = resource("imaplib_runner.py");
        List<Step> sequence = new ArrayList<>();
        for (String line : Files.readAllLines(steps, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                sequence.add(Step.parse(line));
            }
        }

        List<Outcome> java = new ArrayList<>();
        Imap4 m = server.login(user, password);
        JavaStepRunner jr = new JavaStepRunner(m);
        jr.clean();
        sequence.forEach(s -> java.add(jr.run(s)));

        List<Outcome> python = runImaplib(runner, steps, server, user, password);
        assertEquals(sequence.size(), python.size(), "imaplib ran every step");

        List<String> problems = new ArrayList<>();
        int expectedSeen = 0;
        for (int i = 0; i < sequence.size(); i++) {
            Step s = sequence.get(i);
            String py = normalise(s, python.get(i).render());
            String jv = normalise(s, java.get(i).render());
            Difference expected = EXPECTED_DIFFERENCES.get(s.toString());
            if (expected != null) {
                expectedSeen++;
                if (!expected.imaplib().equals(py) || !expected.java().equals(jv)) {
                    problems.add("step " + i + " " + s + ": expected the recorded difference (" + expected.reason()
                            + ")\n imaplib: " + py + "\n java:    " + jv);
                }
            } else if (!py.equals(jv)) {
                problems.add("step " + i + " " + s + "\n imaplib: " + py + "\n java:    " + jv);
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " step(s) differ:\n" + String.join("\n", problems));
        }
        assertEquals(EXPECTED_DIFFERENCES.size(), expectedSeen, "every recorded difference is still in the sequence");
    }

    /** What legitimately changes between two runs, and imaplib's way of printing an error's data. */
    static String normalise(Step s, String rendered) {
        String r = TIMING.matcher(rendered).replaceAll("");
        r = UIDVALIDITY.matcher(r).replaceAll("$1 <uidvalidity>");
        if (s.method().equals("response") && List.of("UIDVALIDITY", "COPYUID").contains(s.args().get(0))) {
            r = r.replaceAll("b'\\d+", "b'<uidvalidity>");
        }
        Matcher e = PY_ERROR.matcher(r);
        return e.matches() ? e.group(1) + " " + e.group(2) : r;
    }

    private List<Outcome> runImaplib(Path runner, Path steps, ImapServer server, String user, String password)
            throws IOException, InterruptedException {
        String python = System.getProperty("imap4.it.python",
                System.getenv().getOrDefault("IMAP4_IT_PYTHON", "python3"));
        Process p;
        try {
            p = new ProcessBuilder(python, runner.toString(), steps.toString(), server.host(),
                    Integer.toString(server.port()), user, password)
                    .redirectError(tmp.resolve("stderr").toFile()).start();
        } catch (IOException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true and Python (" + python + ") cannot be started", e);
            }
            Assumptions.abort("NOT RUN: Python 3 (" + python + ") cannot be started: " + e.getMessage()
                    + "; set IMAP4_IT_PYTHON");
            return List.of();
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "imaplib runner finished");
        assertEquals(0, p.exitValue(), () -> "imaplib runner failed: " + read(tmp.resolve("stderr")));
        List<Outcome> outcomes = new ArrayList<>();
        List<String> current = null;
        for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("STEP ")) {
                current = new ArrayList<>();
            } else if (line.equals("END")) {
                outcomes.add(Outcome.parse(current));
            } else if (current != null) {
                current.add(line);
            }
        }
        return outcomes;
    }

    private Path resource(String name) throws IOException {
        Path target = tmp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("test resource " + name + " missing");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }
}
