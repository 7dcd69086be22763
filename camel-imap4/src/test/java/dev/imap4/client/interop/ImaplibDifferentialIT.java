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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same scripted sequence ({@code differential.steps}) runs twice against a fresh mailbox of
 * each server: once through Python 3's imaplib ({@code IMAP4}, or {@code IMAP4_stream} with the
 * same command line on imap4d and Courier), once through our raw {@link Imap4} API. The folders go
 * into the server's personal namespace ({@code INBOX.} on Courier). Every step's
 * result must be the same, type and data, literal bytes included, after normalising what changes
 * from run to run (UIDVALIDITY, Dovecot's timings) and the shape of imaplib's error messages. The
 * steps that differ on purpose are listed in {@link #EXPECTED_DIFFERENCES} with the reason, and each
 * must still produce exactly the recorded pair of results.
 */
class ImaplibDifferentialIT {

    /** A step whose results differ on purpose: the reason, and each side's normalised rendering. */
    record Difference(String reason, String imaplib, String java) {
    }

    /** Dovecot's differences; {@link #EXPECTED_DIFFERENCES} has each server's, keyed by the unprefixed step. */
    static final Map<String, Difference> DOVECOT_DIFFERENCES = Map.of(
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

    private static final String QUOTING = "quoting: Python 3's imaplib sends every argument as it is; our raw API"
            + " quotes one that is not an atom (Python 2's rule, so no argument can break the command).";
    private static final String ENABLED = "improvement: enable() returns the ENABLED data, what the server turned on;"
            + " imaplib returns the tagged text.";
    private static final String UTF8_NAME = "imaplib encodes commands as ASCII and raises before sending; our raw API"
            + " sends the UTF-8 name as a literal, which this server takes as it is (not modified UTF-7).";
    private static final String LIST_AFTER = "the folders our raw API created in the two steps before, which imaplib"
            + " could not create.";

    /** Cyrus 3.6: refuses the unquoted two-word CREATE, and the UTF-8 name. */
    static final Map<String, Difference> CYRUS_DIFFERENCES = Map.of(
            "search None OR FLAGGED UNSEEN", new Difference(QUOTING,
                    "OK\n  b'1 2 4 6'",
                    "raises error: SEARCH command error: BAD Invalid Search criteria"),
            "enable CONDSTORE", new Difference(ENABLED, "OK\n  b'Completed'", "OK\n  b'CONDSTORE'"),
            "create diff folder", new Difference(QUOTING,
                    "NO\n  b'Permission denied'",
                    "OK\n  b'[MAILBOXID (<id>)] Completed'"),
            "create diff-Entwürfe", new Difference("imaplib encodes commands as ASCII and raises before sending;"
                    + " our raw API sends the UTF-8 name as a literal and Cyrus refuses it.",
                    "raises UnicodeEncodeError: 'ascii' codec can't encode character '\\xfc' in position 9:"
                    + " ordinal not in range(128)",
                    "NO\n  b'Invalid mailbox name'"),
            "list \"\" diff%", new Difference(LIST_AFTER,
                    "OK\n  None",
                    "OK\n  b'(\\\\HasNoChildren) \"/\" \"diff folder\"'"));

    /** imap4d 3.15: no ENABLE, no MOVE; BAD for the unquoted two-word CREATE; takes a UTF-8 name. */
    static final Map<String, Difference> MAILUTILS_DIFFERENCES = Map.of(
            "search None OR FLAGGED UNSEEN", new Difference(QUOTING,
                    "OK\n  b'1 2 3 4 5 6'",
                    "raises error: SEARCH command error: BAD SEARCH Unknown search criterion"),
            "uid MOVE 6 diff/sub", new Difference("naming: imaplib's uid() reports its errors as 'UID command"
                    + " error'; our raw API names the UID command it sent.",
                    "raises error: UID command error: BAD UID MOVE Unknown uid command",
                    "raises error: UID MOVE command error: BAD UID MOVE Unknown uid command"),
            "enable CONDSTORE", new Difference("imaplib checks the capability and raises before sending; our raw"
                    + " API sends ENABLE and raises the server's BAD.",
                    "raises error: Server does not support ENABLE",
                    "raises error: ENABLE command error: BAD Invalid command"),
            "create diff folder", new Difference(QUOTING,
                    "raises error: CREATE command error: BAD CREATE Invalid arguments",
                    "OK\n  b'CREATE Completed'"),
            "create diff-Entwürfe", new Difference(UTF8_NAME,
                    "raises UnicodeEncodeError: 'ascii' codec can't encode character '\\xfc' in position 9:"
                    + " ordinal not in range(128)",
                    "OK\n  b'CREATE Completed'"),
            "list \"\" diff%", new Difference(LIST_AFTER,
                    "OK\n  None",
                    "OK\n  b'() \"/\" diff-Entw\\xc3\\xbcrfe'\n  b'() \"/\" \"diff folder\"'"));

    /** Courier 5.0: NO to anything it does not parse; takes a UTF-8 name in its own encoding. */
    static final Map<String, Difference> COURIER_DIFFERENCES = Map.of(
            "search None OR FLAGGED UNSEEN", new Difference(QUOTING,
                    "OK\n  b'1 2 4 6'",
                    "NO\n  b'Error in IMAP command received by server.'"),
            "enable CONDSTORE", new Difference("improvement: enable() returns the ENABLED data, empty here:"
                    + " Courier enables nothing it does not know; imaplib returns the tagged text.",
                    "OK\n  b'Options enabled'",
                    "OK\n  b''"),
            "create diff folder", new Difference(QUOTING,
                    "NO\n  b'Error in IMAP command received by server.'",
                    "OK\n  b'\"INBOX.diff folder\" created.'"),
            "create diff-Entwürfe", new Difference(UTF8_NAME,
                    "raises UnicodeEncodeError: 'ascii' codec can't encode character '\\xfc' in position 15:"
                    + " ordinal not in range(128)",
                    "OK\n  b'\"INBOX.diff-Entw&,8P,vA-rfe\" created.'"),
            "list \"\" diff%", new Difference(LIST_AFTER,
                    "OK\n  None",
                    "OK\n  b'(\\\\HasNoChildren) \".\" \"INBOX.diff folder\"'"
                    + "\n  b'(\\\\HasNoChildren) \".\" \"INBOX.diff-Entw&,8P,vA-rfe\"'"));

    static final Map<ImapServer.Kind, Map<String, Difference>> EXPECTED_DIFFERENCES = Map.of(
            ImapServer.Kind.DOVECOT, DOVECOT_DIFFERENCES,
            ImapServer.Kind.CYRUS, CYRUS_DIFFERENCES,
            ImapServer.Kind.MAILUTILS, MAILUTILS_DIFFERENCES,
            ImapServer.Kind.COURIER, COURIER_DIFFERENCES);

    private static final Pattern TIMING = Pattern.compile(" \\(\\d+\\.\\d+(?: \\+ \\d+\\.\\d+)* secs\\)");
    private static final Pattern UIDVALIDITY = Pattern.compile("(APPENDUID|COPYUID|UIDVALIDITY) \\d+");
    private static final Pattern MAILBOXID = Pattern.compile("\\[MAILBOXID \\([^)]*\\)\\]");
    private static final Pattern PY_ERROR = Pattern.compile("(.* command error: \\w+) \\[b'(.*)'\\]");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void imaplibAndTheRawApiAgreeStepByStep(ImapServer server) throws Exception {
        server.require();
        String user = server.prop("diff.user");
        String password = server.isStream() ? "" : server.prop("diff.password");
        Path original = resource("differential.steps");
        Path steps = localise(original, server);
        Path runner = resource("imaplib_runner.py");
        List<Step> sequence = readSteps(steps);
        List<Step> unprefixed = readSteps(original);

        List<Outcome> java = new ArrayList<>();
        Imap4 m = server.login(user, password);
        JavaStepRunner jr = new JavaStepRunner(m);
        jr.clean(server.folderPrefix());
        sequence.forEach(s -> java.add(jr.run(s)));
        Fixtures.quietly(m);

        List<Outcome> python = runImaplib(runner, steps, server, user, password);
        assertEquals(sequence.size(), python.size(), "imaplib ran every step");

        List<String> problems = new ArrayList<>();
        int expectedSeen = 0;
        for (int i = 0; i < sequence.size(); i++) {
            Step s = sequence.get(i);
            String py = normalise(server, s, python.get(i).render());
            String jv = normalise(server, s, java.get(i).render());
            Difference expected = EXPECTED_DIFFERENCES.get(server.kind()).get(unprefixed.get(i).toString());
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
        assertEquals(EXPECTED_DIFFERENCES.get(server.kind()).size(), expectedSeen,
                "every recorded difference is still in the sequence");
    }

    private static List<Step> readSteps(Path steps) throws IOException {
        List<Step> sequence = new ArrayList<>();
        for (String line : Files.readAllLines(steps, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                sequence.add(Step.parse(line));
            }
        }
        return sequence;
    }

    /**
     * What legitimately changes between two runs (UIDVALIDITY, Cyrus's MAILBOXID, Dovecot's
     * timings), and imaplib's way of printing an error's data. imap4d writes "BAD", its command
     * name and the text, so a command it does not know gets two spaces after BAD: imaplib keeps the
     * second in the text, our raw API reads the text from the first character that is not a space.
     */
    static String normalise(ImapServer server, Step s, String rendered) {
        String r = TIMING.matcher(rendered).replaceAll("");
        r = UIDVALIDITY.matcher(r).replaceAll("$1 <uidvalidity>");
        r = MAILBOXID.matcher(r).replaceAll("[MAILBOXID (<id>)]");
        if (s.method().equals("response") && List.of("UIDVALIDITY", "COPYUID").contains(s.args().get(0))) {
            r = r.replaceAll("b'\\d+", "b'<uidvalidity>");
        }
        Matcher e = PY_ERROR.matcher(r);
        if (!e.matches()) {
            return r;
        }
        String error = e.group(1) + " " + e.group(2);
        return server.is(ImapServer.Kind.MAILUTILS) ? error.replace(" BAD  ", " BAD ") : error;
    }

    /**
     * The steps with their folders in the server's personal namespace: each argument starting with
     * {@code diff} gets the folder prefix, and its {@code /} becomes the server's separator.
     */
    private Path localise(Path steps, ImapServer server) throws IOException {
        String prefix = server.folderPrefix();
        String sep = server.separator();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(steps, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                out.add(line);
                continue;
            }
            String[] parts = line.split("\t", -1);
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].startsWith("diff")) {
                    parts[i] = prefix + parts[i].replace("/", sep);
                }
            }
            out.add(String.join("\t", parts));
        }
        Path target = tmp.resolve("differential-" + server + ".steps");
        Files.write(target, out, StandardCharsets.UTF_8);
        return target;
    }

    private List<Outcome> runImaplib(Path runner, Path steps, ImapServer server, String user, String password)
            throws IOException, InterruptedException {
        String python = System.getProperty("imap4.it.python",
                System.getenv().getOrDefault("IMAP4_IT_PYTHON", "python3"));
        List<String> command = new ArrayList<>(List.of(python, runner.toString(), steps.toString(),
                server.folderPrefix()));
        if (server.isStream()) {
            // imaplib's IMAP4_stream runs the same command line as Imap4Stream
            command.addAll(List.of("--stream", server.streamCommand(user)));
        } else {
            command.addAll(List.of(server.host(), Integer.toString(server.port()), user, password));
        }
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(tmp.resolve("stderr").toFile()).start();
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
