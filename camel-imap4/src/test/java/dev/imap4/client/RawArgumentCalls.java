package dev.imap4.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;

/** Every string argument of every raw {@link Imap4} command, for the injection tests. */
final class RawArgumentCalls {

    /** The state a call needs the connection in. */
    enum Needs { NONAUTH, AUTH, SELECTED }

    /** One string argument of one raw method, and how to call the method with a value for it. */
    record Arg(String name, Needs needs, BiConsumer<Imap4, String> call) {
    }

    private static final byte[] MSG = "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    static final List<Arg> ALL = List.of(
            new Arg("login(user)", Needs.NONAUTH, (m, v) -> m.login(v, "pw")),
            new Arg("login(password)", Needs.NONAUTH, (m, v) -> m.login("joe", v)),
            new Arg("authenticate(mechanism)", Needs.NONAUTH, (m, v) -> m.authenticate(v, c -> null)),
            new Arg("login_cram_md5(user)", Needs.NONAUTH, (m, v) -> m.loginCramMd5(v, "pw")),
            new Arg("login_cram_md5(password)", Needs.NONAUTH, (m, v) -> m.loginCramMd5("joe", v)),
            new Arg("append(mailbox)", Needs.AUTH, (m, v) -> m.append(v, null, null, MSG)),
            new Arg("append(flags)", Needs.AUTH, (m, v) -> m.append("INBOX", v, null, MSG)),
            new Arg("create(mailbox)", Needs.AUTH, Imap4::create),
            new Arg("delete(mailbox)", Needs.AUTH, Imap4::delete),
            new Arg("rename(old)", Needs.AUTH, (m, v) -> m.rename(v, "b")),
            new Arg("rename(new)", Needs.AUTH, (m, v) -> m.rename("a", v)),
            new Arg("subscribe(mailbox)", Needs.AUTH, Imap4::subscribe),
            new Arg("unsubscribe(mailbox)", Needs.AUTH, Imap4::unsubscribe),
            new Arg("getacl(mailbox)", Needs.AUTH, Imap4::getacl),
            new Arg("setacl(mailbox)", Needs.AUTH, (m, v) -> m.setacl(v, "fred", "lrs")),
            new Arg("setacl(who)", Needs.AUTH, (m, v) -> m.setacl("INBOX", v, "lrs")),
            new Arg("setacl(what)", Needs.AUTH, (m, v) -> m.setacl("INBOX", "fred", v)),
            new Arg("deleteacl(mailbox)", Needs.AUTH, (m, v) -> m.deleteacl(v, "fred")),
            new Arg("deleteacl(who)", Needs.AUTH, (m, v) -> m.deleteacl("INBOX", v)),
            new Arg("myrights(mailbox)", Needs.AUTH, Imap4::myrights),
            new Arg("getannotation(mailbox)", Needs.AUTH, (m, v) -> m.getannotation(v, "/c", "value")),
            new Arg("getannotation(entry)", Needs.AUTH, (m, v) -> m.getannotation("INBOX", v, "value")),
            new Arg("getannotation(attribute)", Needs.AUTH, (m, v) -> m.getannotation("INBOX", "/c", v)),
            new Arg("setannotation(arg 1)", Needs.AUTH, (m, v) -> m.setannotation(v, "/c", "(value x)")),
            new Arg("setannotation(arg 3)", Needs.AUTH, (m, v) -> m.setannotation("INBOX", "/c", v)),
            new Arg("getquota(root)", Needs.AUTH, Imap4::getquota),
            new Arg("getquotaroot(mailbox)", Needs.AUTH, Imap4::getquotaroot),
            new Arg("setquota(root)", Needs.AUTH, (m, v) -> m.setquota(v, "(STORAGE 1)")),
            new Arg("setquota(limits)", Needs.AUTH, (m, v) -> m.setquota("", v)),
            new Arg("list(directory)", Needs.AUTH, (m, v) -> m.list(v, "*")),
            new Arg("list(pattern)", Needs.AUTH, (m, v) -> m.list("\"\"", v)),
            new Arg("lsub(directory)", Needs.AUTH, (m, v) -> m.lsub(v, "*")),
            new Arg("lsub(pattern)", Needs.AUTH, (m, v) -> m.lsub("\"\"", v)),
            new Arg("select(mailbox)", Needs.AUTH, Imap4::select),
            new Arg("examine(mailbox)", Needs.AUTH, (m, v) -> m.select(v, true)),
            new Arg("status(mailbox)", Needs.AUTH, (m, v) -> m.status(v, "(MESSAGES)")),
            new Arg("status(names)", Needs.AUTH, (m, v) -> m.status("INBOX", v)),
            new Arg("enable(capability)", Needs.AUTH, Imap4::enable),
            new Arg("proxyauth(user)", Needs.AUTH, Imap4::proxyauth),
            new Arg("xatom(name)", Needs.AUTH, (m, v) -> m.xatom(v)),
            new Arg("xatom(arg)", Needs.AUTH, (m, v) -> m.xatom("XFOO", v)),
            new Arg("copy(message_set)", Needs.SELECTED, (m, v) -> m.copy(v, "b")),
            new Arg("copy(new_mailbox)", Needs.SELECTED, (m, v) -> m.copy("1", v)),
            new Arg("fetch(message_set)", Needs.SELECTED, (m, v) -> m.fetch(v, "(FLAGS)")),
            new Arg("fetch(message_parts)", Needs.SELECTED, (m, v) -> m.fetch("1", v)),
            new Arg("partial(message_num)", Needs.SELECTED, (m, v) -> m.partial(v, "BODY[]", 0, 1)),
            new Arg("partial(message_part)", Needs.SELECTED, (m, v) -> m.partial("1", v, 0, 1)),
            new Arg("search(charset)", Needs.SELECTED, (m, v) -> m.search(v, "ALL")),
            new Arg("search(criterion)", Needs.SELECTED, (m, v) -> m.search(null, "ALL", v)),
            new Arg("sort(sort_criteria)", Needs.SELECTED, (m, v) -> m.sort(v, "UTF-8", "ALL")),
            new Arg("sort(charset)", Needs.SELECTED, (m, v) -> m.sort("DATE", v, "ALL")),
            new Arg("sort(criterion)", Needs.SELECTED, (m, v) -> m.sort("DATE", "UTF-8", v)),
            new Arg("store(message_set)", Needs.SELECTED, (m, v) -> m.store(v, "+FLAGS", "(\\Seen)")),
            new Arg("store(command)", Needs.SELECTED, (m, v) -> m.store("1", v, "(\\Seen)")),
            new Arg("store(flags)", Needs.SELECTED, (m, v) -> m.store("1", "+FLAGS", v)),
            new Arg("thread(algorithm)", Needs.SELECTED, (m, v) -> m.thread(v, "UTF-8", "ALL")),
            new Arg("thread(charset)", Needs.SELECTED, (m, v) -> m.thread("REFERENCES", v, "ALL")),
            new Arg("thread(criterion)", Needs.SELECTED, (m, v) -> m.thread("REFERENCES", "UTF-8", v)),
            new Arg("uid(command)", Needs.SELECTED, (m, v) -> m.uid(v, "1")),
            new Arg("uid(arg 1)", Needs.SELECTED, (m, v) -> m.uid("FETCH", v, "(FLAGS)")),
            new Arg("uid(arg 2)", Needs.SELECTED, (m, v) -> m.uid("FETCH", "1", v)));

    private RawArgumentCalls() {
    }
}
