package dev.imap4.client.scripted;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed IMAP conversation, the one transcript format of the test suite: played over a socket by
 * {@link ScriptedServer}, over a child's stdin/stdout by {@link StreamPeer} and in memory by
 * {@link ScriptedTransport}, all through the same {@link TranscriptPlayer}. The files under
 * {@code transcripts/} use it too (see {@code transcripts/README.md}). One step per line:
 *
 * <pre>
 * S: text        the server sends text + CRLF
 * R: text        the server sends text as it is, no CRLF added (literal bytes, injected bytes)
 * C: text        the client must send a line matching text (CRLF-terminated); after a line that
 *                announces a literal, the next C: step is the literal's bytes followed by the rest
 *                of the line
 * !tls           switch the connection to TLS here (server side of STARTTLS)
 * !tls-rejected  a TLS handshake here must fail (the client rejects the server, or vice versa)
 * !deflate       switch both directions to raw DEFLATE here (server side of RFC 4978 COMPRESS):
 *                later S:/R: text is compressed, each step sync-flushed, and C: lines are inflated
 * !wire text     send text's bytes on the connection itself, around any compression (a corrupt
 *                compressed stream)
 * !repeat n text send text n times, through any compression, as one step (a decompression bomb)
 * !stall 500     wait 500 ms without reading or writing
 * !close         close the connection (ends the transcript)
 * !ok-all        answer every further command "{tag} OK done" until the client disconnects,
 *                sending "+" for synchronizing literals; the commands are recorded
 * # comment      ignored, as are blank lines
 * </pre>
 *
 * When the steps run out, the client must close the connection without sending anything more.
 *
 * <p>In {@code S:}, {@code R:} and {@code C:} text, {@code {tag}} stands for a command tag: in a
 * {@code C:} line it matches the client's tag and remembers it, elsewhere it is replaced by the tag
 * remembered last. {@code {*}} in a {@code C:} line matches anything. Bytes that a Java text block
 * would mangle are written as tokens: {@code <CR> <LF> <CRLF> <NUL> <SP> <TAB>} and {@code <xHH>}
 * for any byte.
 */
public final class Transcript {

    /** What a step does. */
    public enum Kind { SEND, SEND_RAW, EXPECT, TLS, TLS_REJECTED, DEFLATE, WIRE, REPEAT, STALL, CLOSE, OK_ALL }

    /** One transcript line. {@code text} is what follows the prefix; {@code line} is 1-based. */
    public record Step(Kind kind, String text, int line) {
        /** The step as written in the transcript. */
        public String source() {
            return switch (kind) {
                case SEND -> "S: " + text;
                case SEND_RAW -> "R: " + text;
                case EXPECT -> "C: " + text;
                case TLS -> "!tls";
                case TLS_REJECTED -> "!tls-rejected";
                case DEFLATE -> "!deflate";
                case WIRE -> "!wire " + text;
                case REPEAT -> "!repeat " + text;
                case STALL -> "!stall " + text;
                case CLOSE -> "!close";
                case OK_ALL -> "!ok-all";
            };
        }
    }

