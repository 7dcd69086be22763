package dev.imap4.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * An in-memory hostile server that floods: it answers each command with the parts registered for
 * it (lines or literals repeated any number of times, generated as they are read, never held) and
 * then {@code <tag> OK done}. Commands with nothing registered get only the OK; LOGOUT gets a BYE
 * first. Runs in the client's thread, like {@link OkServerTransport}.
 *
 * <p>Not a transcript: its floods are generated as they are read and never held (the bounded-memory
 * tests send more than the heap), while a transcript holds every byte it sends.
 */
public final class FloodTransport extends InMemoryTransport {

    /** Bytes the server sends: fixed text and runs of filler, repeated {@code count} times. */
    public static final class Part {
        private final List<Object> pieces = new ArrayList<>(); // byte[] or Long (filler length)
        private long count = 1;

        /** Fixed text; {@code \n} in it is sent as CRLF. */
        public Part text(String s) {
            pieces.add(s.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        /** A literal announcement and {@code size} bytes of filler. */
        public Part literal(long size) {
            text("{" + size + "}\n");
            pieces.add(size);
            return this;
        }

        public Part times(long n) {
            count = n;
            return this;
        }
    }

    /** A line (CRLF added) sent {@code count} times. */
    public static Part lines(String line, long count) {
        return new Part().text(line + "\n").times(count);
    }

    /** {@code before{size}CRLF<size bytes>after CRLF}, {@code count} times. */
    public static Part literals(String before, long size, String after, long count) {
        return new Part().text(before).literal(size).text(after + "\n").times(count);
    }

    private record Answer(String verb, List<Part> parts) {
    }

    private final List<Answer> answers = new ArrayList<>();
    private final Deque<Part> out = new ArrayDeque<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<String> commands = new ArrayList<>();
    private long repeat;
    private int piece;
    private long offset;

    /** A server greeting {@code * <greeting> [CAPABILITY <capabilities>] ready}, e.g. PREAUTH. */
    public FloodTransport(String greeting, String capabilities) {
        out.add(new Part().text("* " + greeting + " [CAPABILITY " + capabilities + "] ready\n"));
    }

    /** The next command whose verb (after the tag) starts with {@code verb} gets {@code parts} before its OK. */
    public FloodTransport answer(String verb, Part... parts) {
        answers.add(new Answer(verb.toUpperCase(Locale.ROOT), Arrays.asList(parts)));
        return this;
    }

    /** The command lines received, tags removed. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    @Override
    protected int serve(byte[] b, int off, int len) {
        int n = 0;
        while (n < len && !out.isEmpty()) {
            Part p = out.peekFirst();
            Object pc = p.pieces.get(piece);
            long size = pc instanceof byte[] bytes ? bytes.length : (Long) pc;
            int take = (int) Math.min(len - n, size - offset);
            if (pc instanceof byte[] bytes) {
                System.arraycopy(bytes, (int) offset, b, off + n, take);
            } else {
                Arrays.fill(b, off + n, off + n + take, (byte) 'x');
            }
            n += take;
            offset += take;
            if (offset == size) {
                offset = 0;
                if (++piece == p.pieces.size()) {
                    piece = 0;
                    if (++repeat == p.count) {
                        repeat = 0;
                        out.removeFirst();
                    }
                }
            }
        }
        return n == 0 && len > 0 ? -1 : n;
    }

    @Override
    protected void received(byte c) {
        if (c != '\n') {
            line.write(c);
            return;
        }
        String cmd = line.toString(StandardCharsets.ISO_8859_1).strip();
        line.reset();
        int sp = cmd.indexOf(' ');
        String tag = sp < 0 ? cmd : cmd.substring(0, sp);
        String rest = sp < 0 ? "" : cmd.substring(sp + 1);
        commands.add(rest);
        String upper = rest.toUpperCase(Locale.ROOT);
        for (int i = 0; i < answers.size(); i++) {
            if (upper.startsWith(answers.get(i).verb())) {
                out.addAll(answers.remove(i).parts());
                break;
            }
        }
        if (upper.startsWith("LOGOUT")) {
            out.add(new Part().text("* BYE logging out\n"));
        }
        out.add(new Part().text(tag + " OK done\n"));
    }
}
