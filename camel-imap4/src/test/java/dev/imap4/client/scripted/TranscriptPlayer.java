package dev.imap4.client.scripted;

import dev.imap4.client.scripted.Transcript.Kind;
import dev.imap4.client.scripted.Transcript.Step;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Plays the server side of one {@link Transcript} over a pair of streams: a socket's
 * ({@link ScriptedServer}), a process's stdin/stdout ({@link StreamPeer}), or an in-memory pair
 * ({@link ScriptedTransport}). A mismatch ends the play with an {@link AssertionError} that shows the
 * expected and the received line and the conversation so far.
 */
final class TranscriptPlayer {

    /** Layers TLS over the connection; {@code alreadyRead} are bytes read ahead of the handshake. */
    interface TlsSwitch {
        Streams upgrade(byte[] alreadyRead) throws IOException;
    }

    record Streams(InputStream in, OutputStream out) {
    }

    private static final Pattern LITERAL_AT_END = Pattern.compile("\\{([0-9]+)(\\+?)}$");
    private static final int HISTORY = 25;

    private final Transcript transcript;
    private final String name;
    private final TlsSwitch tls;
    private final boolean implicitTls;
    private final List<String> conversation = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final Set<String> tagsSeen = new HashSet<>();

    private LineReader in;
    private InputStream rawIn;
    private OutputStream out;
    /** The connection's own output under any compression ({@code !wire}). */
    private OutputStream wire;
    private String tag;
    private long pendingLiteral = -1;
    private boolean awaitingContinuation;
    private volatile Step current;
    private volatile Throwable tlsRejection;

    TranscriptPlayer(Transcript transcript, String name, Streams streams, TlsSwitch tls, boolean implicitTls) {
        this.transcript = transcript;
        this.name = name;
        this.tls = tls;
        this.implicitTls = implicitTls;
        this.rawIn = streams.in();
        this.in = new LineReader(streams.in());
        this.out = streams.out();
        this.wire = streams.out();
    }

    /** Runs the transcript to its end; throws {@link AssertionError} on any deviation. */
    void run() throws IOException, InterruptedException {
        List<Step> steps = transcript.steps();
        if (implicitTls && (steps.isEmpty() || (steps.get(0).kind() != Kind.TLS && steps.get(0).kind() != Kind.TLS_REJECTED))) {
            startTls(new Step(Kind.TLS, "", 0));
        }
        for (Step s : steps) {
            current = s;
            switch (s.kind()) {
                case SEND -> send(s, true);
                case SEND_RAW -> send(s, false);
                case EXPECT -> expect(s);
                case TLS -> startTls(s);
                case TLS_REJECTED -> {
                    tlsRejected(s);
                    return;
                }
                case DEFLATE -> startDeflate();
                case WIRE -> {
                    byte[] b = Transcript.bytes(s.text(), tag);
                    wire.write(b);
                    wire.flush();
                    conversation.add("W: " + Transcript.printable(b));
                }
                case REPEAT -> {
                    if (!repeat(s)) {
                        return;
                    }
                }
                case STALL -> Thread.sleep(Long.parseLong(s.text()));
                case CLOSE -> {
                    conversation.add("-- server closed the connection");
                    return;
                }
                case OK_ALL -> {
                    okAll(s);
                    return;
                }
            }
        }
        current = null;
        expectClose();
    }

    private void send(Step s, boolean crlf) throws IOException {
        byte[] b = Transcript.bytes(s.text(), tag);
        if (awaitingContinuation && b.length > 0 && b[0] == '+') {
            checkClientWaits(s);
        } else if (awaitingContinuation && tag != null && new String(b, StandardCharsets.ISO_8859_1).startsWith(tag + " ")) {
            awaitingContinuation = false; // the server ended the command instead: no literal follows
            pendingLiteral = -1;
        }
        out.write(b);
        if (crlf) {
            out.write(new byte[] {'\r', '\n'});
        }
        out.flush();
        conversation.add((crlf ? "S: " : "R: ") + Transcript.printable(b));
    }

