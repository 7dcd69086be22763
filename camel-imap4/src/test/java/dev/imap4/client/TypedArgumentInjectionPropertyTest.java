package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.StoreMode;
import dev.imap4.client.sasl.SaslMechanism;
import dev.imap4.client.types.BodySection;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.SearchKey;
import dev.imap4.client.internal.wire.Ascii;
import dev.imap4.testing.HostileStrings;
import dev.imap4.testing.InjectionProbe;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever string goes into any string argument of the typed API ({@link ImapClient} and
 * {@link ImapExtensions}), the server frames exactly the commands the client meant, each whole, or
 * the client refuses the value before sending anything of it. Mailbox names must arrive as their
 * modified UTF-7 form. Seeded, fixed iterations, fresh in-memory connection per attempt.
 */
class TypedArgumentInjectionPropertyTest {

    private static final long SEED = 0x7E5_2026L;
    private static final int VALUES_PER_ARGUMENT = 40;
    private static final String CAPABILITIES = "IMAP4rev1 SORT THREAD=REFERENCES MOVE UIDPLUS QUOTA ACL ENABLE ID"
            + " NAMESPACE CONDSTORE ESEARCH XLIST SEARCH=FUZZY FILTERS METADATA-SERVER";
    private static final byte[] MSG = "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final NumberSet UID = NumberSet.uids(7);
    private static final NumberSet SEQ = NumberSet.seqs(1);

    /** How the value should show on the wire once accepted. */
    private enum Sent { VERBATIM, MAILBOX, TRANSFORMED }

    private record Arg(String name, boolean selected, Sent sent, BiConsumer<ImapClient, String> call) {
    }

