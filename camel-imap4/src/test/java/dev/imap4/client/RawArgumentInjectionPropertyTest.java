package dev.imap4.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.RawArgumentCalls.Arg;
import dev.imap4.client.RawArgumentCalls.Needs;
import dev.imap4.client.internal.wire.Ascii;
import dev.imap4.testing.HostileStrings;
import dev.imap4.testing.InjectionProbe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    /** Arguments the client changes on purpose (upper-cases a verb) or never sends (CRAM-MD5 digests). */
    private static final java.util.Set<String> NOT_VERBATIM = java.util.Set.of("authenticate(mechanism)",
            "login_cram_md5(user)", "login_cram_md5(password)", "xatom(name)", "uid(command)");


    @Test
    void everyArgumentOfEveryRawCommandIsFramedOrRefused() {
        HostileStrings values = new HostileStrings(SEED);
        List<String> accepted = new ArrayList<>();
        int refused = 0;
        for (Arg a : RawArgumentCalls.ALL) {
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
                if (p.attempt(context, !NOT_VERBATIM.contains(a.name()) ? v : null, () -> a.call().accept(p.imap(), v))) {
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
