package dev.imap4.client.fuzz;

import dev.imap4.testing.InMemoryTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory server that sends a fixed byte string whatever the client says: the fuzzed server
 * side of a session. Reads never block; they return one line at a time (so the client never reads
 * ahead past the tagged line of its current command) and end of stream when the bytes run out.
 *
 * <p>A line starting with {@code {tag}} (as in the transcript files) has it replaced by the tag of
 * the command the client sent last, so fuzzed tagged responses can complete commands although the
 * engine picks a random tag prefix. The client's output is only read to learn those tags: each
 * command line's first word, with the literals it sends skipped (a synchronizing one only once the
 * client has been given a "+").
 *
 * <p>Not a transcript: a transcript checks every client line, while fuzzed server bytes must be served
 * whatever the client says (the seeds come from the transcripts, see {@code SeedCorpus}).
 */
final class FuzzedServerTransport extends InMemoryTransport {

    private static final byte[] TAG = "{tag}".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern LITERAL_AT_END = Pattern.compile("\\{([0-9]{1,18})\\+?}$");

    private final byte[] script;
    private int pos;
    private byte[] serving = new byte[0];
    private int servingPos;
    private String lastTag = "";
    private final ByteArrayOutputStream clientLine = new ByteArrayOutputStream();
    private long clientLiteralLeft;
    private long pendingSyncLiteral = -1;

    FuzzedServerTransport(byte[] script) {
        this.script = script;
    }

    @Override
    protected int serve(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (servingPos == serving.length) {
            if (pos >= script.length) {
                return -1;
            }
            int end = pos;
            while (end < script.length && script[end] != '\n') {
                end++;
            }
            end = Math.min(script.length, end + 1);
            serving = withTag(Arrays.copyOfRange(script, pos, end));
            servingPos = 0;
            pos = end;
            if (pendingSyncLiteral >= 0 && serving.length > 0) {
                // the client sends a synchronizing literal after "+", and never after a tagged answer
                if (serving[0] == '+') {
                    clientLiteralLeft = pendingSyncLiteral;
                    pendingSyncLiteral = -1;
                } else if (serving[0] != '*') {
                    pendingSyncLiteral = -1;
                }
            }
        }
        int n = Math.min(len, serving.length - servingPos);
        System.arraycopy(serving, servingPos, b, off, n);
        servingPos += n;
        return n;
    }

    private byte[] withTag(byte[] line) {
        if (line.length < TAG.length || !Arrays.equals(line, 0, TAG.length, TAG, 0, TAG.length)) {
            return line;
        }
        byte[] tag = lastTag.getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(tag, tag.length + line.length - TAG.length);
        System.arraycopy(line, TAG.length, out, tag.length, line.length - TAG.length);
        return out;
    }

    @Override
    protected void received(byte b) {
        if (clientLiteralLeft > 0) {
            clientLiteralLeft--;
            return;
        }
        if (b != '\n') {
            clientLine.write(b);
            return;
        }
        String line = clientLine.toString(StandardCharsets.ISO_8859_1).stripTrailing();
        clientLine.reset();
        Matcher m = LITERAL_AT_END.matcher(line);
        if (m.find()) {
            long n = Long.parseLong(m.group(1));
            if (line.endsWith("+}")) {
                clientLiteralLeft = n;
            } else {
                pendingSyncLiteral = n;
            }
        }
        int sp = line.indexOf(' ');
        if (sp > 0 && !line.startsWith("DONE")) {
            lastTag = line.substring(0, sp);
        }
    }
}