    private static final List<Arg> ARGS = List.of(
            new Arg("login(user)", false, Sent.VERBATIM, (c, v) -> c.login(v, "pw")),
            new Arg("login(password)", false, Sent.VERBATIM, (c, v) -> c.login("joe", v)),
            new Arg("authenticate(mechanism)", false, Sent.VERBATIM, (c, v) -> c.authenticate(named(v))),
            new Arg("select", false, Sent.MAILBOX, ImapClient::select),
            new Arg("examine", false, Sent.MAILBOX, ImapClient::examine),
            new Arg("create", false, Sent.MAILBOX, ImapClient::create),
            new Arg("delete", false, Sent.MAILBOX, ImapClient::delete),
            new Arg("rename(from)", false, Sent.MAILBOX, (c, v) -> c.rename(v, "b")),
            new Arg("rename(to)", false, Sent.MAILBOX, (c, v) -> c.rename("a", v)),
            new Arg("subscribe", false, Sent.MAILBOX, ImapClient::subscribe),
            new Arg("unsubscribe", false, Sent.MAILBOX, ImapClient::unsubscribe),
            new Arg("list(reference)", false, Sent.MAILBOX, (c, v) -> c.list(v, "*")),
            new Arg("list(pattern)", false, Sent.MAILBOX, (c, v) -> c.list("", v)),
            new Arg("xlist(reference)", false, Sent.MAILBOX, (c, v) -> c.xlist(v, "*")),
            new Arg("xlist(pattern)", false, Sent.MAILBOX, (c, v) -> c.xlist("", v)),
            new Arg("setFilter(name)", false, Sent.VERBATIM, (c, v) -> c.extensions().setFilter(v, "ALL")),
            new Arg("setFilter(program)", false, Sent.VERBATIM, (c, v) -> c.extensions().setFilter("f", v)),
            new Arg("getFilter", false, Sent.VERBATIM, (c, v) -> c.extensions().getFilter(v)),
            new Arg("uidSearch(SearchKey.filter)", true, Sent.VERBATIM,
                    (c, v) -> c.uidSearch(SearchKey.or(SearchKey.filter(v), SearchKey.SEEN))),
            new Arg("uidSearch(SearchKey.fuzzy)", true, Sent.VERBATIM,
                    (c, v) -> c.uidSearch(SearchKey.not(SearchKey.fuzzy(SearchKey.subject(v))))),
            new Arg("lsub(reference)", false, Sent.MAILBOX, (c, v) -> c.lsub(v, "*")),
            new Arg("lsub(pattern)", false, Sent.MAILBOX, (c, v) -> c.lsub("", v)),
            new Arg("status(mailbox)", false, Sent.MAILBOX, (c, v) -> c.status(v, "MESSAGES")),
            new Arg("status(item)", false, Sent.VERBATIM, (c, v) -> c.status("INBOX", v)),
            new Arg("append(mailbox)", false, Sent.MAILBOX, (c, v) -> c.append(v, List.of(), null, MSG)),
            new Arg("append(flag)", false, Sent.VERBATIM, (c, v) -> c.append("INBOX", List.of(v), null, MSG)),
            new Arg("raw(verb)", false, Sent.TRANSFORMED, (c, v) -> c.raw(v, List.of("a"))),
            new Arg("raw(arg)", false, Sent.VERBATIM, (c, v) -> c.raw("XFOO", List.of(v))),
            new Arg("enable", false, Sent.VERBATIM, (c, v) -> c.extensions().enable(v)),
            new Arg("id(key)", false, Sent.VERBATIM, (c, v) -> c.extensions().id(map(v, "x"))),
            new Arg("id(value)", false, Sent.VERBATIM, (c, v) -> c.extensions().id(map("name", v))),
            new Arg("getQuota", false, Sent.VERBATIM, (c, v) -> c.extensions().getQuota(v)),
            new Arg("getQuotaRoot", false, Sent.MAILBOX, (c, v) -> c.extensions().getQuotaRoot(v)),
            new Arg("setQuota(root)", false, Sent.VERBATIM, (c, v) -> c.extensions().setQuota(v, Map.of("STORAGE", 1L))),
            new Arg("setQuota(resource)", false, Sent.VERBATIM, (c, v) -> c.extensions().setQuota("", Map.of(v, 1L))),
            new Arg("getAcl", false, Sent.MAILBOX, (c, v) -> c.extensions().getAcl(v)),
            new Arg("setAcl(mailbox)", false, Sent.MAILBOX, (c, v) -> c.extensions().setAcl(v, "fred", "lrs")),
            new Arg("setAcl(identifier)", false, Sent.VERBATIM, (c, v) -> c.extensions().setAcl("INBOX", v, "lrs")),
            new Arg("setAcl(rights)", false, Sent.VERBATIM, (c, v) -> c.extensions().setAcl("INBOX", "fred", v)),
            new Arg("deleteAcl(mailbox)", false, Sent.MAILBOX, (c, v) -> c.extensions().deleteAcl(v, "fred")),
            new Arg("deleteAcl(identifier)", false, Sent.VERBATIM, (c, v) -> c.extensions().deleteAcl("INBOX", v)),
            new Arg("myRights", false, Sent.MAILBOX, (c, v) -> c.extensions().myRights(v)),
            new Arg("uidSearch(criteria)", true, Sent.TRANSFORMED, ImapClient::uidSearch),
            new Arg("uidSearch(charset)", true, Sent.VERBATIM, (c, v) -> c.uidSearch(v, "ALL")),
            new Arg("search(criterion)", true, Sent.VERBATIM, (c, v) -> c.search(false, null, List.of("SUBJECT", v))),
            new Arg("uidSearch(SearchKey.subject)", true, Sent.VERBATIM, (c, v) -> c.uidSearch(SearchKey.subject(v))),
            new Arg("uidSearch(SearchKey.header name)", true, Sent.VERBATIM,
                    (c, v) -> c.uidSearch(SearchKey.header(v, "x"))),
            new Arg("uidSearch(SearchKey.header value)", true, Sent.VERBATIM,
                    (c, v) -> c.uidSearch(SearchKey.not(SearchKey.header("X-A", v)))),
            new Arg("uidSearch(SearchKey.keyword)", true, Sent.VERBATIM,
                    (c, v) -> c.uidSearch(SearchKey.or(SearchKey.keyword(v), SearchKey.SEEN))),
            new Arg("uidSearch(SearchKey.program)", true, Sent.TRANSFORMED,
                    (c, v) -> c.uidSearch(SearchKey.or(SearchKey.program(List.of("FROM", v)), SearchKey.SEEN))),
            new Arg("sort(SearchKey.from)", true, Sent.VERBATIM, (c, v) -> c.sort(true, "DATE", SearchKey.from(v))),
            new Arg("uidSort(criteria)", true, Sent.TRANSFORMED, (c, v) -> c.uidSort(v, "UTF-8", "ALL")),
            new Arg("uidSort(charset)", true, Sent.VERBATIM, (c, v) -> c.uidSort("DATE", v, "ALL")),
            new Arg("uidSort(search)", true, Sent.TRANSFORMED, (c, v) -> c.uidSort("DATE", "UTF-8", v)),
            new Arg("uidThread(algorithm)", true, Sent.VERBATIM, (c, v) -> c.extensions().uidThread(v, "UTF-8", "ALL")),
            new Arg("uidThread(charset)", true, Sent.VERBATIM, (c, v) -> c.extensions().uidThread("REFERENCES", v, "ALL")),
            new Arg("uidThread(criteria)", true, Sent.TRANSFORMED,
                    (c, v) -> c.extensions().uidThread("REFERENCES", "UTF-8", v)),
            new Arg("uidFetch(items)", true, Sent.TRANSFORMED, (c, v) -> c.uidFetch(UID, FetchItems.parse(v), m -> { })),
            new Arg("uidFetch(header field)", true, Sent.VERBATIM, (c, v) -> c.uidFetch(UID,
                    FetchItems.of().withSection(BodySection.whole().headerFields(v)), m -> { })),
            new Arg("uidFetch(item)", true, Sent.VERBATIM, (c, v) -> c.uidFetch(UID, FetchItems.of().withItem(v), m -> { })),
            new Arg("uidStore(flag)", true, Sent.VERBATIM,
                    (c, v) -> c.uidStore(UID, StoreMode.ADD, false, List.of(v))),
            new Arg("store(flag)", true, Sent.VERBATIM, (c, v) -> c.store(SEQ, StoreMode.REPLACE, true, List.of(v))),
            new Arg("uidCopy", true, Sent.MAILBOX, (c, v) -> c.uidCopy(UID, v)),
            new Arg("uidMove", true, Sent.MAILBOX, (c, v) -> c.uidMove(UID, v)),
            new Arg("copy", true, Sent.MAILBOX, (c, v) -> c.copy(SEQ, v)),
            new Arg("move", true, Sent.MAILBOX, (c, v) -> c.move(SEQ, v)));

