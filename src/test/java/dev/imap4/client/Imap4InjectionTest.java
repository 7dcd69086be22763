package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.scripted.Transcript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
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

    private enum Needs { NONAUTH, AUTH, SELECTED }

    /** One string argument of one raw method. {@code onWire}: the value itself is sent when accepted. */
    private record Arg(String name, Needs needs, boolean onWire, BiConsumer<Imap4, String> call) {
    }

    private static final byte[] MSG = "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final List<Arg> ARGS = List.of(
            new Arg("login(user)", Needs.NONAUTH, true, (m, v) -> m.login(v, "pw")),
            new Arg("login(password)", Needs.NONAUTH, true, (m, v) -> m.login("joe", v)),
            new Arg("authenticate(mechanism)", Needs.NONAUTH, true, (m, v) -> m.authenticate(v, c -> null)),
            new Arg("login_cram_md5(user)", Needs.NONAUTH, false, (m, v) -> m.loginCramMd5(v, "pw")),
            new Arg("login_cram_md5(password)", Needs.NONAUTH, false, (m, v) -> m.loginCramMd5("joe", v)),
            new Arg("append(mailbox)", Needs.AUTH, true, (m, v) -> m.append(v, null, null, MSG)),
            new Arg("append(flags)", Needs.AUTH, true, (m, v) -> m.append("INBOX", v, null, MSG)),
            new Arg("create(mailbox)", Needs.AUTH, true, Imap4::create),
            new Arg("delete(mailbox)", Needs.AUTH, true, Imap4::delete),
            new Arg("rename(old)", Needs.AUTH, true, (m, v) -> m.rename(v, "b")),
            new Arg("rename(new)", Needs.AUTH, true, (m, v) -> m.rename("a", v)),
            new Arg("subscribe(mailbox)", Needs.AUTH, true, Imap4::subscribe),
            new Arg("unsubscribe(mailbox)", Needs.AUTH, true, Imap4::unsubscribe),
            new Arg("getacl(mailbox)", Needs.AUTH, true, Imap4::getacl),
            new Arg("setacl(mailbox)", Needs.AUTH, true, (m, v) -> m.setacl(v, "fred", "lrs")),
            new Arg("setacl(who)", Needs.AUTH, true, (m, v) -> m.setacl("INBOX", v, "lrs")),
            new Arg("setacl(what)", Needs.AUTH, true, (m, v) -> m.setacl("INBOX", "fred", v)),
            new Arg("deleteacl(mailbox)", Needs.AUTH, true, (m, v) -> m.deleteacl(v, "fred")),
            new Arg("deleteacl(who)", Needs.AUTH, true, (m, v) -> m.deleteacl("INBOX", v)),
            new Arg("myrights(mailbox)", Needs.AUTH, true, Imap4::myrights),
            new Arg("getannotation(mailbox)", Needs.AUTH, true, (m, v) -> m.getannotation(v, "/c", "value")),
            new Arg("getannotation(entry)", Needs.AUTH, true, (m, v) -> m.getannotation("INBOX", v, "value")),
            new Arg("getannotation(attribute)", Needs.AUTH, true, (m, v) -> m.getannotation("INBOX", "/c", v)),
            new Arg("setannotation(arg 1)", Needs.AUTH, true, (m, v) -> m.setannotation(v, "/c", "(value x)")),
            new Arg("setannotation(arg 3)", Needs.AUTH, true, (m, v) -> m.setannotation("INBOX", "/c", v)),
            new Arg("getquota(root)", Needs.AUTH, true, Imap4::getquota),
            new Arg("getquotaroot(mailbox)", Needs.AUTH, true, Imap4::getquotaroot),
            new Arg("setquota(root)", Needs.AUTH, true, (m, v) -> m.setquota(v, "(STORAGE 1)")),
            new Arg("setquota(limits)", Needs.AUTH, true, (m, v) -> m.setquota("", v)),
            new Arg("list(directory)", Needs.AUTH, true, (m, v) -> m.list(v, "*")),
            new Arg("list(pattern)", Needs.AUTH, true, (m, v) -> m.list("\"\"", v)),
            new Arg("lsub(directory)", Needs.AUTH, true, (m, v) -> m.lsub(v, "*")),
            new Arg("lsub(pattern)", Needs.AUTH, true, (m, v) -> m.lsub("\"\"", v)),
            new Arg("select(mailbox)", Needs.AUTH, true, Imap4::select),
            new Arg("examine(mailbox)", Needs.AUTH, true, (m, v) -> m.select(v, true)),
            new Arg("status(mailbox)", Needs.AUTH, true, (m, v) -> m.status(v, "(MESSAGES)")),
            new Arg("status(names)", Needs.AUTH, true, (m, v) -> m.status("INBOX", v)),
            new Arg("enable(capability)", Needs.AUTH, true, Imap4::enable),
            new Arg("proxyauth(user)", Needs.AUTH, true, Imap4::proxyauth),
            new Arg("xatom(name)", Needs.AUTH, true, (m, v) -> m.xatom(v)),
            new Arg("xatom(arg)", Needs.AUTH, true, (m, v) -> m.xatom("XFOO", v)),
            new Arg("copy(message_set)", Needs.SELECTED, true, (m, v) -> m.copy(v, "b")),
            new Arg("copy(new_mailbox)", Needs.SELECTED, true, (m, v) -> m.copy("1", v)),
            new Arg("fetch(message_set)", Needs.SELECTED, true, (m, v) -> m.fetch(v, "(FLAGS)")),
            new Arg("fetch(message_parts)", Needs.SELECTED, true, (m, v) -> m.fetch("1", v)),
            new Arg("partial(message_num)", Needs.SELECTED, true, (m, v) -> m.partial(v, "BODY[]", 0, 1)),
            new Arg("partial(message_part)", Needs.SELECTED, true, (m, v) -> m.partial("1", v, 0, 1)),
            new Arg("search(charset)", Needs.SELECTED, true, (m, v) -> m.search(v, "ALL")),
            new Arg("search(criterion)", Needs.SELECTED, true, (m, v) -> m.search(null, "ALL", v)),
            new Arg("sort(sort_criteria)", Needs.SELECTED, true, (m, v) -> m.sort(v, "UTF-8", "ALL")),
            new Arg("sort(charset)", Needs.SELECTED, true, (m, v) -> m.sort("DATE", v, "ALL")),
            new Arg("sort(criterion)", Needs.SELECTED, true, (m, v) -> m.sort("DATE", "UTF-8", v)),
            new Arg("store(message_set)", Needs.SELECTED, true, (m, v) -> m.store(v, "+FLAGS", "(\\Seen)")),
            new Arg("store(command)", Needs.SELECTED, true, (m, v) -> m.store("1", v, "(\\Seen)")),
            new Arg("store(flags)", Needs.SELECTED, true, (m, v) -> m.store("1", "+FLAGS", v)),
            new Arg("thread(algorithm)", Needs.SELECTED, true, (m, v) -> m.thread(v, "UTF-8", "ALL")),
            new Arg("thread(charset)", Needs.SELECTED, true, (m, v) -> m.thread("REFERENCES", v, "ALL")),
            new Arg("thread(criterion)", Needs.SELECTED, true, (m, v) -> m.thread("REFERENCES", "UTF-8", v)),
            new Arg("uid(command)", Needs.SELECTED, true, (m, v) -> m.uid(v, "1")),
            new Arg("uid(arg 1)", Needs.SELECTED, true, (m, v) -> m.uid("FETCH", v, "(FLAGS)")),
            new Arg("uid(arg 2)", Needs.SELECTED, true, (m, v) -> m.uid("FETCH", "1", v)));

    @TestFactory
    Stream<DynamicTest> noArgumentCanStartASecondCommand() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Arg a : ARGS) {
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
                if (a.onWire()) {
                    assertTrue(mine.get(0).contains(shown), "the value arrived whole: " + context);
                }
            }
        }
    }
}
