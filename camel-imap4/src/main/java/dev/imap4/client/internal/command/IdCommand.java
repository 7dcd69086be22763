package dev.imap4.client.internal.command;

import dev.imap4.client.internal.parse.IdParser;
import dev.imap4.client.internal.wire.CommandWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ID (RFC 2971): our parameters as a list of string pairs (NIL for none, and for a null value);
 * the result is the server's parameters, empty when it sends none.
 */
public final class IdCommand extends DataCommand<Map<String, String>> {

    private final Map<String, String> parameters;

    /** @param parameters in the order given; null or empty sends NIL */
    public IdCommand(Map<String, String> parameters) {
        super("ID", Map.of("ID", IdParser::parse));
        this.parameters = parameters == null ? Map.of() : new LinkedHashMap<>(parameters);
    }

    @Override
    public void arguments(CommandWriter out) {
        if (parameters.isEmpty()) {
            out.raw("NIL");
            return;
        }
        out.openList();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            out.string(e.getKey());
            if (e.getValue() == null) {
                out.raw("NIL");
            } else {
                out.string(e.getValue());
            }
        }
        out.closeList();
    }

    @Override
    @SuppressWarnings("unchecked")
    Map<String, String> result(List<Object> data) {
        return data.isEmpty() ? Map.of() : (Map<String, String>) data.get(0);
    }
}