    private static final Pattern TOKEN = Pattern.compile("<(CRLF|CR|LF|NUL|SP|TAB|x[0-9A-Fa-f]{2})>");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(tag|\\*)}");
    /** RFC 3501 tag: 1*(ASTRING-CHAR except "+"). */
    private static final String TAG_REGEX = "([^\\x00-\\x20\\x7f(){%*\"\\\\+\\]]+)";

    private final List<Step> steps;

    private Transcript(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** Parses transcript text (for example a Java text block). */
    public static Transcript parse(String text) {
        List<Step> steps = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int no = i + 1;
            if (l.isBlank() || l.stripLeading().startsWith("#")) {
                continue;
            }
            if (l.startsWith("S:") || l.startsWith("R:") || l.startsWith("C:")) {
                String body = l.substring(2);
                body = body.startsWith(" ") ? body.substring(1) : body;
                Kind k = l.charAt(0) == 'S' ? Kind.SEND : l.charAt(0) == 'R' ? Kind.SEND_RAW : Kind.EXPECT;
                steps.add(new Step(k, body, no));
            } else if (l.startsWith("!")) {
                steps.add(directive(l.substring(1).trim(), no));
            } else {
                throw new IllegalArgumentException("transcript line " + no + ": expected 'S:', 'R:', 'C:', '!' or '#', got: " + l);
            }
        }
        checkLiteralSizes(steps);
        return new Transcript(steps);
    }

    private static final Pattern ANNOUNCED = Pattern.compile("\\{([0-9]+)}$");

    /**
     * Catches miscounted server literals: an {@code S:} line announcing {@code {n}}, one {@code R:}
     * step and then more {@code S:} text must have exactly n bytes in the {@code R:} step. (A short
     * literal followed by a close or a stall is left alone: that is how truncation is scripted.)
     */
    private static void checkLiteralSizes(List<Step> steps) {
        for (int i = 0; i + 2 < steps.size(); i++) {
            Matcher m = ANNOUNCED.matcher(steps.get(i).text());
            if (steps.get(i).kind() == Kind.SEND && m.find() && steps.get(i + 1).kind() == Kind.SEND_RAW
                    && steps.get(i + 2).kind() == Kind.SEND) {
                int n = bytes(steps.get(i + 1).text(), "TAG").length;
                if (n != Long.parseLong(m.group(1))) {
                    throw new IllegalArgumentException("transcript line " + steps.get(i).line() + " announces a literal of "
                            + m.group(1) + " bytes but line " + steps.get(i + 1).line() + " holds " + n);
                }
            }
        }
    }

    private static Step directive(String d, int no) {
        String[] words = d.split("\\s+");
        String name = words[0].toLowerCase(Locale.ROOT);
        Kind k = switch (name) {
            case "tls" -> Kind.TLS;
            case "tls-rejected" -> Kind.TLS_REJECTED;
            case "deflate" -> Kind.DEFLATE;
            case "wire" -> Kind.WIRE;
            case "repeat" -> Kind.REPEAT;
            case "stall" -> Kind.STALL;
            case "close" -> Kind.CLOSE;
            case "ok-all" -> Kind.OK_ALL;
            default -> throw new IllegalArgumentException("transcript line " + no + ": unknown directive !" + d);
        };
        if (k == Kind.STALL && (words.length != 2 || !words[1].matches("[0-9]+"))) {
            throw new IllegalArgumentException("transcript line " + no + ": expected '!stall <milliseconds>', got !" + d);
        }
        if (k == Kind.WIRE || k == Kind.REPEAT) {
            String text = d.substring(words[0].length()).trim();
            if (text.isEmpty() || (k == Kind.REPEAT && !text.matches("[0-9]+ .+"))) {
                throw new IllegalArgumentException("transcript line " + no + ": expected '!wire <text>' or"
                        + " '!repeat <count> <text>', got !" + d);
            }
            return new Step(k, text, no);
        }
        return new Step(k, k == Kind.STALL ? words[1] : "", no);
    }

    /** Loads {@code transcripts/<name>.txt} from the test class path, e.g. {@code gmail/x-gm-items}. */
    public static Transcript load(String name) {
        return resource("transcripts/" + name + ".txt");
    }

    /** Loads and parses a transcript from the test class path, e.g. {@code transcripts/x.txt}. */
    public static Transcript resource(String name) {
        try (InputStream in = Transcript.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no transcript resource " + name);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Step> steps() {
        return steps;
    }

    /** The bytes of {@code S:}/{@code R:} text: tokens expanded, {@code {tag}} replaced by {@code tag}. */
    public static byte[] bytes(String text, String tag) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        int i = 0;
        Matcher tm = TOKEN.matcher(text);
        Matcher pm = PLACEHOLDER.matcher(text);
        while (i < text.length()) {
            boolean token = tm.find(i);
            boolean ph = pm.find(i);
            int ts = token ? tm.start() : Integer.MAX_VALUE;
            int ps = ph ? pm.start() : Integer.MAX_VALUE;
            int next = Math.min(Math.min(ts, ps), text.length());
            out.writeBytes(text.substring(i, next).getBytes(StandardCharsets.UTF_8));
            if (next == text.length()) {
                break;
            }
            if (ts < ps) {
                out.writeBytes(token(tm.group(1)));
                i = tm.end();
            } else {
                if (!pm.group(1).equals("tag") || tag == null) {
                    throw new IllegalArgumentException("'" + pm.group() + "' has no value here: " + text);
                }
                out.writeBytes(tag.getBytes(StandardCharsets.US_ASCII));
                i = pm.end();
            }
        }
        return out.toByteArray();
    }

    /**
     * The regular expression a received line must match, over the line decoded as ISO-8859-1 (one
     * char per byte). Group 1 of each {@code {tag}} captures the tag.
     */
    static Pattern pattern(String expected) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        Matcher pm = PLACEHOLDER.matcher(expected);
        while (pm.find(i)) {
            re.append(quote(expected.substring(i, pm.start())));
            re.append(pm.group(1).equals("tag") ? TAG_REGEX : "(?:.*)");
            i = pm.end();
        }
        re.append(quote(expected.substring(i)));
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    private static String quote(String literalText) {
        byte[] b = bytes(literalText, null);
        return b.length == 0 ? "" : Pattern.quote(new String(b, StandardCharsets.ISO_8859_1));
    }

    /** Expected against received for a failure report, with a caret under the first difference. */
    static String diff(Step s, byte[] received) {
        String nl = System.lineSeparator();
        if (s == null || s.kind() != Kind.EXPECT) {
            return received == null ? "" : nl + "  received: C: " + printable(received);
        }
        String exp = "C: " + s.text();
        StringBuilder sb = new StringBuilder(nl + "  expected: " + exp);
        if (received != null) {
            String got = "C: " + printable(received);
            sb.append(nl).append("  received: ").append(got);
            int sp = got.indexOf(' ', 3);
            String a = exp.replace("{tag}", sp < 0 ? got.substring(3) : got.substring(3, sp));
            int col = 0;
            while (col < a.length() && col < got.length() && a.charAt(col) == got.charAt(col)) {
                col++;
            }
            if ((col < a.length() || col < got.length()) && !s.text().contains("{*}")) {
                sb.append(nl).append(" ".repeat(12 + col)).append("^ first difference");
            }
        }
        return sb.toString();
    }

    private static byte[] token(String name) {
        return switch (name) {
            case "CRLF" -> new byte[] {'\r', '\n'};
            case "CR" -> new byte[] {'\r'};
            case "LF" -> new byte[] {'\n'};
            case "NUL" -> new byte[] {0};
            case "SP" -> new byte[] {' '};
            case "TAB" -> new byte[] {'\t'};
            default -> new byte[] {(byte) Integer.parseInt(name.substring(1), 16)};
        };
    }

    /** Bytes rendered with the transcript's tokens, so CR, LF, NUL and 8-bit bytes are visible. */
    public static String printable(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len + 8);
        for (int i = off; i < off + len; i++) {
            int c = b[i] & 0xff;
            if (c == '\r' && i + 1 < off + len && b[i + 1] == '\n') {
                sb.append("<CRLF>");
                i++;
            } else if (c == '\r') {
                sb.append("<CR>");
            } else if (c == '\n') {
                sb.append("<LF>");
            } else if (c == 0) {
                sb.append("<NUL>");
            } else if (c == '\t') {
                sb.append("<TAB>");
            } else if (c < 0x20 || c >= 0x7f) {
                sb.append(String.format("<x%02x>", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    public static String printable(byte[] b) {
        return printable(b, 0, b.length);
    }
}
