package dev.imap4.bench;

import dev.imap4.client.internal.parse.FetchParser;
import dev.imap4.client.internal.wire.BytesResponseSource;
import dev.imap4.client.internal.wire.ImapInput;
import dev.imap4.client.types.FetchResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Server bytes of many FETCH responses, as a mail client sees them when it lists and downloads a
 * folder. Deterministic (fixed seed), so every run parses the same bytes.
 */
public final class FetchCorpus {

    /** What the responses carry. */
    public enum Shape {
        /** FLAGS, INTERNALDATE, RFC822.SIZE, ENVELOPE and BODYSTRUCTURE: all parsing, no literal. */
        STRUCTURE,
        /** UID, FLAGS and a 16 KiB BODY[] literal: mostly bytes to move. */
        BODIES,
        /** Everything of STRUCTURE plus a 4 KiB BODY[] literal. */
        MIXED
    }

    private FetchCorpus() {
    }

    /** Parses every {@code * n FETCH (...)} of {@code corpus} with the grammar reader; returns how many. */
    static int parseAll(byte[] corpus, Consumer<FetchResponse> each) throws IOException {
        ImapInput in = new ImapInput(new BytesResponseSource(corpus), 64);
        int count = 0;
        while (in.nextLine()) {
            in.expect('*', "response-data");
            in.sp();
            long n = in.number();
            in.sp();
            in.atom();
            each.accept(FetchParser.parse(n, in));
            in.crlf();
            count++;
        }
        return count;
    }

    /** Responses numbered from 1 until the corpus holds at least {@code targetBytes}. */
    static byte[] build(Shape shape, int targetBytes) {
        Random random = new Random(42);
        ByteArrayOutputStream out = new ByteArrayOutputStream(targetBytes + 64 * 1024);
        for (int n = 1; out.size() < targetBytes; n++) {
            out.writeBytes(response(shape, n, random));
        }
        return out.toByteArray();
    }

    /** The responses numbered 1 to {@code count}, as one {@code UID FETCH 1:*} of a folder that size returns. */
    static byte[] messages(Shape shape, int count) {
        Random random = new Random(42);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int n = 1; n <= count; n++) {
            out.writeBytes(response(shape, n, random));
        }
        return out.toByteArray();
    }

    private static byte[] response(Shape shape, int n, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder("* ").append(n).append(" FETCH (UID ").append(1000 + n)
                .append(" FLAGS (\\Seen $Label").append(n % 7).append(')');
        if (shape != Shape.BODIES) {
            head.append(" INTERNALDATE \"26-Nov-2026 10:").append(10 + n % 50).append(":00 +0100\" RFC822.SIZE ")
                    .append(20_000 + n).append(" ENVELOPE ").append(envelope(n)).append(" BODYSTRUCTURE ")
                    .append(bodyStructure(n));
        }
        if (shape == Shape.STRUCTURE) {
            out.writeBytes(head.append(")\r\n").toString().getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
        byte[] body = body(shape == Shape.BODIES ? 16 * 1024 : 4 * 1024, random);
        head.append(" BODY[] {").append(body.length).append("}\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        out.writeBytes(")\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String envelope(int n) {
        String ann = "((\"Ann Example\" NIL \"ann\" \"example.org\"))";
        return "(\"Thu, 26 Nov 2026 10:15:00 +0100\" \"=?UTF-8?Q?Quarterly_report_n=C2=B0" + n + "?=\" " + ann + " "
                + ann + " " + ann + " ((\"Joe Bloggs\" NIL \"joe\" \"example.org\")(\"Team\" NIL \"team\""
                + " \"lists.example.org\")) ((NIL NIL \"audit\" \"example.org\")) NIL \"<prev-" + n
                + "@example.org>\" \"<msg-" + n + "@example.org>\")";
    }

    private static String bodyStructure(int n) {
        return "(((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"UTF-8\") NIL NIL \"QUOTED-PRINTABLE\" 1234 40 NIL NIL NIL NIL)"
                + "(\"TEXT\" \"HTML\" (\"CHARSET\" \"UTF-8\") NIL NIL \"QUOTED-PRINTABLE\" 5678 120 NIL NIL NIL NIL)"
                + " \"ALTERNATIVE\" (\"BOUNDARY\" \"alt-" + n + "\") NIL NIL NIL)(\"APPLICATION\" \"PDF\" (\"NAME\""
                + " \"report-" + n + ".pdf\") NIL NIL \"BASE64\" 98765 NIL (\"ATTACHMENT\" (\"FILENAME\" \"report-" + n
                + ".pdf\")) NIL NIL) \"MIXED\" (\"BOUNDARY\" \"mix-" + n + "\") NIL NIL NIL)";
    }

    /** Message text: 76-character lines of base64 letters, CRLF-terminated. */
    private static byte[] body(int size, Random random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            int col = i % 78;
            b[i] = (byte) (col == 76 ? '\r' : col == 77 ? '\n' : alphabet.charAt(random.nextInt(64)));
        }
        return b;
    }
}