    @Test
    void everyStringArgumentOfTheTypedApiIsFramedOrRefused() {
        HostileStrings values = new HostileStrings(SEED);
        int accepted = 0;
        int refused = 0;
        for (Arg a : ARGS) {
            for (int i = 0; i < VALUES_PER_ARGUMENT; i++) {
                String v = values.next();
                boolean literalPlus = values.nextBoolean();
                String context = a.name() + " <- " + Ascii.printable(v.getBytes(StandardCharsets.UTF_8))
                        + (literalPlus ? " (LITERAL+)" : "");
                boolean nonAuth = a.name().startsWith("login") || a.name().startsWith("authenticate");
                InjectionProbe p = new InjectionProbe(nonAuth ? "OK" : "PREAUTH",
                        CAPABILITIES + (nonAuth ? " AUTH=" + "PLAIN" : "") + (literalPlus ? " LITERAL+" : ""));
                if (a.selected()) {
                    p.client().select("INBOX");
                    p.verifySoFar(context + " (set-up)");
                }
                if (p.attempt(context, expected(a.sent(), v), () -> a.call().accept(p.client(), v))) {
                    refused++;
                } else {
                    accepted++;
                }
            }
        }
        assertTrue(refused > 0 && accepted > refused, accepted + " accepted, " + refused + " refused");
    }

    /**
     * The same for every mailbox argument once UTF8=ACCEPT is on (here a UTF8=ONLY server, enabled
     * by the OK to ENABLE): a name arrives as its UTF-8 bytes, quoted or as a literal, never cut,
     * or is refused when it has no UTF-8 form.
     */
    @Test
    void underUtf8AcceptEveryMailboxArgumentIsFramedOrRefused() {
        HostileStrings values = new HostileStrings(SEED + 1);
        int accepted = 0;
        int refused = 0;
        for (Arg a : ARGS) {
            if (a.sent() != Sent.MAILBOX) {
                continue;
            }
            for (int i = 0; i < VALUES_PER_ARGUMENT; i++) {
                String v = values.next();
                boolean literalPlus = values.nextBoolean();
                String context = a.name() + " <- " + Ascii.printable(v.getBytes(StandardCharsets.UTF_8))
                        + " (UTF8=ACCEPT" + (literalPlus ? ", LITERAL+)" : ")");
                InjectionProbe p = new InjectionProbe("PREAUTH", CAPABILITIES + " UTF8=ONLY"
                        + (literalPlus ? " LITERAL+" : ""));
                assertTrue(p.client().isUtf8Enabled(), context);
                if (a.selected()) {
                    p.client().select("INBOX");
                }
                p.verifySoFar(context + " (set-up)");
                boolean wasRefused = p.attempt(context, hasUtf8Form(v) ? v : null, () -> a.call().accept(p.client(), v));
                // a lone surrogate would go out as '?', naming another mailbox
                assertTrue(wasRefused || hasUtf8Form(v), context + ": a name with no UTF-8 form was sent");
                if (wasRefused) {
                    refused++;
                } else {
                    accepted++;
                }
            }
        }
        assertTrue(refused > 0 && accepted > refused, accepted + " accepted, " + refused + " refused");
    }

    private static boolean hasUtf8Form(String v) {
        return v.isEmpty() || new String(v.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(v);
    }

    private static String expected(Sent sent, String v) {
        return switch (sent) {
            case VERBATIM -> v;
            case MAILBOX -> encodable(v) ? ModifiedUtf7.encode(v) : null;
            case TRANSFORMED -> null;
        };
    }

    /** A lone surrogate has no modified UTF-7 form: the client refuses such a name. */
    private static boolean encodable(String v) {
        try {
            ModifiedUtf7.encode(v);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, String> map(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    /** A mechanism with a hostile name and no initial response. */
    private static SaslMechanism named(String name) {
        return new SaslMechanism() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public byte[] initialResponse() {
                return null;
            }

            @Override
            public byte[] evaluateChallenge(byte[] challenge) {
                return new byte[0];
            }
        };
    }
}
