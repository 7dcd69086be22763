package dev.imap4.client.quirks;

import dev.imap4.testing.InMemoryTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An in-memory {@link Transport} that plays the server side of a {@link Transcript} and checks the
 * client side. Reads never block: they return the next server line, or end of stream when the
 * transcript is over. A read that would need server data recorded after a client line the client
 * has not sent yet fails the test at once (a real server would never answer, the client would hang).
 * Every line the client writes must equal the next {@code C:} line, {@code {tag}} resolved.
 */
final class ScriptedTransport extends InMemoryTransport {

    private final Transcript transcript;
    private final List<Transcript.Step> steps;
    private final List<String> sent = new ArrayList<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private String tagPrefix;
    private int serverIndex;
    private byte[] serving;
    private int servingPos;
    private int clientIndex;

    ScriptedTransport(Transcript transcript) {
        this.transcript = transcript;
        this.steps = transcript.steps();
    }

    /** Sets the prefix that {@code {tag}} resolves with; tags are the prefix plus 1, 2, 3... */
    void bind(String prefix) {
        this.tagPrefix = prefix;
    }

    String tag(int command) {
        if (tagPrefix == null) {
            throw new IllegalStateException("tag prefix not bound yet");
        }
        return tagPrefix + command;
    }

    /** The lines the client sent, without CRLF, tags as sent. */
    List<String> sent() {
        return List.copyOf(sent);
    }

    /** Fails unless the client sent every {@code C:} line and read every {@code S:} line. */
    void assertDone() {
        int pendingClient = nextClient(clientIndex);
        if (pendingClient < steps.size()) {
            throw new AssertionError(where(steps.get(pendingClient)) + ": the client never sent '"
                    + expected((Transcript.Client) steps.get(pendingClient)) + "'");
        }
        if ((serving != null && servingPos < serving.length) || nextServer(serverIndex) < steps.size()) {
            throw new AssertionError(transcript.name() + ": the client stopped reading before the end of the"
                    + " server's lines");
        }
    }

    @Override
    protected int serve(byte[] b, int off, int len) throws IOException {
        while (serving == null || servingPos == serving.length) {
            int next = nextServer(serverIndex);
            if (next == steps.size()) {
                return -1;
            }
            int waiting = nextClient(clientIndex);
            if (waiting < next) {
                throw new AssertionError(where(steps.get(waiting)) + ": the client waits for the server, but the"
                        + " transcript expects it to send '" + expected((Transcript.Client) steps.get(waiting))
                        + "' first");
            }
            Transcript.Server s = (Transcript.Server) steps.get(next);
            serving = s.command() > 0 ? withTag(s.command(), s.bytes()) : s.bytes();
            servingPos = 0;
            serverIndex = next + 1;
        }
        int n = Math.min(len, serving.length - servingPos);
        System.arraycopy(serving, servingPos, b, off, n);
        servingPos += n;
        return n;
    }

    @Override
    protected void received(byte b) {
        if (b != '\n') {
            partial.write(b);
            return;
        }
        byte[] line = partial.toByteArray();
        partial.reset();
        int n = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
        line = Arrays.copyOf(line, n);
        String actual = new String(line, StandardCharsets.UTF_8);
        sent.add(actual);
        int next = nextClient(clientIndex);
        if (next == steps.size()) {
            throw new AssertionError(transcript.name() + ": the client sent '" + actual
                    + "' after the last C: line");
        }
        Transcript.Client c = (Transcript.Client) steps.get(next);
        String expected = expected(c);
        if (!Arrays.equals(line, expected.getBytes(StandardCharsets.UTF_8))) {
            throw new AssertionError(where(c) + ": expected the client to send\n  '" + expected + "'\nbut it sent\n  '"
                    + actual + "'");
        }
        clientIndex = next + 1;
    }

    private String expected(Transcript.Client c) {
        String body = new String(c.line(), StandardCharsets.UTF_8);
        return c.command() > 0 ? tag(c.command()) + body : body;
    }

    private byte[] withTag(int command, byte[] bytes) {
        byte[] tag = tag(command).getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(tag, tag.length + bytes.length);
        System.arraycopy(bytes, 0, out, tag.length, bytes.length);
        return out;
    }

    private int nextServer(int from) {
        int i = from;
        while (i < steps.size() && !(steps.get(i) instanceof Transcript.Server)) {
            i++;
        }
        return i;
    }

    private int nextClient(int from) {
        int i = from;
        while (i < steps.size() && !(steps.get(i) instanceof Transcript.Client)) {
            i++;
        }
        return i;
    }

    private String where(Transcript.Step s) {
        return transcript.name() + " line " + s.lineNumber();
    }
}
