package dev.imap4.client.quirks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recorded IMAP exchange, read from the format described in {@code transcripts/README.md}:
 * {@code S: } lines are sent by the server, {@code C: } lines must come from the client, {@code #}
 * lines and blank lines are comments. Line ends are CRLF on the wire whatever the file uses. An
 * {@code S:} line ending in a literal announcement {@code {n}} is followed by exactly {@code n} raw
 * bytes of the file, and the rest of that physical line continues the same server line. {@code {tag}}
 * at the start of a {@code C:} line is the next command's tag; at the start of an {@code S:} line it
 * is the tag of the last command.
 */
final class Transcript {

    /** What the server sends (one line with its CRLF and any literals), or what the client must send. */
    sealed interface Step permits Server, Client {
        /** The command whose tag {@code {tag}} stands for, or 0 when the line has no {@code {tag}}. */
        int command();

        /** The transcript line this step starts on, for messages. */
        int lineNumber();
    }

    record Server(int command, byte[] bytes, int lineNumber) implements Step {
    }

    record Client(int command, byte[] line, int lineNumber) implements Step {
    }

    static final String TAG = "{tag}";
    private static final Pattern LITERAL_AT_END = Pattern.compile("\\{(\\d{1,18})\\+?}$");

    private final String name;
    private final List<Step> steps;

    private Transcript(String name, List<Step> steps) {
        this.name = name;
        this.steps = List.copyOf(steps);
    }

    /** Loads {@code transcripts/<name>.txt} from the test class path, e.g. {@code gmail/x-gm-items}. */
    static Transcript load(String name) {
        String resource = "/transcripts/" + name + ".txt";
        try (InputStream in = Transcript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no transcript " + resource + " on the test class path");
            }
            return parse(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a transcript held in memory (UTF-8 text, any line ends). */
    static Transcript parse(String name, byte[] file) {
        byte[] text = crlf(file);
        List<Step> steps = new ArrayList<>();
        int command = 0;
        int lineNumber = 0;
        int pos = 0;
        while (pos < text.length) {
            int end = lineEnd(text, pos);
            String line = new String(text, pos, end - pos, StandardCharsets.ISO_8859_1);
            int startLine = ++lineNumber;
            pos = Math.min(text.length, end + 2);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("C: ")) {
                String body = line.substring(3);
                boolean tagged = body.startsWith(TAG);
                if (tagged) {
                    command++;
                    body = body.substring(TAG.length());
                }
                steps.add(new Client(tagged ? command : 0, body.getBytes(StandardCharsets.ISO_8859_1), startLine));
                continue;
            }
            if (!line.startsWith("S: ")) {
                throw new IllegalArgumentException(name + " line " + startLine + ": expected 'S: ', 'C: ' or '#', got '"
                        + line + "'");
            }
            String body = line.substring(3);
            boolean tagged = body.startsWith(TAG);
            if (tagged) {
                body = body.substring(TAG.length());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (true) {
                bytes.writeBytes(body.getBytes(StandardCharsets.ISO_8859_1));
                bytes.writeBytes(new byte[] {'\r', '\n'});
                Matcher m = LITERAL_AT_END.matcher(body);
                if (!m.find()) {
                    break;
                }
                long announced = Long.parseLong(m.group(1));
                int size = (int) Math.min(announced, text.length - pos);
                bytes.write(text, pos, size);
                lineNumber += count(text, pos, pos + size);
                pos += size;
                if (size < announced) {
                    break; // the file ends inside the literal: the server closes the connection there
                }
                end = lineEnd(text, pos);
                body = new String(text, pos, end - pos, StandardCharsets.ISO_8859_1);
                lineNumber++;
                pos = Math.min(text.length, end + 2);
            }
            steps.add(new Server(tagged ? command : 0, bytes.toByteArray(), startLine));
        }
        return new Transcript(name, steps);
    }

    String name() {
        return name;
    }

    List<Step> steps() {
        return steps;
    }

    /** The file's line ends as CRLF; a CR already before an LF is kept single. */
    private static byte[] crlf(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 64);
        for (int i = 0; i < file.length; i++) {
            byte b = file[i];
            if (b == '\n' && (i == 0 || file[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(b);
        }
        return out.toByteArray();
    }

    private static int lineEnd(byte[] text, int from) {
        for (int i = from; i + 1 < text.length; i++) {
            if (text[i] == '\r' && text[i + 1] == '\n') {
                return i;
            }
        }
        return text.length;
    }

    private static int count(byte[] text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text[i] == '\n') {
                n++;
            }
        }
        return n;
    }
}
