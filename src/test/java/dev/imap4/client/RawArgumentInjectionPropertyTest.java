package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.wire.Ascii;
import dev.imap4.testing.HostileStrings;
import dev.imap4.testing.InjectionProbe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever string goes into any argument of any raw ({@link Imap4}) command, the server
 * frames exactly the commands the client meant, each whole, or the client refuses the value before
 * sending anything of it. Values are random mixes of CR, LF, NUL, quotes, braces, wildcards,
 * parentheses, backslashes and non-ASCII from a fixed seed; each attempt runs on a fresh in-memory
 * connection with and without LITERAL+.
 */
class RawArgumentInjectionPropertyTest {

    private static final long SEED = 0x1A4D_2026L;
    private static final int VALUES_PER_ARGUMENT = 40;
    private static final byte[] MSG = "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    private enum Needs { NONAUTH, AUTH, SELECTED }

    /** One argument; {@code verbatim}: the value should arrive as given (quoted or as a literal at most). */
    private record Arg(String name, Needs needs, boolean verbatim, BiConsumer<Imap4, String> call) {
    }

    private static final List<Arg> ARGS = List.of(
            new Arg("login(user)", Needs.NONAUTH, true, (m, v) -> m.login(v, "pw")),
            new Arg("login(password)", Needs.NONAUTH, true, (m, v) -> m.login("joe", v)),
            new Arg("authenticate(mechanism)", Needs.NONAUTH, false, (m, v) -> m.authenticate(v, c -> null)),
            new Arg("login_cram_md5(user)", Needs.NONAUTH, false, (m, v) -> m.loginCramMd5(v, "pw")),
            new Arg("append(mailbox)", Needs.AUTH, true, (m, v) -> m.append(v, null, null, MSG)),
            new Arg("append(flags)", Needs.AUTH, true, (m, v) -> m.append("INBOX", v, null, MSG)),
            new Arg("create", Needs.AUTH, true, Imap4::create),
            new Arg("delete", Needs.AUTH, true, Imap4::delete),
            new Arg("rename(old)", Needs.AUTH, true, (m, v) -> m.rename(v, "b")),
            new Arg("rename(new)", Needs.AUTH, true, (m, v) -> m.rename("a", v)),
            new Arg("subscribe", Needs.AUTH, true, Imap4::subscribe),
            new Arg("unsubscribe", Needs.AUTH, true, Imap4::unsubscribe),
            new Arg("getacl", Needs.AUTH, true, Imap4::getacl),
            new Arg("setacl(mailbox)", Needs.AUTH, true, (m, v) -> m.setacl(v, "fred", "lrs")),
            new Arg("setacl(who)", Needs.AUTH, true, (m, v) -> m.setacl("INBOX", v, "lrs")),
            new Arg("setacl(what)", Needs.AUTH, true, (m, v) -> m.setacl("INBOX", "fred", v)),
            new Arg("deleteacl(mailbox)", Needs.AUTH, true, (m, v) -> m.deleteacl(v, "fred")),
            new Arg("deleteacl(who)", Needs.AUTH, true, (m, v) -> m.deleteacl("INBOX", v)),
            new Arg("myrights", Needs.AUTH, true, Imap4::myrights),
            new Arg("getannotation(mailbox)", Needs.AUTH, true, (m, v) -> m.getannotation(v, "/c", "value")),
            new Arg("getannotation(entry)", Needs.AUTH, true, (m, v) -> m.getannotation("INBOX", v, "value")),
            new Arg("getannotation(attribute)", Needs.AUTH, true, (m, v) -> m.getannotation("INBOX", "/c", v)),
            new Arg("setannotation", Needs.AUTH, true, (m, v) -> m.setannotation("INBOX", v, "(value x)")),
            new Arg("getquota", Needs.AUTH, true, Imap4::getquota),
            new Arg("getquotaroot", Needs.AUTH, true, Imap4::getquotaroot),
            new Arg("setquota(root)", Needs.AUTH, true, (m, v) -> m.setquota(v, "(STORAGE 1)")),
            new Arg("setquota(limits)", Needs.AUTH, true, (m, v) -> m.setquota("", v)),
            new Arg("list(directory)", Needs.AUTH, true, (m, v) -> m.list(v, "*")),
            new Arg("list(pattern)", Needs.AUTH, true, (m, v) -> m.list("\"\"", v)),
            new Arg("lsub(directory)", Needs.AUTH, true, (m, v) -> m.lsub(v, "*")),
            new Arg("lsub(pattern)", Needs.AUTH, true, (m, v) -> m.lsub("\"\"", v)),
            new Arg("select", Needs.AUTH, true, Imap4::select),
            new Arg("examine", Needs.AUTH, true, (m, v) -> m.select(v, true)),
            new Arg("status(mailbox)", Needs.AUTH, true, (m, v) -> m.status(v, "(MESSAGES)")),
            new Arg("status(names)", Needs.AUTH, true, (m, v) -> m.status("INBOX", v)),
            new Arg("enable", Needs.AUTH, true, Imap4::enable),
            new Arg("proxyauth", Needs.AUTH, true, Imap4::proxyauth),
            new Arg("xatom(name)", Needs.AUTH, false, (m, v) -> m.xatom(v)),
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
            new Arg("uid(command)", Needs.SELECTED, false, (m, v) -> m.uid(v, "1")),
            new Arg("uid(arg)", Needs.SELECTED, true, (m, v) -> m.uid("FETCH", v, "(FLAGS)")));

    @Test
    void everyArgumentOfEveryRawCommandIsFramedOrRefused() {
        HostileStrings values = new HostileStrings(SEED);
        List<String> accepted = new ArrayList<>();
        int refused = 0;
        for (Arg a : ARGS) {
            for (int i = 0; i < VALUES_PER_ARGUMENT; i++) {
                String v = values.next();
                boolean literalPlus = values.nextBoolean();
                String context = a.name() + " <- " + Ascii.printable(v.getBytes(StandardCharsets.UTF_8)) + (literalPlus ? " (LITERAL+)" : "");
                InjectionProbe p = new InjectionProbe(a.needs() == Needs.NONAUTH ? "OK" : "PREAUTH",
                        "IMAP4rev1 AUTH=CRAM-MD5" + (literalPlus ? " LITERAL+" : ""));
                if (a.needs() == Needs.SELECTED) {
                    p.imap().select();
                    p.verifySoFar(context + " (set-up)");
                }
                if (p.attempt(context, a.verbatim() ? v : null, () -> a.call().accept(p.imap(), v))) {
                    refused++;
                } else {
                    accepted.add(v);
                }
            }
        }
        // the property means something only if hostile values were sent, not just refused
        assertTrue(accepted.stream().anyMatch(v -> v.contains("\r\n")), "a CRLF value travelled as a literal");
        assertTrue(refused > 0 && accepted.size() > refused, accepted.size() + " accepted, " + refused + " refused");
    }
}
