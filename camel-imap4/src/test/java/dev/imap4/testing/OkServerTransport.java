package dev.imap4.testing;

import dev.imap4.client.internal.wire.Ascii;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory IMAP server that answers every command {@code <tag> OK done} and records each whole
 * command exactly as a server would frame it: a line up to CRLF, and when the line ends in a literal
 * announcement {@code {n}} or {@code {n+}}, n bytes of literal and the line that continues the
 * command. A synchronizing literal gets {@code + go ahead} first, and literal bytes the client sends
 * before it has read that are a violation, as are a bare CR or LF or a NUL outside a literal.
 * Everything happens on the client's thread: a command is answered as soon as its last byte is
 * written, so after each call the recorded commands are exactly those the call sent.
 *
 * <p>Not a transcript: it must answer any number of commands that the test does not know in advance (the
 * injection property tests generate thousands), and it records them on the client's own thread so
 * that they are complete when the call returns; a transcript lists each exchange and plays on a
 * thread of its own.
 */
public final class OkServerTransport extends InMemoryTransport {

    private static final Pattern LITERAL_AT_END = Pattern.compile("\\{([0-9]{1,9})(\\+?)}$");

    /** One command as the server framed it: its tag and its bytes, literals inline, CRLFs removed. */
    public record Command(String tag, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final Deque<byte[]> toClient = new ArrayDeque<>();
    private byte[] serving;
    private int servingPos;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final ByteArrayOutputStream command = new ByteArrayOutputStream();
    private final List<Command> commands = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private long literalLeft;
    private boolean literalNeedsGoAhead;
    private boolean goAheadUnread;

    /** A server greeting with {@code * <greeting> [CAPABILITY <capabilities>] ready}, e.g. PREAUTH. */
    public OkServerTransport(String greeting, String capabilities) {
        send("* " + greeting + " [CAPABILITY " + capabilities + "] ready");
    }

    /** Every command received so far, in order. */
    public List<Command> commands() {
        return List.copyOf(commands);
    }

    /** Framing errors seen so far (bare CR/LF/NUL, literal data before the go-ahead, a partial command). */
    public List<String> violations() {
        List<String> out = new ArrayList<>(violations);
        if (line.size() > 0 || command.size() > 0 || literalLeft > 0) {
            out.add("an unfinished command: " + Ascii.printable(command.toByteArray()) + Ascii.printable(line.toByteArray()));
        }
        return out;
    }

    private void send(String text) {
        toClient.add((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected int serve(byte[] b, int off, int len) throws IOException {
        if (serving == null || servingPos == serving.length) {
            serving = toClient.poll();
            servingPos = 0;
            if (serving == null) {
                throw new AssertionError("the client waits for an answer, but no command is complete; received "
                        + Ascii.printable(command.toByteArray()) + Ascii.printable(line.toByteArray()));
            }
        }
        int n = Math.min(len, serving.length - servingPos);
        System.arraycopy(serving, servingPos, b, off, n);
        servingPos += n;
        if (servingPos == serving.length && serving[0] == '+') {
            goAheadUnread = false;
        }
        return n;
    }

    @Override
    protected void received(byte b) {
        if (literalLeft > 0) {
            if (literalNeedsGoAhead && goAheadUnread) {
                violations.add("literal data before the go-ahead, after " + Ascii.printable(command.toByteArray()));
                literalNeedsGoAhead = false;
            }
            command.write(b);
            literalLeft--;
            return;
        }
        line.write(b);
        if (b == '\n') {
            endOfLine(line.toByteArray());
            line.reset();
        }
    }

    private void endOfLine(byte[] raw) {
        int n = raw.length;
        if (n < 2 || raw[n - 2] != '\r') {
            violations.add("a bare LF in " + Ascii.printable(raw));
        }
        byte[] body = Arrays.copyOf(raw, Math.max(0, n - 2));
        for (byte x : body) {
            if (x == '\r' || x == '\n' || x == 0) {
                violations.add("a bare CR, LF or NUL outside a literal in " + Ascii.printable(raw));
                break;
            }
        }
        command.writeBytes(body);
        Matcher m = LITERAL_AT_END.matcher(new String(body, StandardCharsets.ISO_8859_1));
        if (m.find()) {
            literalLeft = Long.parseLong(m.group(1));
            literalNeedsGoAhead = m.group(2).isEmpty();
            if (literalNeedsGoAhead) {
                goAheadUnread = true;
                send("+ go ahead");
            }
            return;
        }
        byte[] all = command.toByteArray();
        command.reset();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int sp = text.indexOf(' ');
        String tag = sp < 0 ? text : text.substring(0, sp);
        commands.add(new Command(tag, all));
        send(tag + " OK done");
    }
}
