package dev.imap4.client.interop;

import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.Imap4ReadOnlyException;
import dev.imap4.client.ImapData;
import dev.imap4.client.ImapResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What one step of the differential sequence returned, in a form both runners produce: imaplib's
 * {@code (typ, data)} with data items {@code null}, a line ({@code byte[]}), a {@code (header,
 * literal)} pair ({@code byte[][]}) or a nested list; or the exception it raised, by imaplib's kind
 * ({@code error}, {@code abort}, {@code readonly}) or class name.
 */
record Outcome(String type, List<Object> data, String errorKind, String errorMessage) {

    static Outcome of(ImapResult r) {
        return new Outcome(r.type(), items(r.data()), null, null);
    }

    static List<Object> items(List<ImapData> data) {
        List<Object> out = new ArrayList<>();
        for (ImapData d : data) {
            if (d == null) {
                out.add(null);
            } else if (d instanceof ImapData.Line l) {
                out.add(l.bytes());
            } else {
                ImapData.Pair p = (ImapData.Pair) d;
                out.add(new byte[][] {p.header(), p.literal().bytes()});
            }
        }
        return out;
    }

    static Outcome failed(RuntimeException e) {
        String kind = e instanceof Imap4ReadOnlyException ? "readonly"
                : e instanceof Imap4AbortException ? "abort"
                : e instanceof Imap4Exception ? "error" : e.getClass().getSimpleName();
        return new Outcome(null, List.of(), kind, e.getMessage());
    }

    /** Parses the runner's lines for one step (between STEP and END). */
    static Outcome parse(List<String> lines) {
        String first = lines.get(0);
        if (first.startsWith("ERROR ")) {
            String[] p = first.split(" ", 3);
            return new Outcome(null, List.of(), p[1], text(p.length > 2 ? p[2] : ""));
        }
        List<Object> root = new ArrayList<>();
        List<List<Object>> stack = new ArrayList<>(List.of(root));
        for (String line : lines.subList(1, lines.size())) {
            List<Object> top = stack.get(stack.size() - 1);
            String[] p = line.split(" ", -1);
            switch (p[0]) {
                case "NONE" -> top.add(null);
                case "LINE" -> top.add(bytes(p.length > 1 ? p[1] : ""));
                case "PAIR" -> top.add(new byte[][] {bytes(p[1]), bytes(p[2])});
                case "LIST" -> {
                    List<Object> nested = new ArrayList<>();
                    top.add(nested);
                    stack.add(nested);
                }
                case "ENDLIST" -> stack.remove(stack.size() - 1);
                default -> throw new IllegalArgumentException("unexpected runner output: " + line);
            }
        }
        return new Outcome(first.substring("TYPE ".length()), root, null, null);
    }

    private static byte[] bytes(String b64) {
        return Base64.getDecoder().decode(b64);
    }

    private static String text(String b64) {
        return new String(bytes(b64), StandardCharsets.UTF_8);
    }

    /** A readable, exact rendering: one line per item, bytes escaped where not printable ASCII. */
    String render() {
        StringBuilder sb = new StringBuilder();
        if (errorKind != null) {
            return sb.append("raises ").append(errorKind).append(": ").append(errorMessage).toString();
        }
        sb.append(type);
        render(data, sb, "  ");
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void render(List<Object> items, StringBuilder sb, String indent) {
        for (Object o : items) {
            sb.append('\n').append(indent);
            if (o == null) {
                sb.append("None");
            } else if (o instanceof byte[] b) {
                sb.append(escape(b));
            } else if (o instanceof byte[][] pair) {
                sb.append('(').append(escape(pair[0])).append(", ").append(escape(pair[1])).append(')');
            } else {
                sb.append('[');
                render((List<Object>) o, sb, indent + "  ");
                sb.append('\n').append(indent).append(']');
            }
        }
    }

    private static String escape(byte[] b) {
        StringBuilder sb = new StringBuilder("b'");
        for (byte x : b) {
            int c = x & 0xff;
            if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\\' || c == '\'') {
                sb.append('\\').append((char) c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.append('\'').toString();
    }
}
