package dev.imap4.client.types;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One namespace description of RFC 2342.
 *
 * @param prefix     the prefix, decoded from modified UTF-7, or as sent under UTF8=ACCEPT (e.g. {@code "INBOX."}, {@code ""})
 * @param delimiter  the hierarchy delimiter, {@code null} for NIL
 * @param extensions Namespace_Response_Extension data by name (RFC 2342 §5), e.g. RFC 5255 TRANSLATION
 */
public record Namespace(String prefix, String delimiter, Map<String, List<String>> extensions) {

    public Namespace {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (extensions != null) {
            extensions.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        extensions = Collections.unmodifiableMap(copy);
    }

    /** A namespace without extension data. */
    public Namespace(String prefix, String delimiter) {
        this(prefix, delimiter, Map.of());
    }
}
