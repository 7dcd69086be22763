package dev.imap4.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The FETCH responses the consumer's default items bring (UID, FLAGS, INTERNALDATE, RFC822.SIZE,
 * MODSEQ, a 4 KB BODY[]), parsed in three passes in a fresh JVM: the first pass is what a cold
 * start pays, interpreter and JIT included. Run it under JFR to see what the JIT spends on the
 * parser (docs/performance.md, "One compilation of ours"):
 *
 * <pre>
 * java -XX:StartFlightRecording=filename=c.jfr,settings=compile.jfc -cp bench/target/classes dev.imap4.bench.ParseCompile 10000
 * jfr print --events jdk.Compilation c.jfr
 * </pre>
 *
 * where compile.jfc enables {@code jdk.Compilation} with a threshold of 0 ms.
 */
public final class ParseCompile {

    private ParseCompile() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        byte[] body = new byte[4000];
        Arrays.fill(body, (byte) 'x');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int n = 1; n <= count; n++) {
            String head = "* " + n + " FETCH (UID " + (1000 + n) + " FLAGS () INTERNALDATE \"26-Nov-2026 10:"
                    + (10 + n % 50) + ":00 +0100\" RFC822.SIZE " + body.length + " MODSEQ (" + (5 + n) + ") BODY[] {"
                    + body.length + "}\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(body);
            out.writeBytes(")\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        byte[] bytes = out.toByteArray();
        long[] uids = {0};
        for (int pass = 1; pass <= 3; pass++) {
            long t0 = System.nanoTime();
            FetchCorpus.parseAll(bytes, r -> uids[0] += r.uid());
            System.out.printf("pass %d: %.1f ms%n", pass, (System.nanoTime() - t0) / 1e6);
        }
        System.out.println("# uids " + uids[0]);
    }
}
