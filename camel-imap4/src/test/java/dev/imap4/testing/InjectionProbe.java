package dev.imap4.testing;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapClient;
import dev.imap4.client.internal.wire.Ascii;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One connection to an {@link OkServerTransport}, and the check that a call with a hostile value
 * put nothing on the wire but whole, correctly framed commands: every command the server framed
 * carries the engine's tag prefix and a higher number than the one before (a line smuggled in by a
 * value would carry something else), no framing
 * rule was broken, and the connection is still in step. The client may refuse the value instead
 * ({@link Imap4Exception} or {@link IllegalArgumentException}), but must not have sent part of it.
 */
public final class InjectionProbe {

    private final OkServerTransport server;
    private final TransportImap4 imap;
    private int checked;
    private long lastTagNumber;

    public InjectionProbe(String greeting, String capabilities) {
        this.server = new OkServerTransport(greeting, capabilities);
        this.imap = new TransportImap4(server, Imap4Options.defaults());
    }

    public TransportImap4 imap() {
        return imap;
    }

    public ImapClient client() {
        return imap.client();
    }

    public OkServerTransport server() {
        return server;
    }

    /** The commands so far are in order and well framed (used after set-up commands too). */
    public void verifySoFar(String context) {
        List<String> violations = server.violations();
        if (!violations.isEmpty()) {
            throw new AssertionError(context + ": " + violations);
        }
        List<OkServerTransport.Command> all = server.commands();
        for (int i = checked; i < all.size(); i++) {
            String tag = all.get(i).tag();
            String prefix = imap.tagPrefix();
            long n = tag.startsWith(prefix) && tag.length() > prefix.length()
                    && tag.substring(prefix.length()).chars().allMatch(Character::isDigit)
                    ? Long.parseLong(tag.substring(prefix.length())) : -1;
            // a refused command uses up its number without sending anything, so numbers only increase
            if (n <= lastTagNumber) {
                throw new AssertionError(context + ": command " + (i + 1) + " should carry a tag " + prefix
                        + "<n> with n above " + lastTagNumber + ", the server framed: " + Ascii.printable(all.get(i).bytes()));
            }
            lastTagNumber = n;
        }
        checked = all.size();
        if (!client().isConnected()) {
            throw new AssertionError(context + ": the connection was closed");
        }
    }

    /**
     * Runs {@code call} with {@code value} and verifies the wire. When the value was accepted and
     * {@code sent} is not null, the commands must hold {@code sent} (the value as the command should
     * carry it) whole: as it is, as a quoted string, or as a literal's bytes.
     *
     * @return whether the client refused the value
     */
    public boolean attempt(String context, String sent, Runnable call) {
        int before = server.commands().size();
        boolean refused = false;
        try {
            call.run();
        } catch (Imap4AbortException | Imap4CommandException e) {
            throw new AssertionError(context + ": the server and the client fell out of step: " + e, e);
        } catch (Imap4Exception | IllegalArgumentException e) {
            refused = true;
        }
        verifySoFar(context);
        if (!refused && sent != null && !carried(server.commands().subList(before, server.commands().size()), sent)) {
            throw new AssertionError(context + ": the value did not arrive whole; the server framed "
                    + server.commands().subList(before, server.commands().size()).stream()
                            .map(c -> Ascii.printable(c.bytes())).toList());
        }
        return refused;
    }

    private static boolean carried(List<OkServerTransport.Command> commands, String value) {
        byte[] plain = value.getBytes(StandardCharsets.UTF_8);
        byte[] quoted = ("\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").getBytes(StandardCharsets.UTF_8);
        for (OkServerTransport.Command c : commands) {
            if (contains(c.bytes(), plain) || contains(c.bytes(), quoted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
