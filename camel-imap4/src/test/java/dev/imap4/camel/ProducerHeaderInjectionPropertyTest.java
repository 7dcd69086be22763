package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.internal.wire.Ascii;
import dev.imap4.testing.HostileStrings;
import dev.imap4.testing.InjectionProbe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever the producer headers hold ({@code CamelImap4Command}, {@code CamelImap4Arguments}
 * as a List or a String, {@code CamelImap4Folder}, {@code CamelImap4Flags} as a List or a String),
 * the server frames only whole, correctly tagged commands, or the exchange fails before anything of
 * the value is sent; the pooled connection never falls out of step, so it is the only one ever made.
 * Seeded, fixed number of exchanges, against an in-memory server that answers everything OK.
 */
class ProducerHeaderInjectionPropertyTest {

    private static final long SEED = 0xCA_2026L;
    private static final int EXCHANGES = 800;
    private static final byte[] MSG = "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    private final List<InjectionProbe> connections = new ArrayList<>();

    @Test
    void noHeaderValueCanSmuggleACommand() throws Exception {
        HostileStrings values = new HostileStrings(SEED);
        Random pick = new Random(SEED);
        List<String> verbs = Arrays.stream(Imap4Operation.values()).filter(o -> o != Imap4Operation.RAW)
                .map(Imap4Operation::verb).toList();
        int failed = 0;
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Imap4Component component = new Imap4Component();
            component.setClientFactory(new Imap4ClientFactory() {
                @Override
                public ImapClient connect(Imap4Configuration config, CamelContext ctx) {
                    InjectionProbe p = new InjectionProbe("PREAUTH", "IMAP4rev1 UIDPLUS MOVE SORT THREAD=REFERENCES"
                            + " ACL QUOTA NAMESPACE" + (connections.size() % 2 == 0 ? " LITERAL+" : ""));
                    connections.add(p);
                    return p.client();
                }
            });
            context.addComponent("imap4", component);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            for (int i = 0; i < EXCHANGES; i++) {
                String verb = pick.nextInt(10) < 7 ? verbs.get(pick.nextInt(verbs.size())) : values.nextNonEmpty();
                Object args = pick.nextBoolean() ? list(values, pick.nextInt(4)) : values.next();
                String folder = pick.nextBoolean() ? values.nextNonEmpty() : null;
                Object flags = switch (pick.nextInt(3)) {
                    case 0 -> list(values, 1 + pick.nextInt(2));
                    case 1 -> values.next();
                    default -> null;
                };
                String context1 = "exchange " + i + ": " + show(verb) + " " + show(String.valueOf(args)) + " folder "
                        + show(String.valueOf(folder)) + " flags " + show(String.valueOf(flags));
                Exchange e = template.request("imap4:localhost?security=PLAIN&poolSize=1", x -> {
                    x.getMessage().setHeader(Imap4Constants.COMMAND, verb);
                    x.getMessage().setHeader(Imap4Constants.ARGUMENTS, args);
                    x.getMessage().setHeader(Imap4Constants.FOLDER, folder);
                    x.getMessage().setHeader(Imap4Constants.FLAGS, flags);
                    x.getMessage().setBody(MSG);
                });
                if (e.getException() != null) {
                    failed++;
                    refusedBeforeSending(e.getException(), context1);
                }
                assertEquals(1, connections.size(), context1 + ": the pooled connection broke");
                connections.get(0).verifySoFar(context1);
            }
        }
        int sent = connections.get(0).server().commands().size();
        // the hostile verbs (3 in 10) are extension verbs or state-changing ones, which the producer's
        // command policy refuses before anything is sent; most of the typed ones go out
        assertTrue(failed > 0 && sent > EXCHANGES * 2 / 5, sent + " commands sent, " + failed + " exchanges refused");
    }

    /** A refusal is the client's (argument checks, encoding), never the connection's or a foreign failure. */
    private static void refusedBeforeSending(Exception e, String context) {
        boolean ours = e instanceof IllegalArgumentException
                || (e instanceof Imap4Exception && !(e instanceof Imap4AbortException)
                        && !(e instanceof Imap4CommandException));
        if (!ours) {
            throw new AssertionError(context + ": failed with " + e, e);
        }
    }

    private static List<String> list(HostileStrings values, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(values.next());
        }
        return out;
    }

    private static String show(String s) {
        return Ascii.printable(s.getBytes(StandardCharsets.UTF_8));
    }
}