    /** RFC 3501 §4.3: before a synchronizing literal the client must wait for "+". */
    private void checkClientWaits(Step s) throws IOException {
        awaitingContinuation = false;
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (in.available() > 0) {
            throw failure(s, "the client sent literal data before the server's continuation request", null);
        }
    }

    private void expect(Step s) throws IOException {
        byte[] literal = new byte[0];
        byte[] line;
        try {
            if (pendingLiteral >= 0) {
                literal = in.readExactly((int) pendingLiteral);
                pendingLiteral = -1;
            }
            line = in.readLine();
        } catch (Duplex.Stalemate e) {
            throw failure(s, e.getMessage(), null);
        } catch (SocketTimeoutException e) {
            throw failure(s, "timed out waiting for the client" + (awaitingContinuation
                    ? " (it announced a synchronizing literal: did the transcript forget 'S: + ...'?)" : ""), null);
        } catch (EOFException | SocketException e) {
            throw failure(s, "the client closed the connection", null);
        }
        if (line == null) {
            throw failure(s, "the client closed the connection", null);
        }
        awaitingContinuation = false;
        byte[] all = concat(literal, line);
        conversation.add("C: " + Transcript.printable(all));
        if (!endsWithCrlf(line)) {
            throw failure(s, "the client's line does not end with CRLF", all);
        }
        byte[] rest = Arrays.copyOf(line, line.length - 2);
        byte[] body = concat(literal, rest);
        Matcher m = Transcript.pattern(s.text()).matcher(new String(body, StandardCharsets.ISO_8859_1));
        if (!m.matches()) {
            throw failure(s, "the client sent something else", body);
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                tag = m.group(g);
                if (!tagsSeen.add(tag)) {
                    throw failure(s, "the client used tag " + tag + " a second time", body);
                }
            }
        }
        noteLiteral(rest);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private void noteLiteral(byte[] lineBody) {
        Matcher lm = LITERAL_AT_END.matcher(new String(lineBody, StandardCharsets.ISO_8859_1));
        if (lm.find()) {
            pendingLiteral = Long.parseLong(lm.group(1));
            awaitingContinuation = lm.group(2).isEmpty();
        }
    }

    private void startTls(Step s) throws IOException {
        Streams st;
        try {
            st = tls.upgrade(in.drainBuffered());
        } catch (IOException e) {
            throw failure(s, "the TLS handshake failed: " + e, null);
        }
        rawIn = st.in();
        in = new LineReader(st.in());
        out = st.out();
        wire = st.out();
        conversation.add("-- TLS established");
    }

