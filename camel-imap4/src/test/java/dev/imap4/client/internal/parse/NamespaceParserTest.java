package dev.imap4.client.internal.parse;

import static dev.imap4.client.internal.parse.Wire.after;
import static dev.imap4.client.internal.parse.Wire.consumed;
import static dev.imap4.client.internal.parse.Wire.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imap4.client.types.Namespace;
import dev.imap4.client.types.Namespaces;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamespaceParserTest {

    private static Namespaces ns(String wire) {
        ImapInput in = after(wire, "NAMESPACE");
        Namespaces n = NamespaceParser.parse(in);
        consumed(in);
        return n;
    }

    @Test
    void personalOnly() {
        assertEquals(new Namespaces(List.of(new Namespace("", "/")), List.of(), List.of()),
                ns("* NAMESPACE ((\"\" \"/\")) NIL NIL"));
    }

    @Test
    void inboxDotStyleWithExtraSpace() {
        assertEquals(List.of(new Namespace("INBOX.", ".")), ns("* NAMESPACE ((\"INBOX.\" \".\")) NIL  NIL").personal());
    }

    @Test
    void rfc2342FullExampleWithExtension() {
        Namespaces n = ns("* NAMESPACE ((\"\" \"/\")(\"#mh/\" \"/\" \"X-PARAM\" (\"FLAG1\" \"FLAG2\")))"
                + " ((\"~\" \"/\")) ((\"#shared/\" \"/\")(\"#public/\" \"/\")(\"#ftp/\" \"/\")(\"#news.\" \".\"))");
        assertEquals(new Namespace("#mh/", "/", Map.of("X-PARAM", List.of("FLAG1", "FLAG2"))), n.personal().get(1));
        assertEquals(List.of(new Namespace("~", "/")), n.otherUsers());
        assertEquals(4, n.shared().size());
        assertEquals(".", n.shared().get(3).delimiter());
    }

    @Test
    void nilDelimiterAndModifiedUtf7Prefix() {
        assertEquals(new Namespace("Entwürfe/", null), ns("* NAMESPACE ((\"Entw&APw-rfe/\" NIL)) NIL NIL").personal().get(0));
    }

    @Test
    void atomWhereNamespaceBelongsNamesTheRule() {
        fails(after("* NAMESPACE NONE NIL NIL", "NAMESPACE"), NamespaceParser::parse, "Namespace");
    }

    @Test
    void badDelimiterNamesTheRule() {
        fails(after("* NAMESPACE ((\"\" /)) NIL NIL", "NAMESPACE"), NamespaceParser::parse, "Namespace_Descr");
    }
}
