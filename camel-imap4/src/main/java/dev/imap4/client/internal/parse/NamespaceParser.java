package dev.imap4.client.internal.parse;

import dev.imap4.client.types.Namespace;
import dev.imap4.client.types.Namespaces;
import dev.imap4.client.internal.wire.ImapInput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 2342 §5 NAMESPACE response data: personal, other users' and shared namespaces. */
public final class NamespaceParser {

    private NamespaceParser() {
    }

    /** Reads {@code SP Namespace SP Namespace SP Namespace}: {@code in} stands right after the word NAMESPACE. */
    public static Namespaces parse(ImapInput in) {
        in.sp();
        List<Namespace> personal = namespaces(in);
        in.sp();
        List<Namespace> other = namespaces(in);
        in.sp();
        List<Namespace> shared = namespaces(in);
        return new Namespaces(personal, other, shared);
    }

    // Namespace = nil / "(" 1*Namespace_Descr ")"
    private static List<Namespace> namespaces(ImapInput in) {
        if (in.maybeNil()) {
            return List.of();
        }
        if (!in.peekIs('(')) {
            throw in.error("Namespace", "'(' or NIL");
        }
        in.listStart("Namespace");
        List<Namespace> out = new ArrayList<>();
        while (true) {
            in.maybeSp();
            if (in.listEnd()) {
                return out;
            }
            out.add(descr(in));
        }
    }

    // Namespace_Descr = "(" string SP (DQUOTE QUOTED_CHAR DQUOTE / nil) *(Namespace_Response_Extension) ")"
    // Namespace_Response_Extension = SP string SP "(" string *(SP string) ")"
    private static Namespace descr(ImapInput in) {
        if (!in.peekIs('(')) {
            throw in.error("Namespace_Descr", "'('");
        }
        in.listStart("Namespace_Descr");
        String prefix = Lex.name(in, in.string("Namespace_Descr"));
        in.sp();
        String delimiter = null;
        if (!in.maybeNil()) {
            if (!in.peekIs('"')) {
                throw in.error("Namespace_Descr", "the delimiter as a quoted character, or NIL");
            }
            delimiter = new String(in.quotedBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> extensions = new LinkedHashMap<>();
        while (in.listMore("Namespace_Response_Extension")) {
            String name = in.string("Namespace_Response_Extension");
            in.sp();
            if (!in.peekIs('(')) {
                throw in.error("Namespace_Response_Extension", "'('");
            }
            in.listStart("Namespace_Response_Extension");
            List<String> values = new ArrayList<>();
            while (true) {
                in.maybeSp();
                if (in.listEnd()) {
                    break;
                }
                values.add(in.string("Namespace_Response_Extension"));
            }
            extensions.put(name, values);
        }
        in.listEnd();
        return new Namespace(prefix, delimiter, extensions);
    }
}