    /**
     * RFC 4978 §3: both directions are raw DEFLATE from here; what the client sent after its
     * COMPRESS line is already compressed. The inflating input reports nothing available, so the
     * check that a client waits for "+" before a literal cannot run on a compressed connection.
     */
    private void startDeflate() {
        InputStream compressed = new SequenceInputStream(new ByteArrayInputStream(in.drainBuffered()), rawIn);
        rawIn = new InflaterInputStream(compressed, new Inflater(true), 512) {
            @Override
            public int available() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (EOFException e) {
                    return -1; // the client closed the connection: an end of stream, as uncompressed
                }
            }
        };
        in = new LineReader(rawIn);
        out = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true), 4096, true);
        conversation.add("-- COMPRESS=DEFLATE active");
    }

    /**
     * Sends the text n times, in chunks; a client that closes the connection meanwhile (a bomb it
     * refused) ends the transcript.
     */
    private boolean repeat(Step s) throws IOException {
        String[] parts = s.text().split(" ", 2);
        long n = Long.parseLong(parts[0]);
        byte[] b = Transcript.bytes(parts[1], tag);
        int per = Math.max(1, 64 * 1024 / b.length);
        byte[] chunk = new byte[per * b.length];
        for (int i = 0; i < per; i++) {
            System.arraycopy(b, 0, chunk, i * b.length, b.length);
        }
        conversation.add("S: (" + n + " times) " + Transcript.printable(b));
        try {
            for (long left = n; left > 0; left -= per) {
                out.write(chunk, 0, (int) Math.min(left, per) * b.length);
            }
            out.flush();
            return true;
        } catch (SocketException e) {
            conversation.add("-- the client closed the connection during the repeat");
            return false;
        }
    }

    private void tlsRejected(Step s) throws IOException {
        try {
            Streams st = tls.upgrade(in.drainBuffered());
            int b = st.in().read();
            if (b >= 0) {
                throw failure(s, "the TLS handshake succeeded and the client went on talking; expected a rejection", null);
            }
            tlsRejection = new EOFException("the client closed the connection right after the handshake");
        } catch (IOException e) {
            tlsRejection = e;
        }
        conversation.add("-- TLS handshake rejected: " + tlsRejection);
    }

    /** Answers every command OK until the client leaves; records each command, literals inline. */
    private void okAll(Step s) throws IOException {
        while (true) {
            byte[] line = in.readLine();
            if (line == null) {
                return;
            }
            StringBuilder cmd = new StringBuilder();
            while (true) {
                conversation.add("C: " + Transcript.printable(line));
                byte[] body = checkedBody(s, line);
                cmd.append(Transcript.printable(body));
                Matcher lm = LITERAL_AT_END.matcher(new String(body, StandardCharsets.ISO_8859_1));
                if (!lm.find()) {
                    break;
                }
                if (lm.group(2).isEmpty()) {
                    awaitingContinuation = true;
                    send(new Step(Kind.SEND, "+ go ahead", s.line()), true);
                }
                byte[] literal = in.readExactly(Integer.parseInt(lm.group(1)));
                cmd.append(Transcript.printable(literal));
                line = in.readLine();
                if (line == null) {
                    throw failure(s, "the client closed the connection in the middle of a command", null);
                }
            }
            commands.add(cmd.toString());
            String t = cmd.toString().split(" ", 2)[0];
            out.write((t + " OK done\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            conversation.add("S: " + t + " OK done");
        }
    }

    /** A command line outside literals must end in CRLF and hold no other CR, LF or NUL. */
    private byte[] checkedBody(Step s, byte[] line) {
        if (!endsWithCrlf(line)) {
            throw failure(s, "the client's line does not end with CRLF", line);
        }
        byte[] body = Arrays.copyOf(line, line.length - 2);
        for (byte b : body) {
            if (b == '\r' || b == '\n' || b == 0) {
                throw failure(s, "the client sent a bare CR, LF or NUL outside a literal", line);
            }
        }
        return body;
    }

    private void expectClose() throws IOException {
        byte[] more;
        try {
            more = in.readLine();
        } catch (SocketTimeoutException e) {
            throw failure(null, "the transcript has ended but the client did not close the connection", null);
        } catch (SocketException e) {
            more = null; // a reset is how an aborting client often leaves
        }
        if (more != null) {
            conversation.add("C: " + Transcript.printable(more));
            throw failure(null, "the client sent more than the transcript expects", more);
        }
        conversation.add("-- client closed the connection");
    }

    private static boolean endsWithCrlf(byte[] line) {
        return line.length >= 2 && line[line.length - 2] == '\r' && line[line.length - 1] == '\n';
    }

    /** An assertion failure with a diff of expected against received and the recent conversation. */
    AssertionError failure(Step s, String what, byte[] received) {
        StringBuilder sb = new StringBuilder();
        sb.append(name).append(": ").append(s == null || s.line() == 0 ? "after the transcript" : "transcript line " + s.line())
                .append(": ").append(what);
        sb.append(Transcript.diff(s, received));
        sb.append(System.lineSeparator()).append("conversation so far:");
        List<String> conv = new ArrayList<>(conversation);
        for (String c : conv.subList(Math.max(0, conv.size() - HISTORY), conv.size())) {
            sb.append(System.lineSeparator()).append("  ").append(c);
        }
        return new AssertionError(sb.toString());
    }

    /** The step the player is on, for reports about a transcript that did not finish. */
    Step current() {
        return current;
    }

    List<String> conversation() {
        return conversation;
    }

    List<String> commands() {
        return commands;
    }

    Throwable tlsRejection() {
        return tlsRejection;
    }
}
