package dev.imap4.client.internal.command;

import dev.imap4.client.internal.parse.NamespaceParser;
import dev.imap4.client.types.Namespaces;
import dev.imap4.client.internal.wire.CommandWriter;
import java.util.List;
import java.util.Map;

/** NAMESPACE (RFC 2342): no arguments; a server that sends no NAMESPACE data gives three empty lists. */
public final class NamespaceCommand extends DataCommand<Namespaces> {

    public NamespaceCommand() {
        super("NAMESPACE", Map.of("NAMESPACE", NamespaceParser::parse));
    }

    /** NAMESPACE in imaplib's raw form. */
    public static RawCommand raw() {
        return new RawCommand("NAMESPACE").answeredBy("NAMESPACE");
    }

    @Override
    public void arguments(CommandWriter out) {
        // none
    }

    @Override
    Namespaces result(List<Object> data) {
        return first(data, Namespaces.class, new Namespaces(List.of(), List.of(), List.of()));
    }
}
