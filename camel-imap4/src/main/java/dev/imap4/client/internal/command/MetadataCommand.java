package dev.imap4.client.internal.command;

import dev.imap4.client.internal.parse.MetadataParser;
import dev.imap4.client.internal.wire.CommandWriter;
import dev.imap4.client.types.Metadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GETMETADATA and SETMETADATA (RFC 5464 §4.2, §4.3): sibling verbs on one response, one factory
 * each. The mailbox {@code ""} names the server's own annotations.
 */
public final class MetadataCommand extends DataCommand<Metadata> {

    private MetadataCommand(String verb, java.util.function.Consumer<CommandWriter> args,
            java.util.function.Function<List<Object>, Metadata> result) {
        super(verb, Map.of("METADATA", MetadataParser::parse), args, result);
    }

    /**
     * GETMETADATA {@code [(MAXSIZE n DEPTH d)] mailbox (entries)}: the values of every METADATA
     * response for the mailbox merged into one, in order.
     *
     * @param maxSize the largest value in bytes to send back, or {@code null} for no MAXSIZE
     * @param depth   how deep below each entry, or {@code null} for the entry alone
     */
    public static MetadataCommand get(String mailbox, String encoded, List<String> entries, Long maxSize,
            Metadata.Depth depth) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("GETMETADATA needs at least one entry, e.g. /private/comment");
        }
        entries.forEach(Metadata::checkEntry);
        return new MetadataCommand("GETMETADATA", out -> {
            if (maxSize != null || depth != null) {
                out.openList();
                if (maxSize != null) {
                    out.atom("MAXSIZE");
                    out.number(maxSize);
                }
                if (depth != null) {
                    out.atom("DEPTH");
                    out.atom(depth.wire());
                }
                out.closeList();
            }
            out.astring(encoded);
            out.openList();
            entries.forEach(out::astring);
            out.closeList();
        }, data -> {
            Map<String, String> merged = new LinkedHashMap<>();
            for (Metadata m : all(data, Metadata.class)) {
                merged.putAll(m.entries());
            }
            return new Metadata(mailbox, merged, null);
        });
    }

    /** SETMETADATA {@code mailbox (entry value ...)}; a {@code null} value removes the entry (NIL). */
    public static MetadataCommand set(String mailbox, String encoded, Map<String, String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("SETMETADATA needs at least one entry");
        }
        values.keySet().forEach(Metadata::checkEntry);
        Map<String, String> copy = new LinkedHashMap<>(values);
        return new MetadataCommand("SETMETADATA", out -> {
            out.astring(encoded);
            out.openList();
            copy.forEach((entry, value) -> {
                out.astring(entry);
                if (value == null) {
                    out.atom("NIL");
                } else {
                    out.string(value);
                }
            });
            out.closeList();
        }, data -> new Metadata(mailbox, copy, null));
    }
}
