package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.imap4.client.RawArgumentCalls.Arg;
import dev.imap4.client.RawArgumentCalls.Needs;
import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.scripted.Transcript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Command injection through every string argument of every raw command: each hostile value must
 * either travel inside one command (quoted or as a literal), so that the server sees exactly one
 * command where one was meant, or be refused with {@link Imap4Exception} before anything is sent.
 * The server answers everything OK and records whole commands; a NOOP after each attempt is the
 * sentinel that proves no second command slipped in.
 */
@Timeout(120)
class Imap4InjectionTest {

    private static final String SECOND = "INJ1 DELETE INBOX";

    /** Values that would end the command line early, smuggle a NUL, or announce a literal. */
    private static final List<String> HOSTILE = List.of(
            "x\r\n" + SECOND, "x\n" + SECOND, "x\r" + SECOND, "x\0" + SECOND, "x\r\n",
            "x {5}", "{5}", "x {5+}", "(x\r\n" + SECOND + ")", "\"x\r\n" + SECOND + "\"");

    /** Arguments whose value never reaches the wire as such (CRAM-MD5 sends only a digest). */
    private static final java.util.Set<String> NOT_ON_WIRE = java.util.Set.of("login_cram_md5(user)",
            "login_cram_md5(password)");


    @TestFactory
    Stream<DynamicTest> noArgumentCanStartASecondCommand() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Arg a : RawArgumentCalls.ALL) {
            for (String v : HOSTILE) {
                String shown = Transcript.printable(v.getBytes(StandardCharsets.UTF_8));
                tests.add(DynamicTest.dynamicTest(a.name() + " <- " + shown, () -> attempt(a, v, shown)));
            }
        }
        return tests.stream();
    }

    private static void attempt(Arg a, String value, String shown) {
        String greeting = a.needs() == Needs.NONAUTH
                ? "S: * OK [CAPABILITY IMAP4rev1 AUTH=CRAM-MD5] ready\n" : "S: * PREAUTH [CAPABILITY IMAP4rev1] ready\n";
        try (ScriptedServer server = ScriptedServer.start(greeting + "!ok-all\n")) {
            Imap4 m = Scripted.connect(server);
            int setup = 0;
            if (a.needs() == Needs.SELECTED) {
                m.select();
                setup = 1;
            }
            boolean refused = false;
            try {
                a.call().accept(m, value);
            } catch (Imap4AbortException e) {
                fail(a.name() + " <- " + shown + ": the connection broke: " + e.getMessage(), e);
            } catch (Imap4Exception e) {
                refused = true;
            }
            m.noop();
            m.shutdown();
            server.verify();
            List<String> cmds = server.commands();
            List<String> mine = cmds.subList(setup, cmds.size());
            String context = a.name() + " <- " + shown + ": server saw " + mine;
            assertEquals(refused ? 1 : 2, mine.size(), context);
            assertTrue(mine.get(mine.size() - 1).matches("[A-P]{4}[0-9]+ NOOP"), context);
            if (!refused) {
                assertTrue(mine.get(0).matches("[A-P]{4}[0-9]+ [A-Z].*"), context);
                if (!NOT_ON_WIRE.contains(a.name())) {
                    assertTrue(mine.get(0).contains(shown), "the value arrived whole: " + context);
                }
            }
        }
    }
}
