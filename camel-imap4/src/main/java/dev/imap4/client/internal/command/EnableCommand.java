package dev.imap4.client.internal.command;

import dev.imap4.client.internal.parse.EnabledParser;
import dev.imap4.client.internal.wire.CommandWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ENABLE (RFC 5161): the capabilities to enable, as atoms. The result is every name the ENABLED
 * responses list; some servers (iCloud) send no ENABLED response at all, and then it is empty.
 */
public final class EnableCommand extends DataCommand<Set<String>> {

    private final List<String> capabilities;

    public EnableCommand(String... capabilities) {
        super("ENABLE", Map.of("ENABLED", EnabledParser::parse));
        this.capabilities = List.of(capabilities);
    }

    /**
     * Whether an ENABLED answer switches the connection's mailbox names to UTF-8 (RFC 6855 §3): it
     * names UTF8=ACCEPT. Some servers (iCloud) send no ENABLED at all, which switches nothing.
     */
    public static boolean enablesUtf8(Set<String> enabled) {
        return enabled.stream().anyMatch(c -> c.equalsIgnoreCase("UTF8=ACCEPT"));
    }

    /** ENABLE in imaplib's raw form: one capability, answered by ENABLED. */
    public static RawCommand raw(String capability) {
        return new RawCommand("ENABLE").arg(capability).answeredBy("ENABLED");
    }

    @Override
    public void arguments(CommandWriter out) {
        for (String c : capabilities) {
            out.atom(c);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    Set<String> result(List<Object> data) {
        Set<String> all = new LinkedHashSet<>();
        for (Object o : data) {
            all.addAll((Set<String>) o);
        }
        return all;
    }
}
